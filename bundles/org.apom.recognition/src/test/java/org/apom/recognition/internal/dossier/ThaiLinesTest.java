package org.apom.recognition.internal.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

class ThaiLinesTest {

    /** Every character one unit wide but the marks, which sit on their consonant and take no width. */
    private static final ToDoubleFunction<String> WIDTH = s -> s.codePoints()
            .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).count();

    @Test
    void thaiBreaksBetweenWordsAndNeverBeforeAMark() {
        List<String> lines = ThaiLines.wrap(Dossiers.JUSTIFICATION, 30, WIDTH);
        assertTrue(lines.size() > 3, lines.toString());
        for (String line : lines) {
            assertTrue(WIDTH.applyAsDouble(line) <= 30, line);
            assertFalse(line.isEmpty());
            assertFalse(Character.getType(line.codePointAt(0)) == Character.NON_SPACING_MARK, line);
        }
        // nothing lost or repeated: the lines are the text, less the spaces at their ends
        assertEquals(Dossiers.JUSTIFICATION.replace(" ", ""), String.join("", lines).replace(" ", ""));
        // the dictionary's words: "ต่อเนื่อง" (continuously) is never cut
        assertTrue(lines.stream().noneMatch(l -> l.endsWith("ต่อเนื่") || l.endsWith("ต่อเนื")), lines.toString());
    }

    @Test
    void aWordWiderThanTheLineIsCutBetweenClustersOnly() {
        // one "word" with a combining accent on every letter: a cut by characters would leave one at a line start
        String word = "e\u0301".repeat(12);
        List<String> lines = ThaiLines.wrap(word, 5, String::length);
        assertEquals(word, String.join("", lines));
        assertEquals(List.of("e\u0301e\u0301", "e\u0301e\u0301", "e\u0301e\u0301", "e\u0301e\u0301",
                "e\u0301e\u0301", "e\u0301e\u0301"), lines);
        for (String line : lines) {
            assertFalse(Character.getType(line.codePointAt(0)) == Character.NON_SPACING_MARK, lines.toString());
        }
    }

    @Test
    void anAbbreviationAndADateStayWhole() {
        String text = "สมาชิก เครือข่ายเกียรติยศ ตั้งแต่ 1\u00A0ม.ค.\u00A02563 ได้รับ ร.ง.ภ. แล้ว";
        for (int width = 11; width <= 40; width++) {
            List<String> lines = ThaiLines.wrap(text, width, WIDTH);
            assertTrue(lines.stream().anyMatch(l -> l.contains("1\u00A0ม.ค.\u00A02563")), width + ": " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.contains("ร.ง.ภ.")), width + ": " + lines);
        }
    }

    @Test
    void lineFeedsAreKeptAndEnglishBreaksAtSpaces() {
        assertEquals(List.of("first", "second line", "here"), ThaiLines.wrap("first\nsecond line here", 11,
                String::length));
    }
}
