package org.apom.areas.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

import org.apom.areas.api.Province;
import org.apom.core.api.ProvinceCode;

@Entity
@Table(name = "AREAS_PROVINCE")
public class ProvinceEntity extends AreaEntity<Province> {

    @Column(name = "REGION", nullable = false)
    private String region;

    protected ProvinceEntity() {
    }

    public ProvinceEntity(Province p, String edition) {
        super(p.code().value(), edition);
        update(p);
    }

    @Override
    public boolean update(Province p) {
        boolean changed = !p.region().equals(region);
        region = p.region();
        return takeNames(p.nameTh(), p.nameEn()) || changed;
    }

    @Override
    public Province toDTO() {
        return new Province(ProvinceCode.of(code()), nameTh(), nameEn(), region);
    }
}
