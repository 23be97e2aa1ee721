package org.apom.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AreaCodeTest {

    @Test
    void aSubdistrictKnowsItsDistrictAndProvince() {
        SubdistrictCode s = SubdistrictCode.of("500101");
        assertEquals(DistrictCode.of("5001"), s.district());
        assertEquals(ProvinceCode.of("50"), s.province());
    }

    @Test
    void thaiDigitsAreAccepted() {
        assertEquals("50", ProvinceCode.of("๕๐").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "500", "5a", "", "  ", "-1", "５０"})
    void provinceCodesAreTwoAsciiDigits(String text) {
        assertEquals("area-code", assertThrows(InvalidValueException.class, () -> ProvinceCode.of(text)).code());
    }

    @Test
    void lengthsAreChecked() {
        assertThrows(InvalidValueException.class, () -> DistrictCode.of("50"));
        assertThrows(InvalidValueException.class, () -> SubdistrictCode.of("5001"));
        assertThrows(InvalidValueException.class, () -> ProvinceCode.of(null));
    }

    @Test
    void pageRequestsHaveLimitsAndOpaqueCursors() {
        assertEquals(PageRequest.DEFAULT_LIMIT, PageRequest.of(null, null).limit());
        assertEquals("5001", PageRequest.of(10, PageRequest.encode("5001")).after());
        assertEquals("limit", assertThrows(InvalidValueException.class, () -> PageRequest.of(501, null)).code());
        assertEquals("limit", assertThrows(InvalidValueException.class, () -> PageRequest.of(0, null)).code());
        assertEquals("cursor", assertThrows(InvalidValueException.class, () -> PageRequest.of(1, "%%%")).code());
        assertEquals("limit", assertThrows(InvalidValueException.class, () -> PageRequest.parse("ten", null)).code());
        assertEquals(20, PageRequest.parse(" 20 ", "").limit());
        assertEquals(PageRequest.DEFAULT_LIMIT, PageRequest.parse(null, null).limit());
    }
}
