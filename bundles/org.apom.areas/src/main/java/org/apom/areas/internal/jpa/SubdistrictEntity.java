package org.apom.areas.internal.jpa;

import java.math.BigDecimal;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

import org.apom.areas.api.Subdistrict;
import org.apom.core.api.DistrictCode;
import org.apom.core.api.SubdistrictCode;

@Entity
@Table(name = "AREAS_SUBDISTRICT")
public class SubdistrictEntity extends AreaEntity<Subdistrict> {

    @Column(name = "DISTRICT_CODE", nullable = false)
    private String districtCode;
    @Column(name = "POSTCODE")
    private String postcode;
    @Column(name = "LAT", precision = 9, scale = 6)
    private BigDecimal latitude;
    @Column(name = "LON", precision = 9, scale = 6)
    private BigDecimal longitude;

    protected SubdistrictEntity() {
    }

    public SubdistrictEntity(Subdistrict s, String edition) {
        super(s.code().value(), edition);
        update(s);
    }

    @Override
    public boolean update(Subdistrict s) {
        boolean changed = !s.districtCode().value().equals(districtCode) || !Objects.equals(s.postcode(), postcode)
                || !sameNumber(s.latitude(), latitude) || !sameNumber(s.longitude(), longitude);
        districtCode = s.districtCode().value();
        postcode = s.postcode();
        latitude = s.latitude();
        longitude = s.longitude();
        return takeNames(s.nameTh(), s.nameEn()) || changed;
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @Override
    public Subdistrict toDTO() {
        return new Subdistrict(SubdistrictCode.of(code()), DistrictCode.of(districtCode), nameTh(), nameEn(),
                postcode, latitude, longitude);
    }
}
