package org.apom.extensions.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** How many records one district of the province has, by status ({@code ACTIVE}: 12, ...). */
public class DistrictCountsDTO {

    /** The district's official code (4 digits). */
    public String districtCode;
    /** Records by status code; a status with none is absent. */
    public Map<String, Long> byStatus = new LinkedHashMap<>();
}
