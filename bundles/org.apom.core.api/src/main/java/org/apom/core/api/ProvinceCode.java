package org.apom.core.api;

/** A DOPA province code: two digits (10 is Bangkok, 50 is Chiang Mai). */
public record ProvinceCode(String value) {

    public ProvinceCode {
        value = AreaCodes.require(value, 2, "province", "จังหวัด");
    }

    public static ProvinceCode of(String text) {
        return new ProvinceCode(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
