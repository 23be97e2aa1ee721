package org.apom.recognition.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading the rules and quotas of etc/org.apom.recognition.cfg. */
class AwardRulesTest {

    @Test
    void theMostSpecificQuotaWins() {
        AwardRules rules = AwardRules.of(3, 5, 2000, new String[0], new String[] {
            "DIREKGUNABHORN=3, DIREKGUNABHORN.50=5, DIREKGUNABHORN.2571=4", "DIREKGUNABHORN.50.2571=7"});
        assertEquals(7, rules.quota("DIREKGUNABHORN", "50", 2571));
        assertEquals(5, rules.quota("DIREKGUNABHORN", "50", 2570));
        assertEquals(4, rules.quota("DIREKGUNABHORN", "40", 2571));
        assertEquals(3, rules.quota("DIREKGUNABHORN", "40", 2570));
        assertNull(rules.quota("HONOUR_PIN", "50", 2570));
    }

    @Test
    void anAwardsOwnRuleOverTheDefault() {
        AwardRules rules = AwardRules.of(3, 5, 2000, new String[] {
            "HONOUR_PIN.continuousYears=5, HONOUR_PIN.requires=OUTSTANDING_NATIONAL+OUTSTANDING_PROVINCIAL",
            "HONOUR_PIN.holdOnce=true, DIREKGUNABHORN.minYearsBetweenClasses=4, HONOUR_PIN.minYearsRegistered=0"},
                new String[0]);
        assertEquals(5, rules.continuousYears("HONOUR_PIN"));
        assertEquals(3, rules.continuousYears("HONOUR_PLAQUE"));
        assertEquals(List.of("OUTSTANDING_NATIONAL", "OUTSTANDING_PROVINCIAL"), rules.requires("HONOUR_PIN"));
        assertTrue(rules.holdOnce("HONOUR_PIN"));
        assertFalse(rules.holdOnce("HONOUR_PLAQUE"));
        assertEquals(4, rules.minYearsBetweenClasses("DIREKGUNABHORN"));
        assertEquals(5, rules.minYearsBetweenClasses("OTHER"));
        assertEquals(0, rules.minYearsRegistered("HONOUR_PIN"));
        assertNull(rules.minYearsRegistered("HONOUR_PLAQUE"));
    }

    @Test
    void whatIsNotARuleIsLeftOutNotGuessed() {
        AwardRules rules = AwardRules.of(-1, 99, 5, new String[] {"HONOUR_PIN.continuousYears=three",
            "HONOUR_PIN.minYearsRegistered=-2", "HONOUR_PIN.colour=gold", "pin.holdOnce=true"},
                new String[] {"HONOUR_PIN=lots", "HONOUR_PIN.5=2", "HONOUR_PLAQUE=-1"});
        assertEquals(AwardRules.DEFAULT_CONTINUOUS_YEARS, rules.continuousYears("HONOUR_PIN"));
        assertEquals(AwardRules.DEFAULT_YEARS_BETWEEN_CLASSES, rules.minYearsBetweenClasses("HONOUR_PIN"));
        assertEquals(AwardRules.DEFAULT_PROGRAM_TIMEOUT_MILLIS, rules.programTimeoutMillis());
        assertNull(rules.minYearsRegistered("HONOUR_PIN"));
        assertNull(rules.quota("HONOUR_PIN", "50", 2570));
        assertNull(rules.quota("HONOUR_PLAQUE", "50", 2570));
    }
}
