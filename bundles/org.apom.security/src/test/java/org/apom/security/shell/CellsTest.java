package org.apom.security.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void nothingIsADashSoThatAnUnformattedLineKeepsOneCellPerColumn() {
        assertEquals("-", Cells.of(null));
        assertEquals("-", Cells.of(""));
        assertEquals("-", Cells.of(List.of()));
    }

    @Test
    void timesAreUtcToTheSecondAndListsSortedAndJoined() {
        assertEquals("2026-12-02T10:50:02Z", Cells.of(Instant.parse("2026-12-02T10:50:02.123456Z")));
        assertEquals("volunteers:read,volunteers:write", Cells.of(Set.of("volunteers:write", "volunteers:read")));
        assertEquals("50", Cells.of(50));
    }

    @Test
    void controlCharactersCannotRecolourOrForgeRows() {
        assertEquals("name\uFFFD[31mred\uFFFDfake row", Cells.of("name\u001b[31mred\nfake row"));
    }
}
