package org.apom.areas.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.areas.api.Province;
import org.apom.core.api.ProvinceCode;

@Entity
@Table(name = "AREAS_PROVINCE")
public class ProvinceEntity implements EditionedArea<Province> {

    @Id
    @Column(name = "CODE", length = 2)
    private String code;
    @Column(name = "NAME_TH", nullable = false)
    private String nameTh;
    @Column(name = "NAME_EN", nullable = false)
    private String nameEn;
    @Column(name = "REGION", nullable = false)
    private String region;
    @Column(name = "FIRST_EDITION", nullable = false)
    private String firstEdition;
    @Column(name = "RETIRED_EDITION")
    private String retiredEdition;

    protected ProvinceEntity() {
    }

    public ProvinceEntity(Province p, String edition) {
        this.code = p.code().value();
        this.firstEdition = edition;
        update(p);
    }

    @Override
    public boolean update(Province p) {
        boolean changed = !p.nameTh().equals(nameTh) || !p.nameEn().equals(nameEn) || !p.region().equals(region)
                || retiredEdition != null;
        nameTh = p.nameTh();
        nameEn = p.nameEn();
        region = p.region();
        retiredEdition = null;
        return changed;
    }

    @Override
    public void retire(String edition) {
        retiredEdition = edition;
    }

    @Override
    public boolean isRetired() {
        return retiredEdition != null;
    }

    @Override
    public String code() {
        return code;
    }

    public Province toDTO() {
        return new Province(ProvinceCode.of(code), nameTh, nameEn, region);
    }
}
