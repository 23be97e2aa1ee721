package org.apom.tiering.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apom.core.api.LocalizedText;
import org.apom.tiering.api.CriterionScore;
import org.apom.tiering.api.TierConfiguration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How an assessment's criteria and a run's configuration are stored: JSON, written once. */
final class ScoresJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScoresJson() {
    }

    static String criteria(List<CriterionScore> scores) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (CriterionScore s : scores) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", s.code());
            m.put("source", s.source());
            m.put("nameEn", s.name().en());
            m.put("nameTh", s.name().th());
            m.put("value", s.value() == null ? null : s.value().toPlainString());
            m.put("score", s.score() == null ? null : s.score().toPlainString());
            m.put("weight", s.weight());
            m.put("explanationEn", s.explanation().en());
            m.put("explanationTh", s.explanation().th());
            m.put("failed", s.failed());
            list.add(m);
        }
        return write(list);
    }

    static List<CriterionScore> criteria(String json) {
        List<CriterionScore> scores = new ArrayList<>();
        for (Map<String, Object> m : read(json, new TypeReference<List<Map<String, Object>>>() { })) {
            scores.add(new CriterionScore((String) m.get("code"), (String) m.get("source"),
                    LocalizedText.of((String) m.get("nameEn"), (String) m.get("nameTh")), decimal(m.get("value")),
                    decimal(m.get("score")), ((Number) m.get("weight")).intValue(), LocalizedText.of(
                            (String) m.get("explanationEn"), (String) m.get("explanationTh")),
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
