package org.apom.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FiscalYearTest {

    @ParameterizedTest
    @CsvSource({
        "2025-09-30, 2568", "2025-10-01, 2569", "2026-01-01, 2569", "2026-09-30, 2569", "2026-10-01, 2570",
        "2024-02-29, 2567", "2025-12-31, 2569"})
    void theYearIsNamedByTheBuddhistYearInWhichItEnds(LocalDate date, int expected) {
        assertEquals(expected, FiscalYear.of(date).buddhistYear());
    }

    @Test
    void boundsOf2569() {
        FiscalYear fy = FiscalYear.of(2569);
        assertEquals(LocalDate.of(2025, 10, 1), fy.start());
        assertEquals(LocalDate.of(2026, 9, 30), fy.end());
        assertTrue(fy.contains(LocalDate.of(2025, 10, 1)));
        assertTrue(fy.contains(LocalDate.of(2026, 9, 30)));
        assertFalse(fy.contains(LocalDate.of(2025, 9, 30)));
        assertFalse(fy.contains(LocalDate.of(2026, 10, 1)));
        assertEquals(fy, FiscalYear.of(fy.start()));
        assertEquals(fy, FiscalYear.of(fy.end()));
        assertEquals(fy.next().start(), fy.end().plusDays(1));
        assertEquals(2568, fy.previous().buddhistYear());
    }

    @ParameterizedTest
    @ValueSource(ints = {2026, 0, -1, 2499, 2701, 25690})
    void refusesGregorianAndImpossibleYears(int year) {
        assertEquals("range", assertThrows(InvalidValueException.class, () -> FiscalYear.of(year)).code());
    }

    @Test
    void ordersByYear() {
        assertTrue(FiscalYear.of(2568).compareTo(FiscalYear.of(2569)) < 0);
    }
}
