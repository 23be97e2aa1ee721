package org.apom.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void aNumberedCursorGoesOnAfterItsPosition() {
        assertEquals(0, PageRequest.of(null, null).position());
        assertEquals(4711, PageRequest.of(10, PageRequest.encode("4711")).position());
    }

    @Test
    void aCursorThisServerDidNotGiveOutIsRefused() {
        for (String cursor : new String[] {PageRequest.encode("-1"), PageRequest.encode("x"), "%%%"}) {
            assertEquals("cursor", assertThrows(InvalidValueException.class,
                    () -> PageRequest.of(null, cursor).position()).code(), cursor);
        }
    }
}
