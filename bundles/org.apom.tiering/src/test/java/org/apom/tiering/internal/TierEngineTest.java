package org.apom.tiering.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.tiering.api.CriterionResult;
import org.apom.tiering.api.NetworkFacts;
import org.apom.tiering.api.Tier;
import org.apom.tiering.api.TierConfiguration;
import org.apom.tiering.api.TierCriterion;
import org.apom.tiering.api.TieredNetwork;
import org.apom.tiering.internal.CriteriaInForce.Contributed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The grading: the weighted mean, the thresholds exactly, and criteria that fail or do not apply. */
class TierEngineTest {

    private static final FiscalYear YEAR = FiscalYear.of(2569);
    private static final TierConfiguration DEFAULTS = new TierConfiguration(BigDecimal.valueOf(80),
            BigDecimal.valueOf(60), Map.of());
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final TierEngine engine = new TierEngine(workers, () -> 200);

    @AfterEach
    void tearDown() {
        workers.shutdownNow();
    }

    @Test
    void theThresholdsAreInclusive() {
        assertEquals(Tier.A, DEFAULTS.tierOf(new BigDecimal("80")));
        assertEquals(Tier.A, DEFAULTS.tierOf(new BigDecimal("80.00")));
        assertEquals(Tier.B, DEFAULTS.tierOf(new BigDecimal("79.99")));
        assertEquals(Tier.B, DEFAULTS.tierOf(new BigDecimal("60")));
        assertEquals(Tier.C, DEFAULTS.tierOf(new BigDecimal("59.99")));
        assertEquals(Tier.C, DEFAULTS.tierOf(BigDecimal.ZERO));
        assertEquals(Tier.A, DEFAULTS.tierOf(new BigDecimal("100")));
    }

    @Test
    void theTotalIsTheWeightedMeanOfTheScores() {
        // 100 x 3 + 40 x 1 = 340 over 4 = 85: A; with the second weighing 3 instead, 420 / 6 = 70: B
        List<Contributed> criteria = List.of(fixed("FIRST", 100, 3), fixed("SECOND", 40, 1));
        TierEngine.Graded graded = engine.grade(criteria, DEFAULTS, YEAR, network("50"), facts());
        assertEquals(new BigDecimal("85.00"), graded.total());
        assertEquals(Tier.A, graded.tier());
        TierConfiguration heavier = new TierConfiguration(BigDecimal.valueOf(80), BigDecimal.valueOf(60),
                Map.of("SECOND", 3));
        TierEngine.Graded again = engine.grade(criteria, heavier, YEAR, network("50"), facts());
        assertEquals(new BigDecimal("70.00"), again.total());
        assertEquals(Tier.B, again.tier());
        assertEquals(3, again.criteria().get(1).weight());
    }

    @Test
    void aCriterionThatThrowsOrHangsIsRecordedAndLeftOut() {
        TierCriterion throwing = criterion("THROWS", 1, (n, y, f) -> {
            throw new IllegalStateException("a bug in a province's criterion");
        });
        TierCriterion hanging = criterion("HANGS", 1, (n, y, f) -> {
            Thread.sleep(60_000);
            return null;
        });
        List<Contributed> criteria = List.of(fixed("GOOD", 90, 1),
                new Contributed(throwing, "THROWS", LocalizedText.of("t", "t"), 1, "org.apom.ext.p50", "50", true),
                new Contributed(hanging, "HANGS", LocalizedText.of("h", "h"), 1, "org.apom.ext.p50", "50", true));
        long started = System.nanoTime();
        TierEngine.Graded graded = engine.grade(criteria, DEFAULTS, YEAR, network("50"), facts());
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "the hanging criterion was cut off");
        assertEquals(new BigDecimal("90.00"), graded.total());
        assertEquals(Tier.A, graded.tier());
        assertEquals(java.util.Set.of("THROWS", "HANGS"), graded.failed());
        assertTrue(graded.criteria().get(1).failed() && graded.criteria().get(1).score() == null);
        assertTrue(graded.criteria().get(2).explanation().en().contains("longer than 200 ms"));
    }

    @Test
    void aCriterionThatRanOutOfTimeIsNotCalledAgainInTheRun() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        TierCriterion hanging = criterion("HANGS", 1, (n, y, f) -> {
            calls.incrementAndGet();
            Thread.sleep(60_000);
            return null;
        });
        List<Contributed> criteria = List.of(fixed("GOOD", 90, 1),
                new Contributed(hanging, "HANGS", LocalizedText.of("h", "h"), 1, "org.apom.ext.p50", "50", true));
        java.util.Set<String> givenUp = new java.util.HashSet<>();
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            TierEngine.Graded graded = engine.grade(criteria, DEFAULTS, YEAR, network("50"), facts(), givenUp);
            assertEquals(java.util.Set.of("HANGS"), graded.failed());
            assertEquals(new BigDecimal("90.00"), graded.total());
        }
        assertEquals(1, calls.get(), "one time limit for the run, not one per network");
        assertTrue(System.nanoTime() - started < 2_000_000_000L);
        assertEquals(java.util.Set.of("HANGS"), givenUp);
    }

    @Test
    void aChangedTimeLimitAppliesToTheNextCallWithoutARestart() {
        java.util.concurrent.atomic.AtomicInteger limit = new java.util.concurrent.atomic.AtomicInteger(2000);
        TierEngine configured = new TierEngine(workers, limit::get);
        TierCriterion slow = criterion("SLOW", 1, (n, y, f) -> {
            Thread.sleep(300);
            return CriterionResult.of(1, 100, "done", "เสร็จ");
        });
        List<Contributed> criteria = List.of(new Contributed(slow, "SLOW", LocalizedText.of("s", "s"), 1,
                "org.apom.ext.p50", "50", true));
        assertTrue(configured.grade(criteria, DEFAULTS, YEAR, network("50"), facts()).failed().isEmpty());
        limit.set(50);
        TierEngine.Graded cut = configured.grade(criteria, DEFAULTS, YEAR, network("50"), facts());
        assertEquals(java.util.Set.of("SLOW"), cut.failed());
        assertTrue(cut.criteria().get(0).explanation().en().contains("longer than 50 ms"));
    }

    @Test
    void aProvincesCriterionCountsForItsProvinceOnly() {
        Contributed own = new Contributed(fixedCriterion("P50_ONLY", 0), "P50_ONLY", LocalizedText.of("p", "p"), 1,
                "org.apom.ext.p50", "50", true);
        List<Contributed> criteria = List.of(fixed("CORE", 100, 1), own);
        TierEngine.Graded chiangMai = engine.grade(criteria, DEFAULTS, YEAR, network("50"), facts());
        TierEngine.Graded khonKaen = engine.grade(criteria, DEFAULTS, YEAR, network("40"), facts());
        assertEquals(2, chiangMai.criteria().size());
        assertEquals(new BigDecimal("50.00"), chiangMai.total());
        assertEquals(1, khonKaen.criteria().size());
        assertEquals(new BigDecimal("100.00"), khonKaen.total());
        assertFalse(khonKaen.criteria().stream().anyMatch(c -> c.code().equals("P50_ONLY")));
    }

    @Test
    void weightsOfAFiscalYearOverTheDefaults() {
        Map<String, Integer> parsed = TierSettings.weights(new String[] {"CONTINUITY=25, ACTIVE_MEMBERS=0",
            "bad", "HOURS_PER_MEMBER=x", "VERIFIED_SHARE=-1"});
        assertEquals(Map.of("CONTINUITY", 25, "ACTIVE_MEMBERS", 0), parsed);
    }

    private interface Scoring {
        CriterionResult score(TieredNetwork n, FiscalYear y, NetworkFacts f) throws Exception;
    }

    private static TierCriterion criterion(String code, int weight, Scoring scoring) {
        return new TierCriterion() {
            @Override
            public String code() {
                return code;
            }

            @Override
            public LocalizedText name() {
                return LocalizedText.of(code, code);
            }

            @Override
            public int weight() {
                return weight;
            }

            @Override
            public CriterionResult score(TieredNetwork network, FiscalYear fiscalYear, NetworkFacts facts) {
                try {
                    return scoring.score(network, fiscalYear, facts);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    private static TierCriterion fixedCriterion(String code, double score) {
        return criterion(code, 1, (n, y, f) -> CriterionResult.of(score, score, "fixed", "คงที่"));
    }

    private static Contributed fixed(String code, double score, int weight) {
        return new Contributed(fixedCriterion(code, score), code, LocalizedText.of(code, code), weight, "core", null,
                false);
    }

    private static TieredNetwork network(String province) {
        return TieredNetwork.builder().province(province).areaCode(province + "0101").build();
    }

    private static NetworkFacts facts() {
        return NetworkFacts.builder().build();
    }
}
