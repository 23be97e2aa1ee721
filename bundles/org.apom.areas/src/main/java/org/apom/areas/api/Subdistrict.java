package org.apom.areas.api;

import java.math.BigDecimal;

import org.apom.core.api.DistrictCode;
import org.apom.core.api.SubdistrictCode;

/** A subdistrict (ตำบล, or แขวง in Bangkok); latitude and longitude are {@code null} where unknown. */
public record Subdistrict(SubdistrictCode code, DistrictCode districtCode, String nameTh, String nameEn,
        String postcode, BigDecimal latitude, BigDecimal longitude) {
}
