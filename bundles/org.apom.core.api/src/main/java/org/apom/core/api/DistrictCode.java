package org.apom.core.api;

/** A DOPA district code: four digits, the first two being its province. */
public record DistrictCode(String value) {

    public DistrictCode {
        value = AreaCodes.require(value, 4, "district", "อำเภอ");
    }

    public static DistrictCode of(String text) {
        return new DistrictCode(text);
    }

    public ProvinceCode province() {
        return new ProvinceCode(value.substring(0, 2));
    }

    @Override
    public String toString() {
        return value;
    }
}
