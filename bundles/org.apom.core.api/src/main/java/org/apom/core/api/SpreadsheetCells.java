package org.apom.core.api;

import java.text.Normalizer;

/**
 * Cells of the CSV files Apom writes for people to open in a spreadsheet, guarded against formula injection.
 *
 * @since 1.3
 */
public final class SpreadsheetCells {

    /** What a spreadsheet reads as the start of a formula: = + - @ tab CR LF. */
    private static final String FORMULA_STARTS = "=+-@\t\r\n";

    private SpreadsheetCells() {
    }

    /**
     * A value as a file Apom writes holds it: one that a spreadsheet would run as a formula (it starts with
     * {@code =}, {@code +}, {@code -}, {@code @}, a tab, a carriage return or a line feed, or the full-width forms,
     * also after spaces, which some spreadsheets skip) gets a leading {@code '}, as OWASP advises. A value that
     * already starts with quotes before such a character gets one more, so that {@link #unguarded(String)} gives
     * every value back exactly as it was.
     */
    public static String guarded(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return startsLikeAFormula(text) ? "'" + text : text;
    }

    /** A value as the file holds it, without the quote {@link #guarded(Object)} put before a formula. */
    public static String unguarded(String text) {
        return text.startsWith("'") && startsLikeAFormula(text) ? text.substring(1) : text;
    }

    /**
     * Whether the text starts with a formula character, after any number of single quotes and spaces (any Unicode
     * space); a character that compatibility normalisation (NFKC) turns into one counts too (the full-width and
     * small forms of = + - @).
     */
    private static boolean startsLikeAFormula(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == '\'' || Character.isSpaceChar(text.charAt(i)))) {
            i++;
        }
        if (i == text.length()) {
            return false;
        }
        String first = Normalizer.normalize(text.substring(i, text.offsetByCodePoints(i, 1)), Normalizer.Form.NFKC);
        return !first.isEmpty() && FORMULA_STARTS.indexOf(first.charAt(0)) >= 0;
    }
}
