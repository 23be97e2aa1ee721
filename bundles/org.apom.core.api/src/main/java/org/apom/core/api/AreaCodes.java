package org.apom.core.api;

/** The shared check behind the three DOPA area code types. */
final class AreaCodes {

    private AreaCodes() {
    }

    static String require(String text, int digits, String en, String th) {
        String code = text == null ? "" : ThaiDigits.toAscii(text.strip());
        if (code.length() != digits || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValueException("area-code", LocalizedText.of(
                    "A " + en + " code has " + digits + " digits; got '" + abbreviate(text) + "'.",
                    "รหัส" + th + "ต้องเป็นตัวเลข " + digits + " หลัก แต่ได้รับ '" + abbreviate(text) + "'"));
        }
        return code;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
