package org.apom.core.api;

/** A DOPA subdistrict code: six digits, the first four being its district. */
public record SubdistrictCode(String value) {

    public SubdistrictCode {
        value = AreaCodes.require(value, 6, "subdistrict", "ตำบล");
    }

    public static SubdistrictCode of(String text) {
        return new SubdistrictCode(text);
    }

    public DistrictCode district() {
        return new DistrictCode(value.substring(0, 4));
    }

    public ProvinceCode province() {
        return district().province();
    }

    @Override
    public String toString() {
        return value;
    }
}
