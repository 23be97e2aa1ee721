package org.apom.areas.internal.jpa;

import java.math.BigDecimal;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.areas.api.Subdistrict;
import org.apom.core.api.DistrictCode;
import org.apom.core.api.SubdistrictCode;

@Entity
@Table(name = "AREAS_SUBDISTRICT")
public class SubdistrictEntity implements EditionedArea<Subdistrict> {

    @Id
    @Column(name = "CODE", length = 6)
    private String code;
    @Column(name = "DISTRICT_CODE", nullable = false, length = 4)
    private String districtCode;
    @Column(name = "NAME_TH", nullable = false)
    private String nameTh;
    @Column(name = "NAME_EN", nullable = false)
    private String nameEn;
    @Column(name = "POSTCODE", length = 5)
    private String postcode;
    @Column(name = "LAT", precision = 9, scale = 6)
    private BigDecimal latitude;
    @Column(name = "LON", precision = 9, scale = 6)
    private BigDecimal longitude;
    @Column(name = "FIRST_EDITION", nullable = false)
    private String firstEdition;
    @Column(name = "RETIRED_EDITION")
    private String retiredEdition;

    protected SubdistrictEntity() {
    }

    public SubdistrictEntity(Subdistrict s, String edition) {
        this.code = s.code().value();
        this.firstEdition = edition;
        update(s);
    }

    @Override
    public boolean update(Subdistrict s) {
        boolean changed = !s.districtCode().value().equals(districtCode) || !s.nameTh().equals(nameTh)
                || !s.nameEn().equals(nameEn) || !Objects.equals(s.postcode(), postcode)
                || !sameNumber(s.latitude(), latitude) || !sameNumber(s.longitude(), longitude)
                || retiredEdition != null;
        districtCode = s.districtCode().value();
        nameTh = s.nameTh();
        nameEn = s.nameEn();
        postcode = s.postcode();
        latitude = s.latitude();
        longitude = s.longitude();
        retiredEdition = null;
        return changed;
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
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

    public Subdistrict toDTO() {
        return new Subdistrict(SubdistrictCode.of(code), DistrictCode.of(districtCode), nameTh, nameEn, postcode,
                latitude, longitude);
    }
}
