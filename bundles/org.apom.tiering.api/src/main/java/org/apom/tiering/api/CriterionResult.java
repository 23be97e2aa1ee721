package org.apom.tiering.api;

import java.math.BigDecimal;
import java.util.Objects;

import org.apom.core.api.LocalizedText;

/**
 * How a network fares on one criterion: the value measured (members, a share, activities per member, ...), its score
 * from 0 to 100, and the explanation an officer reads, in Thai and English.
 */
public final class CriterionResult {

    private final BigDecimal value;
    private final BigDecimal score;
    private final LocalizedText explanation;

    private CriterionResult(BigDecimal value, BigDecimal score, LocalizedText explanation) {
        this.value = Objects.requireNonNull(value, "value");
        this.score = Objects.requireNonNull(score, "score");
        this.explanation = Objects.requireNonNull(explanation, "explanation");
        if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a score is from 0 to 100, not " + score);
        }
    }

    /**
     * @param score from 0 to 100
     * @throws IllegalArgumentException for a score outside 0 to 100
     */
    public static CriterionResult of(BigDecimal value, BigDecimal score, LocalizedText explanation) {
        return new CriterionResult(value, score, explanation);
    }

    public static CriterionResult of(double value, double score, String english, String thai) {
        return of(BigDecimal.valueOf(value), BigDecimal.valueOf(score), LocalizedText.of(english, thai));
    }

    public BigDecimal value() {
        return value;
    }

    public BigDecimal score() {
        return score;
    }

    public LocalizedText explanation() {
        return explanation;
    }
}
