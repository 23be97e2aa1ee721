package org.apom.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuddhistEraTest {

    @Test
    void yearsDifferBy543() {
        assertEquals(2569, BuddhistEra.fromGregorian(2026));
        assertEquals(1967, BuddhistEra.toGregorian(2510));
    }

    @ParameterizedTest
    @CsvSource({"2025-10-01, 1 ต.ค. 2568", "2026-01-31, 31 ม.ค. 2569", "2024-12-25, 25 ธ.ค. 2567"})
    void printsThaiDatesAsOfficesDo(LocalDate date, String expected) {
        assertEquals(expected, BuddhistEra.thaiDate(date));
    }

    @ParameterizedTest
    @CsvSource({
        "15/3/2510, 1967-03-15", "01/01/2500, 1957-01-01", "29/2/2567, 2024-02-29",
        "'๑๕/๓/๒๕๑๐', 1967-03-15", "' 3/10/2568 ', 2025-10-03"})
    void parsesDayMonthBuddhistYear(String text, LocalDate expected) {
        assertEquals(expected, BuddhistEra.parseDate(text));
    }

    @ParameterizedTest
    @CsvSource({
        "29/2/2568, date", "31/4/2510, date", "0/1/2510, date", "15/13/2510, date",
        "15/3/1967, era", "1967-03-15, format", "15-3-2510, format", "'', format", "15/3/25100, format"})
    void refusesWhatIsNotABuddhistEraDate(String text, String code) {
        assertEquals(code, assertThrows(InvalidValueException.class, () -> BuddhistEra.parseDate(text)).code());
    }

    @Test
    void formatsBackToTheSameText() {
        assertEquals("15/3/2510", BuddhistEra.formatDate(LocalDate.of(1967, 3, 15)));
        LocalDate d = LocalDate.of(2024, 2, 29);
        assertEquals(d, BuddhistEra.parseDate(BuddhistEra.formatDate(d)));
    }
}
