package org.apom.ext.p50.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.apom.core.api.FiscalYear;
import org.apom.tiering.api.CriterionResult;
import org.apom.tiering.api.NetworkFacts;
import org.apom.tiering.api.TieredNetwork;
import org.junit.jupiter.api.Test;

class ReachPerActivityTest {

    private static final TieredNetwork NETWORK = TieredNetwork.builder().id("n1").name("เครือข่ายแม่แจ่ม")
            .level("DISTRICT").areaCode("5004").province("50").foundedOn(LocalDate.of(2019, 1, 1)).build();

    @Test
    void twentyPeoplePerActivityScoreFullMarksAndFewerInProportion() {
        assertEquals(0, new BigDecimal("100").compareTo(score(4, 80).score()));
        assertEquals(0, new BigDecimal("100").compareTo(score(2, 90).score()), "more than the target caps at 100");
        CriterionResult half = score(4, 40);
        assertEquals(0, new BigDecimal("10").compareTo(half.value()));
        assertEquals(0, new BigDecimal("50").compareTo(half.score()));
        assertTrue(half.explanation().th().contains("10 คนต่อกิจกรรม"), half.explanation().th());
    }

    @Test
    void noActivityScoresNothingAndSaysSo() {
        CriterionResult none = score(0, 0);
        assertEquals(0, BigDecimal.ZERO.compareTo(none.score()));
        assertTrue(none.explanation().en().contains("No activity"), none.explanation().en());
    }

    private static CriterionResult score(int activities, long beneficiaries) {
        return new ReachPerActivity().score(NETWORK, FiscalYear.of(2569), NetworkFacts.builder()
                .asOf(LocalDate.of(2026, 9, 30)).members(10).activeMembers(10).activities(activities)
                .beneficiaries(beneficiaries).personHours(BigDecimal.ZERO).build());
    }
}
