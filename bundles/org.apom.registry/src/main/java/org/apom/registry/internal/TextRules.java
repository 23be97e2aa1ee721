package org.apom.registry.internal;

import java.text.Normalizer;
import java.util.Locale;

/** How names and free text are cleaned and judged: NFC, single spaces, no control characters. */
final class TextRules {

    private TextRules() {
    }

    /** NFC, trimmed, runs of white space as one space; {@code null} for nothing. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("[\\s\\u00A0]+", " ");
        return nfc.isEmpty() ? null : nfc;
    }

    static boolean hasControlCharacters(String text) {
        return text != null && text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r'
                && c != '\t' || c == 0x200B || c == 0xFEFF);
    }

    /** Thai letters, vowels and tone marks (not Thai digits), spaces, '.', '-'; at least one consonant. */
    static boolean isThaiName(String name) {
        boolean consonant = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= '\u0E01' && c <= '\u0E2E') {
                consonant = true;
            } else if (!(c >= '\u0E2F' && c <= '\u0E4E') && c != ' ' && c != '.' && c != '-') {
                return false;
            }
        }
        return consonant;
    }

    /** Latin letters (with accents), spaces, '.', '-', '\''. */
    static boolean isLatinName(String name) {
        return name.chars().allMatch(c -> Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN
                || c == ' ' || c == '.' || c == '-' || c == '\'');
    }

    /** The form searches compare on: Thai has no case, English is compared in lower case. */
    static String searchKey(String name) {
        return name == null ? null : Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
