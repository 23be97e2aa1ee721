package org.apom.tiering.internal.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.apom.core.api.FiscalYear;
import org.apom.tiering.api.CriterionResult;
import org.apom.tiering.api.NetworkFacts;
import org.apom.tiering.api.TierCriterion;
import org.apom.tiering.api.TieredNetwork;
import org.junit.jupiter.api.Test;

/** Each core criterion: its value, its score at and around its target, and an explanation in both languages. */
class CoreCriteriaTest {

    private static final FiscalYear YEAR = FiscalYear.of(2569);
    private static final TieredNetwork NETWORK = TieredNetwork.builder().build();

    @Test
    void activeMembersScoreTowardTwenty() {
        assertScore(new ActiveMembers(), facts().members(30).activeMembers(20), "20", "100");
        assertScore(new ActiveMembers(), facts().members(30).activeMembers(10), "10", "50");
        assertScore(new ActiveMembers(), facts().members(3).activeMembers(0), "0", "0");
        assertScore(new ActiveMembers(), facts().members(90).activeMembers(80), "80", "100");
    }

    @Test
    void theVerifiedShareIsTheScore() {
        assertScore(new VerifiedShare(), facts().activeMembers(8).verifiedMembers(6), "75", "75");
        assertScore(new VerifiedShare(), facts().activeMembers(3).verifiedMembers(1), "33.33", "33.33");
        assertScore(new VerifiedShare(), facts().activeMembers(0).verifiedMembers(0), "0", "0");
    }

    @Test
    void participationsPerMemberTowardOneAMonth() {
        assertScore(new ActivitiesPerMember(), facts().activeMembers(10).activities(20).participations(120), "12",
                "100");
        assertScore(new ActivitiesPerMember(), facts().activeMembers(10).activities(6).participations(30), "3",
                "25");
        assertScore(new ActivitiesPerMember(), facts().activeMembers(0).participations(5), "0", "0");
        // the year under way asks in proportion: on 15 December, three months in, three per member score 100
        assertScore(new ActivitiesPerMember(), facts().asOf(LocalDate.of(2025, 12, 15)).activeMembers(10)
                .participations(30), "3", "100");
        assertScore(new HoursPerMember(), facts().asOf(LocalDate.of(2025, 10, 20)).activeMembers(1)
                .personHours(BigDecimal.ONE), "1", "50");
    }

    @Test
    void continuityCountsTheMonthsGoneBy() {
        // a whole year: 9 of 12 months
        assertScore(new Continuity(), facts().asOf(YEAR.end()).activeMonths(9), "9", "75");
        // the year under way, on 15 December: October, November, December have gone by, two had activity
        assertScore(new Continuity(), facts().asOf(LocalDate.of(2025, 12, 15)).activeMonths(2), "2", "66.67");
        assertScore(new Continuity(), facts().asOf(YEAR.end()).activeMonths(12), "12", "100");
    }

    @Test
    void hoursAndPeopleHelpedPerMember() {
        assertScore(new HoursPerMember(), facts().activeMembers(10).personHours(BigDecimal.valueOf(240)), "24",
                "100");
        assertScore(new HoursPerMember(), facts().activeMembers(4).personHours(new BigDecimal("12.5")), "3.13",
                "13.04");
        assertScore(new BeneficiariesPerMember(), facts().activeMembers(10).beneficiaries(50), "5", "50");
        assertScore(new BeneficiariesPerMember(), facts().activeMembers(10).beneficiaries(500), "50", "100");
    }

    @Test
    void aCommitteeCountsWhenInTermAndWhole() {
        assertScore(new CommitteeInOrder(), facts().committeeInTerm(true).committeeComplete(true), "1", "100");
        assertScore(new CommitteeInOrder(), facts().committeeInTerm(true).committeeComplete(false), "0.5", "50");
        assertScore(new CommitteeInOrder(), facts().committeeInTerm(false).committeeComplete(true), "0", "0");
    }

    @Test
    void registrationAsAnOrganisation() {
        assertScore(new RegisteredOrganisation(), facts().registeredOrganisation(true), "1", "100");
        assertScore(new RegisteredOrganisation(), facts(), "0", "0");
    }

    @Test
    void theCoreWeightsMakeAHundred() {
        int sum = 0;
        for (TierCriterion c : new TierCriterion[] {new ActiveMembers(), new VerifiedShare(), new ActivitiesPerMember(),
            new Continuity(), new HoursPerMember(), new BeneficiariesPerMember(), new CommitteeInOrder(),
            new RegisteredOrganisation()}) {
            sum += c.weight();
            assertTrue(c.name().th().codePoints().anyMatch(cp -> cp >= 0x0E00 && cp <= 0x0E7F), c.code());
        }
        assertEquals(100, sum);
    }

    private static NetworkFacts.Builder facts() {
        return NetworkFacts.builder().asOf(YEAR.end());
    }

    private static void assertScore(TierCriterion criterion, NetworkFacts.Builder facts, String value, String score) {
        CriterionResult r = criterion.score(NETWORK, YEAR, facts.build());
        assertEquals(0, new BigDecimal(value).compareTo(r.value()), criterion.code() + " value " + r.value());
        assertEquals(0, new BigDecimal(score).compareTo(r.score()), criterion.code() + " score " + r.score());
        assertTrue(!r.explanation().en().isBlank() && r.explanation().th().codePoints()
                .anyMatch(cp -> cp >= 0x0E00 && cp <= 0x0E7F), r.explanation().toString());
    }
}
