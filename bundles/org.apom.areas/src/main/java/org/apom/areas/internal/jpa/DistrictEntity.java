package org.apom.areas.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.areas.api.District;
import org.apom.core.api.DistrictCode;
import org.apom.core.api.ProvinceCode;

@Entity
@Table(name = "AREAS_DISTRICT")
public class DistrictEntity implements EditionedArea<District> {

    @Id
    @Column(name = "CODE", length = 4)
    private String code;
    @Column(name = "PROVINCE_CODE", nullable = false, length = 2)
    private String provinceCode;
    @Column(name = "NAME_TH", nullable = false)
    private String nameTh;
    @Column(name = "NAME_EN", nullable = false)
    private String nameEn;
    @Column(name = "FIRST_EDITION", nullable = false)
    private String firstEdition;
    @Column(name = "RETIRED_EDITION")
    private String retiredEdition;

    protected DistrictEntity() {
    }

    public DistrictEntity(District d, String edition) {
        this.code = d.code().value();
        this.firstEdition = edition;
        update(d);
    }

    @Override
    public boolean update(District d) {
        boolean changed = !d.provinceCode().value().equals(provinceCode) || !d.nameTh().equals(nameTh)
                || !d.nameEn().equals(nameEn) || retiredEdition != null;
        provinceCode = d.provinceCode().value();
        nameTh = d.nameTh();
        nameEn = d.nameEn();
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

    public District toDTO() {
        return new District(DistrictCode.of(code), ProvinceCode.of(provinceCode), nameTh, nameEn);
    }
}
