package org.apom.tiering.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apom.core.api.LocalizedText;
import org.apom.tiering.api.CriterionScore;
import org.apom.tiering.api.TierConfiguration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How an assessment's criteria and a run's configuration are stored: JSON, written once. */
final class ScoresJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScoresJson() {
    }

    /**
     * An assessment's criteria as stored: names, sources and explanations as the run's texts refer to them (see
     * {@link RunTexts}), inside an object, which tells them from the first format (a list of criteria written whole).
     */
    static String criteria(List<CriterionScore> scores, RunTexts texts) {
        // written field by field: a national run writes 100,000 of these, and a map per criterion cost twice as much
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("format", 2);
            json.writeArrayFieldStart("criteria");
            for (CriterionScore s : scores) {
                json.writeStartObject();
                json.writeStringField("code", s.code());
                json.writeFieldName("source");
                write(json, texts.ref(s.code(), s.source()));
                json.writeArrayFieldStart("name");
                write(json, texts.ref(s.code(), s.name().en()));
                write(json, texts.ref(s.code(), s.name().th()));
                json.writeEndArray();
                json.writeStringField("value", s.value() == null ? null : s.value().toPlainString());
                json.writeStringField("score", s.score() == null ? null : s.score().toPlainString());
                json.writeNumberField("weight", s.weight());
                json.writeArrayFieldStart("why");
                write(json, texts.explanation(s.code(), s.explanation().en()));
                write(json, texts.explanation(s.code(), s.explanation().th()));
                json.writeEndArray();
                if (s.failed()) {
                    json.writeBooleanField("failed", true);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a string writer does not fail", e);
        }
        return out.toString();
    }

    /** A text's number, the text, or an explanation's parts (its sentence's number, then its numbers as text). */
    private static void write(JsonGenerator json, Object stored) throws IOException {
        if (stored == null) {
            json.writeNull();
        } else if (stored instanceof Integer number) {
            json.writeNumber(number);
        } else if (stored instanceof List<?> parts) {
            json.writeStartArray();
            json.writeNumber((Integer) parts.get(0));
            for (int p = 1; p < parts.size(); p++) {
                json.writeString((String) parts.get(p));
            }
            json.writeEndArray();
        } else {
            json.writeString((String) stored);
        }
    }

    /** The numbers of the run's texts an assessment refers to (none in the first format). */
    static Set<Integer> textsUsed(String json) {
        Set<Integer> used = new TreeSet<>();
        if (read(json, new TypeReference<Object>() { }) instanceof Map<?, ?> object
                && object.get("criteria") instanceof List<?> criteria) {
            for (Object o : criteria) {
                Map<?, ?> m = (Map<?, ?>) o;
                List<Object> refs = new ArrayList<>(List.of(m.get("source")));
                refs.addAll((List<?>) m.get("name"));
                for (Object why : (List<?>) m.get("why")) {
                    refs.add(why instanceof List<?> parts ? parts.get(0) : why);
                }
                refs.stream().filter(Number.class::isInstance).forEach(n -> used.add(((Number) n).intValue()));
            }
        }
        return used;
    }

    /** @param texts the run's texts by number; the first format needs none */
    static List<CriterionScore> criteria(String json, Map<Integer, String> texts) {
        Object stored = read(json, new TypeReference<Object>() { });
        List<CriterionScore> scores = new ArrayList<>();
        if (stored instanceof List<?> whole) {
            for (Object o : whole) {
                Map<?, ?> m = (Map<?, ?>) o;
                scores.add(new CriterionScore((String) m.get("code"), (String) m.get("source"),
                        LocalizedText.of((String) m.get("nameEn"), (String) m.get("nameTh")), decimal(m.get("value")),
                        decimal(m.get("score")), ((Number) m.get("weight")).intValue(), LocalizedText.of(
                                (String) m.get("explanationEn"), (String) m.get("explanationTh")),
                        Boolean.TRUE.equals(m.get("failed"))));
            }
            return scores;
        }
        Map<?, ?> object = (Map<?, ?>) stored;
        if (!Integer.valueOf(2).equals(object.get("format"))) {
            throw new IllegalStateException("an assessment of format " + object.get("format") + ", which this version "
                    + "does not read: a newer platform wrote it");
        }
        for (Object o : (List<?>) object.get("criteria")) {
            Map<?, ?> m = (Map<?, ?>) o;
            List<?> name = (List<?>) m.get("name");
            List<?> why = (List<?>) m.get("why");
            scores.add(new CriterionScore((String) m.get("code"), RunTexts.text(m.get("source"), texts),
                    LocalizedText.of(RunTexts.text(name.get(0), texts), RunTexts.text(name.get(1), texts)),
                    decimal(m.get("value")), decimal(m.get("score")), ((Number) m.get("weight")).intValue(),
                    LocalizedText.of(RunTexts.explanation(why.get(0), texts), RunTexts.explanation(why.get(1), texts)),
                    Boolean.TRUE.equals(m.get("failed"))));
        }
        return scores;
    }

    static String configuration(TierConfiguration c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("thresholdA", c.thresholdA().toPlainString());
        m.put("thresholdB", c.thresholdB().toPlainString());
        m.put("weights", c.weights());
        return write(m);
    }

    static TierConfiguration configuration(String json) {
        Map<String, Object> m = read(json, new TypeReference<Map<String, Object>>() { });
        Map<String, Integer> weights = new LinkedHashMap<>();
        ((Map<?, ?>) m.get("weights")).forEach((k, v) -> weights.put((String) k, ((Number) v).intValue()));
        return new TierConfiguration(new BigDecimal((String) m.get("thresholdA")),
                new BigDecimal((String) m.get("thresholdB")), weights);
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of text and numbers always write", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an entry this bundle wrote does not read: " + e.getMessage(), e);
        }
    }
}
