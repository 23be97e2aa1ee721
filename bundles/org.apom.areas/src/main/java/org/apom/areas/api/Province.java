package org.apom.areas.api;

import org.apom.core.api.ProvinceCode;

/** A province (จังหวัด) with its Thai and romanised names and its region (north, central, ...). */
public record Province(ProvinceCode code, String nameTh, String nameEn, String region) {
}
