package org.apom.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PathTemplatesTest {

    @Test
    void aTemplateMatchesItsPathWithOrWithoutSlashesAndNothingLonger() {
        assertTrue(PathTemplates.pattern("/volunteers/").matcher("/volunteers").matches());
        assertTrue(PathTemplates.pattern("").matcher(PathTemplates.normalise("")).matches());
        assertFalse(PathTemplates.pattern("volunteers/{id}").matcher("/volunteers/1/history").matches());
        assertFalse(PathTemplates.pattern("a.b").matcher("/axb").matches());
        assertEquals(PathTemplates.literalLength("/volunteers/imports"),
                PathTemplates.literalLength("volunteers//imports/"));
        assertTrue(PathTemplates.literalLength("volunteers/{id}") < PathTemplates.literalLength("volunteers/imports"));
    }

    @Test
    void aClosingBraceCountsTheBracesOfARegexInside() {
        assertEquals(18, PathTemplates.closingBrace("areas/{code: \\d{2}}/x", 6));
    }
}
