package org.apom.core.api;

/**
 * Thai digits (๐-๙, U+0E50 to U+0E59) as people type them in IDs, dates and phone numbers.
 */
public final class ThaiDigits {

    private static final char THAI_ZERO = '\u0E50';
    private static final char THAI_NINE = '\u0E59';

    private ThaiDigits() {
    }

    /** The text with every Thai digit replaced by its ASCII digit; everything else unchanged. */
    public static String toAscii(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= THAI_ZERO && c <= THAI_NINE ? (char) ('0' + (c - THAI_ZERO)) : c);
        }
        return out.toString();
    }
}
