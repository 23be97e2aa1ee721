package org.apom.areas.internal;

import java.util.List;

import org.apom.areas.api.District;
import org.apom.areas.api.Province;
import org.apom.areas.api.Subdistrict;

/** One edition of the area files as read, checked for consistency, with the checksum that names it. */
record AreaData(String checksum, List<Province> provinces, List<District> districts, List<Subdistrict> subdistricts) {

    AreaData {
        provinces = List.copyOf(provinces);
        districts = List.copyOf(districts);
        subdistricts = List.copyOf(subdistricts);
    }
}
