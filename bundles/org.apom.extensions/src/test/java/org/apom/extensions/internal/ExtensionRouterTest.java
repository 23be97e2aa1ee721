package org.apom.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apom.extensions.internal.ExtensionRouter.PublicPath;
import org.junit.jupiter.api.Test;

/** Which province's application a path under /api/v1/ext goes to, and what it sees of it. */
class ExtensionRouterTest {

    @Test
    void aProvincesPathGoesToItsApplicationWithTheRestAsItsPath() {
        PublicPath path = PublicPath.parse("/50/summary/5001");
        assertEquals("50", path.province());
        assertEquals("50", path.segment());
        assertEquals("/summary/5001", path.rest());
        assertTrue(path.isOf("/api/v1/ext/50/summary/5001", "/api/v1/ext"));
        assertEquals("", PublicPath.parse("/50").rest());
        assertEquals("*", PublicPath.parse("/all/report").province());
    }

    @Test
    void anythingElseIsNoProvince() {
        // the applications' internal bases (/g17) and anything that is not a province code lead nowhere
        assertNull(PublicPath.parse("/g17/summary"));
        assertNull(PublicPath.parse("/5/summary"));
        assertNull(PublicPath.parse("/500/summary"));
        assertNull(PublicPath.parse("/"));
        assertNull(PublicPath.parse(null));
        assertNull(PublicPath.parse("summary"));
    }

    @Test
    void aProvinceWrittenEncodedIsRefusedSinceTheApplicationCouldNotTellItsBase() {
        PublicPath decoded = PublicPath.parse("/50/summary");
        assertFalse(decoded.isOf("/api/v1/ext/5%30/summary", "/api/v1/ext"));
        assertFalse(decoded.isOf("/api/v1/ext/500/summary", "/api/v1/ext"));
    }

    @Test
    void theProblemAnswerEscapesWhatItQuotes() {
        assertEquals("\"a\\\"b\\\\c\\u000a\"", ExtensionRouter.json("a\"b\\c\n"));
    }
}
