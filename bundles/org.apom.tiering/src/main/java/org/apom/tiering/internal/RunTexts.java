package org.apom.tiering.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts a run repeats in every assessment, kept once per run: criteria's names and sources, and their explanations
 * with the numbers taken out ("12 activities in 2568" is the text "{} activities in {}" and the numbers 12 and 2568).
 * A national run grades 100,000 networks with the same few sentences; stored whole, they were three quarters of every
 * assessment and most of the run's writing. Assessments refer to a text by its number in the run.
 *
 * <p>Not thread-safe: one run's thread uses it.
 */
final class RunTexts {

    /** Texts one run keeps at most; past that (a criterion that words every network differently), texts stay whole. */
    static final int LIMIT = 4096;
    /** Longer texts stay whole: the table's column holds this many characters. */
    static final int LONGEST = 2000;
    private static final String HOLE = "{}";

    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<Integer, String> added = new LinkedHashMap<>();

    /** The text's number in the run, or the text itself when it is kept whole. */
    Object ref(String text) {
        if (text == null) {
            return null;
        }
        Integer known = numbers.get(text);
        if (known != null) {
            return known;
        }
        if (numbers.size() >= LIMIT || text.length() > LONGEST) {
            return text;
        }
        int number = numbers.size();
        numbers.put(text, number);
        added.put(number, text);
        return number;
    }

    /**
     * An explanation as stored: a list of its sentence's number and its numbers in order, or the text itself when it
     * is kept whole (a text with braces of its own is, so that filling it in gives it back exactly).
     */
    Object explanation(String text) {
        if (text == null || text.contains("{") || text.contains("}")) {
            return ref(text);
        }
        List<Object> parts = new ArrayList<>();
        parts.add(null);
        char[] chars = text.toCharArray();
        StringBuilder sentence = new StringBuilder(chars.length);
        int copied = 0;
        int i = 0;
        while (i < chars.length) {
            if (!digit(chars[i])) {
                i++;
                continue;
            }
            int end = i + 1;
            // digits, and a point or comma between digits: 12, 3.25, 1,250
            while (end < chars.length && (digit(chars[end]) || (chars[end] == '.' || chars[end] == ',')
                    && end + 1 < chars.length && digit(chars[end + 1]))) {
                end++;
            }
            sentence.append(chars, copied, i - copied).append(HOLE);
            parts.add(new String(chars, i, end - i));
            copied = end;
            i = end;
        }
        sentence.append(chars, copied, chars.length - copied);
        Object ref = ref(sentence.toString());
        if (!(ref instanceof Integer)) {
            return text;
        }
        parts.set(0, ref);
        return parts;
    }

    /** Texts numbered since the last call, to be stored with the assessments that first refer to them. */
    Map<Integer, String> takeAdded() {
        Map<Integer, String> taken = new LinkedHashMap<>(added);
        added.clear();
        return taken;
    }

    /** A stored reference read back with the run's texts. */
    static String text(Object stored, Map<Integer, String> texts) {
        if (stored == null || stored instanceof String) {
            return (String) stored;
        }
        return known(((Number) stored).intValue(), texts);
    }

    /** A stored explanation read back with the run's texts. */
    static String explanation(Object stored, Map<Integer, String> texts) {
        if (!(stored instanceof List<?> parts)) {
            return text(stored, texts);
        }
        String sentence = known(((Number) parts.get(0)).intValue(), texts);
        StringBuilder text = new StringBuilder(sentence.length() + 16 * parts.size());
        int from = 0;
        for (int p = 1; p < parts.size(); p++) {
            int hole = sentence.indexOf(HOLE, from);
            if (hole < 0) {
                throw new IllegalStateException("an explanation has more numbers than its sentence has places");
            }
            text.append(sentence, from, hole).append(parts.get(p));
            from = hole + HOLE.length();
        }
        return text.append(sentence, from, sentence.length()).toString();
    }

    private static String known(int number, Map<Integer, String> texts) {
        String text = texts.get(number);
        if (text == null) {
            throw new IllegalStateException("an assessment refers to text " + number + ", which its run does not have");
        }
        return text;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
