package org.apom.areas.internal.rest;

import org.apom.areas.api.Province;

/** A province as the REST API shows it. */
public record ProvinceJson(String code, String nameTh, String nameEn, String region) {

    static ProvinceJson of(Province p) {
        return new ProvinceJson(p.code().value(), p.nameTh(), p.nameEn(), p.region());
    }
}
