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

    /** Texts one run keeps at most; past that, texts stay whole. */
    static final int LIMIT = 4096;
    /**
     * Texts one criterion may add: one that words every network differently (a provincial criterion that names
     * them) keeps its texts whole past this, and leaves the run's room to the others.
     */
    static final int PER_CRITERION = 256;
    /** Longer texts stay whole: no sentence of the platform's is this long. */
    static final int LONGEST = 500;
    private static final String HOLE = "{}";

    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<String, Integer> addedByCriterion = new HashMap<>();
    private final Map<Integer, String> added = new LinkedHashMap<>();

    /**
     * The text's number in the run, or the text itself when it is kept whole: past the limits, and a text with a
     * control character (U+0000, which PostgreSQL's text refuses, and its kind), which JSON writes escaped.
     *
     * @param criterion the criterion whose text it is
     */
    Object ref(String criterion, String text) {
        if (text == null) {
            return null;
        }
        Integer known = numbers.get(text);
        if (known != null) {
            return known;
        }
        if (numbers.size() >= LIMIT || text.length() > LONGEST || controlled(text)
                || addedByCriterion.getOrDefault(criterion, 0) >= PER_CRITERION) {
            return text;
        }
        int number = numbers.size();
        numbers.put(text, number);
        added.put(number, text);
        addedByCriterion.merge(criterion, 1, Integer::sum);
        return number;
    }

    private static boolean controlled(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < 0x20) {
                return true;
            }
        }
        return false;
    }

    /**
     * An explanation as stored: a list of its sentence's number and its numbers in order, or the text itself when it
     * is kept whole (a text with braces of its own is, so that filling it in gives it back exactly).
     */
    Object explanation(String criterion, String text) {
        if (text == null || text.contains("{") || text.contains("}")) {
            return ref(criterion, text);
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
        Object ref = ref(criterion, sentence.toString());
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
