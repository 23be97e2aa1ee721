package org.apom.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NationalIdTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "3100600445635", "3-1006-00445-63-5", "3 1006 00445 63 5", " 3100600445635 ",
        "๓๑๐๐๖๐๐๔๔๕๖๓๕", "๓-๑๐๐๖-๐๐๔๔๕-๖๓-๕", "3-1006-00445-63-5\u00A0"})
    void acceptsEveryWrittenForm(String written) {
        assertEquals("3100600445635", NationalId.parse(written).value());
    }

    @Test
    void acceptsTheSecondKnownValidId() {
        assertEquals("1234545678781", NationalId.parse("1-2345-45678-78-1").value());
    }

    @ParameterizedTest
    @CsvSource({
        "3100600445636, checksum", "3100600445630, checksum", "1234545678780, checksum",
        "310060044563, length", "31006004456351, length", "3100600445.635, format", "31006OO445635, format",
        "'', required", "'   ', required"})
    void refusesWithAStableCode(String written, String code) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> NationalId.parse(written));
        assertEquals(code, e.code());
        assertFalse(e.text().th().isBlank());
    }

    @Test
    void nullIsRequired() {
        assertEquals("required", assertThrows(InvalidValueException.class, () -> NationalId.parse(null)).code());
    }

    @Test
    void checkDigitFollowsTheOfficialFormula() {
        // 3100600445635: sum of d[i] * (14 - i) = 3*13 + 1*12 + 0 + 0 + 6*9 + 0 + 0 + 4*6 + 4*5 + 5*4 + 6*3 + 3*2
        int sum = 3 * 13 + 12 + 6 * 9 + 4 * 6 + 4 * 5 + 5 * 4 + 6 * 3 + 3 * 2;
        assertEquals((11 - sum % 11) % 10, NationalId.checkDigit("3100600445635"));
        assertEquals(5, NationalId.checkDigit("3100600445635"));
    }

    @Test
    void everyTwelveDigitPrefixHasExactlyOneValidCheckDigit() {
        int valid = 0;
        for (int d = 0; d <= 9; d++) {
            if (NationalId.isValid("110170020345" + d)) {
                valid++;
            }
        }
        assertEquals(1, valid);
    }

    @Test
    void formatsAndMasks() {
        NationalId id = NationalId.parse("3100600445635");
        assertEquals("3-1006-00445-63-5", id.formatted());
        assertEquals("x-xxxx-xxxx5-63-5", id.masked());
        assertFalse(id.toString().contains("00445"), "toString must never reveal the whole ID");
        assertEquals(4, id.masked().replaceAll("[^0-9]", "").length(), "a mask shows at most the last 4 digits");
        assertTrue(id.masked().replace("-", "").endsWith("5635"));
    }

    @Test
    void equalityIsOnTheNormalisedValue() {
        assertEquals(NationalId.parse("3-1006-00445-63-5"), NationalId.parse("๓๑๐๐๖๐๐๔๔๕๖๓๕"));
        assertTrue(NationalId.isValid("3 1006 00445 63 5"));
    }
}
