package org.apom.tiering.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.tiering.api.CriterionResult;
import org.apom.tiering.api.CriterionScore;
import org.apom.tiering.api.NetworkFacts;
import org.apom.tiering.api.Tier;
import org.apom.tiering.api.TierConfiguration;
import org.apom.tiering.api.TieredNetwork;
import org.apom.tiering.internal.CriteriaInForce.Contributed;

/**
 * Grades one network: every criterion that counts for its province scores its facts, and the weighted mean of the
 * scores is its total, graded by the configuration's thresholds. A criterion that throws, answers nothing or runs
 * out of time is recorded as failed, with the reason, and left out of the total (its weight too); the others count.
 * An extension's criterion runs on a worker with a time limit; the core's, which the platform ships, run in line.
 */
final class TierEngine {

    /** The grade, with every criterion's part. */
    record Graded(Tier tier, BigDecimal total, List<CriterionScore> criteria, Set<String> failed) {
    }

    private final ExecutorService workers;
    private final IntSupplier timeoutMillis;

    /** @param timeoutMillis read for each criterion call: a change of configuration applies at once */
    TierEngine(ExecutorService workers, IntSupplier timeoutMillis) {
        this.workers = workers;
        this.timeoutMillis = timeoutMillis;
    }

    Graded grade(List<Contributed> criteria, TierConfiguration configuration, FiscalYear year, TieredNetwork network,
            NetworkFacts facts) {
        return grade(criteria, configuration, year, network, facts, new java.util.HashSet<>());
    }

    /**
     * @param givenUp the run's criteria that ran out of time once: not called again in that run, so a criterion that
     *        hangs costs one time limit and one worker per run, not one per network (it is recorded as failed)
     */
    Graded grade(List<Contributed> criteria, TierConfiguration configuration, FiscalYear year, TieredNetwork network,
            NetworkFacts facts, Set<String> givenUp) {
        List<CriterionScore> scores = new ArrayList<>();
        Set<String> failed = new java.util.TreeSet<>();
        BigDecimal weighted = BigDecimal.ZERO;
        int weights = 0;
        for (Contributed c : criteria) {
            if (!c.appliesTo(network.province())) {
                continue;
            }
            int weight = configuration.weights().getOrDefault(c.code(), c.weight());
            CriterionResult result = null;
            String failure;
            int timeout = timeoutMillis.getAsInt();
            if (givenUp.contains(c.code())) {
                failure = "ran out of time earlier in this run and was not called again";
            } else {
                try {
                    result = c.contained() ? contained(c, year, network, facts, timeout)
                            : c.criterion().score(network, year, facts);
                    failure = result == null ? "answered no result" : null;
                } catch (TimeoutException e) {
                    givenUp.add(c.code());
                    failure = "took longer than " + timeout + " ms";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("the run was stopped", e);
                } catch (Exception | LinkageError e) {
                    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                    failure = "failed: " + cause.getClass().getSimpleName();
                }
            }
            if (failure != null) {
                failed.add(c.code());
                scores.add(new CriterionScore(c.code(), c.source(), c.name(), null, null, weight, LocalizedText.of(
                        "This criterion " + failure + "; it is left out of the total.",
                        "เกณฑ์นี้ทำงานไม่สำเร็จ (" + failure + ") จึงไม่นำมารวมคะแนน"), true));
                continue;
            }
            scores.add(new CriterionScore(c.code(), c.source(), c.name(), result.value(), result.score(), weight,
                    result.explanation(), false));
            weighted = weighted.add(result.score().multiply(BigDecimal.valueOf(weight)));
            weights += weight;
        }
        BigDecimal total = weights == 0 ? BigDecimal.ZERO.setScale(2)
                : weighted.divide(BigDecimal.valueOf(weights), 2, RoundingMode.HALF_UP);
        return new Graded(configuration.tierOf(total), total, scores, failed);
    }

    private CriterionResult contained(Contributed c, FiscalYear year, TieredNetwork network, NetworkFacts facts,
            int millis) throws InterruptedException, ExecutionException, TimeoutException {
        Future<CriterionResult> future = workers.submit(() -> c.criterion().score(network, year, facts));
        try {
            return future.get(millis, TimeUnit.MILLISECONDS);
        } finally {
            future.cancel(true);
        }
    }
}
