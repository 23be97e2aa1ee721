package org.apom.recognition.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.ProvinceCode;
import org.apom.recognition.api.Award;
import org.apom.recognition.api.Candidate;
import org.apom.recognition.api.Eligibility;
import org.apom.recognition.api.Honour;
import org.apom.recognition.api.Reason;
import org.apom.registry.api.VolunteerStatus;
import org.junit.jupiter.api.Test;

/** Each of the platform's eligibility rules, alone, at its boundary. */
class EligibilityRulesTest {

    private static final ProvinceCode CM = ProvinceCode.of("50");
    private static final FiscalYear YEAR = FiscalYear.of(2570);
    private static final AwardRules RULES = AwardRules.of(3, 5, 2000, new String[] {
        "HONOUR_PIN.requires=OUTSTANDING_NATIONAL, HONOUR_PIN.holdOnce=true",
        "HONOUR_PLAQUE.minYearsRegistered=10", "OUTSTANDING_PROVINCIAL.continuousYears=0",
        "GIFT.requires=HONOUR_PLAQUE"}, new String[0]);

    @Test
    void anActiveVolunteerWithThreeYearsOfServiceIsEligible() {
        Eligibility e = weigh(award(CoreAwards.OUTSTANDING_NATIONAL), serving().build());
        assertTrue(e.eligible(), e.reasons().toString());
        assertEquals(List.of(), e.reasons());
    }

    @Test
    void onlyActiveRecordsAreNominated() {
        assertEquals(List.of(Reason.NOT_ACTIVE), codes(award(CoreAwards.OUTSTANDING_NATIONAL),
                serving().status(VolunteerStatus.SUSPENDED).build()));
    }

    @Test
    void serviceMustBeContinuousInEachOfTheYearsBefore() {
        // 2567, 2568, 2569 are the three years before 2570; the year under way does not count
        Candidate gap = Candidate.builder("v", CM, YEAR).registeredOn(LocalDate.of(2010, 1, 1)).activities(2567, 4)
                .activities(2569, 1).activities(2570, 9).build();
        Eligibility e = weigh(award(CoreAwards.OUTSTANDING_NATIONAL), gap);
        assertEquals(List.of(Reason.SERVICE_NOT_CONTINUOUS), codes(e));
        assertTrue(e.reasons().get(0).text().en().contains("2568"), e.reasons().get(0).text().en());
        // an award whose own rule asks for none
        assertTrue(weigh(award(CoreAwards.OUTSTANDING_PROVINCIAL), gap).eligible());
    }

    @Test
    void yearsSinceRegistrationCountToTheFiscalYearsLastDay() {
        // fiscal year 2570 ends on 30 September 2027: registered 30 September 2017 is ten full years then
        assertTrue(weigh(award(CoreAwards.HONOUR_PLAQUE), serving().registeredOn(LocalDate.of(2017, 9, 30)).build())
                .eligible());
        assertEquals(List.of(Reason.TOO_FEW_YEARS), codes(award(CoreAwards.HONOUR_PLAQUE),
                serving().registeredOn(LocalDate.of(2017, 10, 1)).build()));
    }

    @Test
    void thePinNeedsTheNationalAwardAndIsReceivedOnce() {
        Award pin = award(CoreAwards.HONOUR_PIN);
        assertEquals(List.of(Reason.NOT_NATIONAL_OUTSTANDING), codes(pin, serving().build()));
        assertTrue(weigh(pin, serving().honour(honour(CoreAwards.OUTSTANDING_NATIONAL, null, 2568)).build())
                .eligible());
        // conferred for a later year does not count for this one
        assertEquals(List.of(Reason.NOT_NATIONAL_OUTSTANDING), codes(pin,
                serving().honour(honour(CoreAwards.OUTSTANDING_NATIONAL, null, 2571)).build()));
        assertEquals(List.of(Reason.ALREADY_HOLDS), codes(pin, serving()
                .honour(honour(CoreAwards.OUTSTANDING_NATIONAL, null, 2560))
                .honour(honour(CoreAwards.HONOUR_PIN, null, 2562)).build()));
        assertEquals(List.of(Reason.PREREQUISITE_MISSING), codes(award("GIFT"), serving().build()));
    }

    @Test
    void anAwardOfEveryYearIsHeldOnceAYear() {
        Award national = award(CoreAwards.OUTSTANDING_NATIONAL);
        assertTrue(weigh(national, serving().honour(honour(national.code(), null, 2569)).build()).eligible());
        assertEquals(List.of(Reason.ALREADY_HOLDS), codes(national,
                serving().honour(honour(national.code(), null, 2570)).build()));
    }

    @Test
    void aGradedAwardStartsAtTheLowestClassAndMovesUpAfterTheGap() {
        Award direk = direkgunabhorn();
        Eligibility first = weigh(direk, serving().build());
        assertTrue(first.eligible());
        assertEquals("SILVER_MEDAL", first.awardClass());
        Eligibility tooSoon = weigh(direk, serving().honour(honour(direk.code(), "SILVER_MEDAL", 2566)).build());
        assertEquals(List.of(Reason.CLASS_TOO_SOON), codes(tooSoon));
        assertEquals("GOLD_MEDAL", tooSoon.awardClass());
        Eligibility after = weigh(direk, serving().honour(honour(direk.code(), "SILVER_MEDAL", 2565)).build());
        assertTrue(after.eligible());
        assertEquals("GOLD_MEDAL", after.awardClass());
        Eligibility top = weigh(direk, serving().honour(honour(direk.code(), "GOLD_MEDAL", 2550))
                .honour(honour(direk.code(), "FIRST_CLASS", 2560)).build());
        assertEquals(List.of(Reason.ALREADY_HOLDS), codes(top));
        assertNull(top.awardClass());
    }

    @Test
    void anOpenNominationAndTheProgramsOwnReasonsAreNamedWithTheRest() {
        Reason own = Reason.of("P50_NOT_LANNA", LocalizedText.of("Not in Lanna.", "ไม่ได้อยู่ในล้านนา"));
        Eligibility e = EligibilityRules.weigh(award(CoreAwards.OUTSTANDING_NATIONAL), RULES,
                serving().status(VolunteerStatus.RESIGNED).build(), true, List.of(own));
        assertFalse(e.eligible());
        assertEquals(List.of(Reason.NOT_ACTIVE, Reason.PENDING_NOMINATION, "P50_NOT_LANNA"), codes(e));
    }

    private static Candidate.Builder serving() {
        return Candidate.builder("v1", CM, YEAR).registeredOn(LocalDate.of(2010, 1, 1)).activities(2567, 2)
                .activities(2568, 1).activities(2569, 5);
    }

    private static Eligibility weigh(Award award, Candidate c) {
        return EligibilityRules.weigh(award, RULES, c, false, List.of());
    }

    private static List<String> codes(Award award, Candidate c) {
        return codes(weigh(award, c));
    }

    private static List<String> codes(Eligibility e) {
        return e.reasons().stream().map(Reason::code).toList();
    }

    private static Award award(String code) {
        return new Award(code, LocalizedText.of(code, code), null, "core", List.of());
    }

    private static Award direkgunabhorn() {
        return new CoreAwards().awards().stream().filter(d -> d.code().equals(CoreAwards.DIREKGUNABHORN))
                .map(d -> new Award(d.code(), d.name(), null, "core", d.classes())).findFirst().orElseThrow();
    }

    private static Honour honour(String award, String awardClass, int year) {
        return new Honour("h-" + award + year, "v1", CM, award, awardClass, year, LocalDate.of(2000, 1, 1), null, null,
                "test", java.time.Instant.EPOCH);
    }
}
