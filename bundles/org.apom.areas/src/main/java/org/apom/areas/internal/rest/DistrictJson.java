package org.apom.areas.internal.rest;

import org.apom.areas.api.District;

/** A district as the REST API shows it. */
public record DistrictJson(String code, String provinceCode, String nameTh, String nameEn) {

    static DistrictJson of(District d) {
        return new DistrictJson(d.code().value(), d.provinceCode().value(), d.nameTh(), d.nameEn());
    }
}
