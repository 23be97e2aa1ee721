package org.apom.tiering.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apom.core.api.LocalizedText;
import org.apom.tiering.api.CriterionScore;
import org.junit.jupiter.api.Test;

/** A run's texts: every explanation reads back exactly as the criterion wrote it, whatever it holds. */
class RunTextsTest {

    private final RunTexts texts = new RunTexts();
    private final Map<Integer, String> stored = new HashMap<>();

    private String roundTrip(String text) {
        Object kept = texts.explanation("C", text);
        stored.putAll(texts.takeAdded());
        return RunTexts.explanation(kept, stored);
    }

    @Test
    void explanationsReadBackExactly() {
        for (String text : List.of("12 activities with 150 participations: 12.5 per active member in 2569.",
                "กิจกรรม 12 ครั้ง ผู้เข้าร่วมรวม 150 คนครั้ง เฉลี่ย 12.5 ครั้งต่อสมาชิก"
                        + " (ตั้งแต่ 1,250 ครั้งได้ 100 คะแนน)",
                "7", "", "no number at all", "ends with a point 3. and a comma 4, then 5.25.",
                "1,2,3 and .5 and 5.", "an id 3f2a-11b0 and a date 2026-09-30", "braces {} stay {12} whole",
                "๑๒ Thai digits 12", "-3 below")) {
            assertEquals(text, roundTrip(text));
        }
        assertEquals(null, roundTrip(null));
    }

    @Test
    void sentencesThatDifferOnlyInTheirNumbersAreKeptOnce() {
        Object first = texts.explanation("C", "3 of 10 members verified in the last 12 months.");
        Object second = texts.explanation("C", "7 of 20 members verified in the last 12 months.");
        assertEquals(List.of(0, "3", "10", "12"), first);
        assertEquals(List.of(0, "7", "20", "12"), second);
        assertEquals(Map.of(0, "{} of {} members verified in the last {} months."), texts.takeAdded());
        assertEquals(Map.of(), texts.takeAdded(), "a text is handed over once, with the first chunk that uses it");
        assertEquals(0, texts.ref("C", "{} of {} members verified in the last {} months."));
    }

    @Test
    void pastTheLimitTextsStayWhole() {
        for (int i = 0; i < RunTexts.LIMIT; i++) {
            assertInstanceOf(Integer.class, texts.ref("C" + i / RunTexts.PER_CRITERION,
                    "name " + (char) ('a' + i % 26) + i / 26 + "x"));
        }
        String text = "the network Ban Rai counted 5 members";
        assertEquals(text, texts.explanation("C", text));
        assertEquals(text, RunTexts.explanation(texts.explanation("C", text), Map.of()));
        String longText = "x".repeat(RunTexts.LONGEST + 1);
        assertEquals(longText, new RunTexts().ref("C", longText));
    }

    @Test
    void aCriterionThatWordsEveryNetworkDifferentlyLeavesRoomToTheOthers() {
        for (int i = 0; i < RunTexts.PER_CRITERION; i++) {
            assertInstanceOf(Integer.class, texts.ref("P50_CHATTY", "network " + (char) ('a' + i % 26) + i / 26));
        }
        assertEquals("network zz", texts.ref("P50_CHATTY", "network zz"));
        assertInstanceOf(Integer.class, texts.ref("CONTINUITY", "Continuity"));
    }

    @Test
    void controlCharactersStayInTheAssessmentWhereJsonEscapesThem() {
        String nul = "a criterion's \u0000 text with 3 numbers 4";
        assertEquals(nul, texts.explanation("C", nul));
        assertEquals("tab\tted", texts.ref("C", "tab\tted"));
        CriterionScore odd = new CriterionScore("P50_ODD", "org.apom.ext\u0000", LocalizedText.of("X\u0001", "Y"),
                BigDecimal.ONE, BigDecimal.TEN, 1, LocalizedText.of(nul, "ไทย\u0000 7"), false);
        String json = ScoresJson.criteria(List.of(odd), texts);
        Map<Integer, String> kept = texts.takeAdded();
        assertEquals(List.of(odd), ScoresJson.criteria(json, kept));
        assertTrue(kept.values().stream().noneMatch(t -> t.chars().anyMatch(c -> c < 0x20)), kept.toString());
        assertTrue(kept.containsValue("Y"), "the other texts are still kept once");
    }

    @Test
    void anAssessmentOfAFormatNotKnownIsAnErrorNotAGuess() {
        assertThrows(IllegalStateException.class, () -> ScoresJson.criteria("{\"format\":3,\"criteria\":[]}",
                Map.of()));
    }

    @Test
    void aMissingTextIsAnErrorNotAWrongSentence() {
        assertThrows(IllegalStateException.class, () -> RunTexts.explanation(List.of(4, "1"), Map.of()));
        assertThrows(IllegalStateException.class, () -> RunTexts.explanation(List.of(0, "1", "2"), Map.of(0, "{}")));
    }

    @Test
    void assessmentsOfBothFormatsRead() {
        CriterionScore scored = new CriterionScore("CONTINUITY", "core",
                LocalizedText.of("Continuity", "ความต่อเนื่อง"), new BigDecimal("9"), new BigDecimal("75.00"), 15,
                LocalizedText.of("9 of 12 months had an activity.", "มีกิจกรรม 9 จาก 12 เดือน"), false);
        CriterionScore failed = new CriterionScore("P50_X", "org.apom.ext.p50", LocalizedText.of("X", "เอ็กซ์"), null,
                null, 10, LocalizedText.of("This criterion took longer than 200 ms.", "เกณฑ์นี้ใช้เวลาเกิน 200 ms"),
                true);
        String json = ScoresJson.criteria(List.of(scored, failed), texts);
        stored.putAll(texts.takeAdded());
        assertEquals(List.of(scored, failed), ScoresJson.criteria(json, stored));
        assertTrue(json.length() < 300, json);
        // the first format, a list of criteria written whole, as runs before the texts stored them
        String first = "[{\"code\":\"CONTINUITY\",\"source\":\"core\",\"nameEn\":\"Continuity\","
                + "\"nameTh\":\"ความต่อเนื่อง\",\"value\":\"9\",\"score\":\"75.00\",\"weight\":15,"
                + "\"explanationEn\":\"9 of 12 months had an activity.\","
                + "\"explanationTh\":\"มีกิจกรรม 9 จาก 12 เดือน\",\"failed\":false}]";
        assertEquals(List.of(scored), ScoresJson.criteria(first, Map.of()));
    }
}
