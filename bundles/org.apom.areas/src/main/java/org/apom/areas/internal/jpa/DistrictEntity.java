package org.apom.areas.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

import org.apom.areas.api.District;
import org.apom.core.api.DistrictCode;
import org.apom.core.api.ProvinceCode;

@Entity
@Table(name = "AREAS_DISTRICT")
public class DistrictEntity extends AreaEntity<District> {

    @Column(name = "PROVINCE_CODE", nullable = false)
    private String provinceCode;

    protected DistrictEntity() {
    }

    public DistrictEntity(District d, String edition) {
        super(d.code().value(), edition);
        update(d);
    }

    @Override
    public boolean update(District d) {
        boolean changed = !d.provinceCode().value().equals(provinceCode);
        provinceCode = d.provinceCode().value();
        return takeNames(d.nameTh(), d.nameEn()) || changed;
    }

    @Override
    public District toDTO() {
        return new District(DistrictCode.of(code()), ProvinceCode.of(provinceCode), nameTh(), nameEn());
    }
}
