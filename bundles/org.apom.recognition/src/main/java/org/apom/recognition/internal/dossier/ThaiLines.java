package org.apom.recognition.internal.dossier;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Breaks text into lines that fit a width. Thai is written without spaces between words, and a PDF library that
 * wraps only at spaces would cut a word, or part a vowel or tone mark from its consonant; the JDK's Thai line
 * breaker knows the words (its dictionary), so lines end where a Thai reader expects.
 */
final class ThaiLines {

    private static final Locale THAI = Locale.forLanguageTag("th");

    private ThaiLines() {
    }

    /**
     * The lines of the text, each no wider than {@code width} unless a single word is (then it stands alone and is
     * cut only between characters that begin a new cluster). Line feeds in the text are kept.
     */
    static List<String> wrap(String text, double width, ToDoubleFunction<String> widthOf) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\r?\n", -1)) {
            wrapParagraph(paragraph, width, widthOf, lines);
        }
        return lines;
    }

    private static void wrapParagraph(String text, double width, ToDoubleFunction<String> widthOf,
            List<String> lines) {
        BreakIterator breaks = BreakIterator.getLineInstance(THAI);
        breaks.setText(text);
        StringBuilder line = new StringBuilder();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            // Thai abbreviations (ม.ค., ร.ง.ภ.) are letters and dots: the JDK would break after each dot
            while (end < text.length() && text.charAt(end - 1) == '.' && !Character.isWhitespace(text.charAt(end))) {
                int next = breaks.next();
                if (next == BreakIterator.DONE) {
                    break;
                }
                end = next;
            }
            String word = text.substring(start, end);
            if (line.length() > 0 && widthOf.applyAsDouble(line + word.stripTrailing()) > width) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            if (line.length() == 0 && widthOf.applyAsDouble(word.stripTrailing()) > width) {
                for (String piece : clusters(word, width, widthOf)) {
                    lines.add(piece);
                }
                line.append(lines.remove(lines.size() - 1));
                continue;
            }
            line.append(word);
        }
        lines.add(line.toString().stripTrailing());
    }

    /** A word wider than the line, cut between grapheme clusters, so a mark stays with its consonant. */
    private static List<String> clusters(String word, double width, ToDoubleFunction<String> widthOf) {
        BreakIterator characters = BreakIterator.getCharacterInstance(THAI);
        characters.setText(word);
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int start = characters.first();
        for (int end = characters.next(); end != BreakIterator.DONE; start = end, end = characters.next()) {
            String cluster = word.substring(start, end);
            if (piece.length() > 0 && widthOf.applyAsDouble(piece + cluster) > width) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            piece.append(cluster);
        }
        pieces.add(piece.toString());
        return pieces;
    }
}
