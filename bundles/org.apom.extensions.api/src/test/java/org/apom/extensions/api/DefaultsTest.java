package org.apom.extensions.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * What a new DTO holds before anything is set is part of the SPI too, and bnd's baseline cannot see field
 * initialisers: a province's bundle built against 1.0 relies on these, so changing one fails here.
 */
class DefaultsTest {

    @Test
    void aNewQueryAsksForTheFirstFiftyOfTheExtensionsProvince() {
        VolunteerQuery query = new VolunteerQuery();
        assertEquals(50, query.limit);
        assertNull(query.provinceCode);
        assertNull(query.cursor);
    }

    @Test
    void collectionsAreNeverNull() {
        assertNotNull(new VolunteerPageDTO().items);
        assertNotNull(new DistrictCountsDTO().byStatus);
    }

    @Test
    void aFindingCarriesWhatItWasGiven() {
        Finding f = Finding.of("phone", "Not a mobile number", "ไม่ใช่เบอร์มือถือ");
        assertEquals("phone", f.field);
        assertEquals("Not a mobile number", f.en);
        assertEquals("ไม่ใช่เบอร์มือถือ", f.th);
    }
}
