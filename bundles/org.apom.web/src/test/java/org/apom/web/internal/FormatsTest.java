package org.apom.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void datesAndFiguresInTheBuddhistEraWithTheDigitsTheReaderChose() {
        LocalDate day = LocalDate.of(2025, 10, 1);
        assertEquals("1 ต.ค. 2568", new Formats(Language.TH, false).date(day));
        assertEquals("๑ ต.ค. ๒๕๖๘", new Formats(Language.TH, true).date(day));
        assertEquals("๑๒,๓๔๕", new Formats(Language.TH, true).count(12_345));
        assertEquals("๘๗.๕%", new Formats(Language.TH, true).percent(87.5));
        assertEquals("1 Oct 2025", new Formats(Language.EN, false).date(day));
        assertEquals("", new Formats(Language.TH, true).date(null));
    }
}
