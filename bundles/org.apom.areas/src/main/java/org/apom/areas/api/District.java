package org.apom.areas.api;

import org.apom.core.api.DistrictCode;
import org.apom.core.api.ProvinceCode;

/** A district (อำเภอ, or เขต in Bangkok). */
public record District(DistrictCode code, ProvinceCode provinceCode, String nameTh, String nameEn) {
}
