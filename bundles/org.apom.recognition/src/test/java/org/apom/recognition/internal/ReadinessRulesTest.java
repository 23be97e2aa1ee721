package org.apom.recognition.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apom.networks.api.Committee;
import org.apom.networks.api.CommitteePosition;
import org.apom.networks.api.CommitteeSeat;
import org.apom.networks.api.CurrentTier;
import org.apom.recognition.api.Readiness;
import org.apom.recognition.api.Reason;
import org.junit.jupiter.api.Test;

/** What registration as an organisation asks of a network, each rule alone. */
class ReadinessRulesTest {

    static final ReadinessRules RULES = new ReadinessRules(10, 3, Set.of("A", "B"), EnumSet.of(CommitteePosition.CHAIR,
            CommitteePosition.VICE_CHAIR, CommitteePosition.SECRETARY, CommitteePosition.TREASURER));
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final CurrentTier B = new CurrentTier(2569, "B", "run-1", null);

    @Test
    void aNetworkWithAllItNeedsIsReady() {
        Readiness r = RULES.weigh(12, committee("2027-12-31", CommitteePosition.values()), TODAY, List.of(), B);
        assertTrue(r.ready(), r.missing().toString());
    }

    @Test
    void everyLackIsNamed() {
        assertEquals(List.of(ReadinessRules.NO_COMMITTEE, ReadinessRules.TOO_FEW_MEMBERS,
                Reason.SERVICE_NOT_CONTINUOUS, ReadinessRules.NOT_GRADED), codes(RULES.weigh(9, null, TODAY,
                        List.of(2568), null)));
        Readiness lacking = RULES.weigh(10, committee("2026-12-02", CommitteePosition.CHAIR,
                CommitteePosition.SECRETARY), TODAY, List.of(), new CurrentTier(2569, "C", "run-1", "A"));
        assertEquals(List.of(ReadinessRules.COMMITTEE_OUT_OF_TERM, ReadinessRules.COMMITTEE_INCOMPLETE,
                ReadinessRules.TIER_TOO_LOW), codes(lacking));
        assertTrue(lacking.missing().get(1).text().en().contains("VICE_CHAIR"), lacking.missing().get(1).text().en());
    }

    @Test
    void whatIsNotConfiguredIsNotAsked() {
        ReadinessRules none = new ReadinessRules(0, 0, Set.of(), EnumSet.noneOf(CommitteePosition.class));
        assertTrue(none.weigh(0, null, TODAY, List.of(), null).ready());
        assertEquals(List.of(), none.yearsLookedAt(TODAY));
        assertEquals(List.of(2567, 2568, 2569), RULES.yearsLookedAt(TODAY).stream().map(y -> y.buddhistYear())
                .toList());
    }

    private static Committee committee(String termEnd, CommitteePosition... positions) {
        List<CommitteeSeat> seats = java.util.Arrays.stream(positions).map(p -> new CommitteeSeat("v-" + p, p))
                .toList();
        return new Committee("c1", "n1", LocalDate.of(2024, 1, 1), LocalDate.parse(termEnd), seats, "officer",
                Instant.EPOCH, null, 1);
    }

    private static List<String> codes(Readiness r) {
        return r.missing().stream().map(Reason::code).toList();
    }
}
