package org.apom.areas.internal.rest;

import java.math.BigDecimal;

import org.apom.areas.api.Subdistrict;

import io.swagger.v3.oas.annotations.media.Schema;

/** A subdistrict as the REST API shows it; latitude and longitude are null where unknown. */
public record SubdistrictJson(String code, String districtCode, String nameTh, String nameEn, String postcode,
        @Schema(nullable = true) BigDecimal latitude, @Schema(nullable = true) BigDecimal longitude) {

    static SubdistrictJson of(Subdistrict s) {
        return new SubdistrictJson(s.code().value(), s.districtCode().value(), s.nameTh(), s.nameEn(), s.postcode(),
                s.latitude(), s.longitude());
    }
}
