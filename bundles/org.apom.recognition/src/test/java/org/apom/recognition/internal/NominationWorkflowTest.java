package org.apom.recognition.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.apom.recognition.api.NominationAction;
import org.apom.recognition.api.NominationStatus;
import org.apom.recognition.internal.NominationWorkflow.Move;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.junit.jupiter.api.Test;

/** Every state against every action: the legal moves, and only those, with the permission each takes. */
class NominationWorkflowTest {

    @Test
    void everyStateAndActionIsTheTableInTheDocs() {
        // state -> the moves docs/api.md lists for it, as "action:to:permission"
        Map<NominationStatus, String> expected = new EnumMap<>(NominationStatus.class);
        expected.put(NominationStatus.DRAFT, "submit:SUBMITTED:nominations:endorse reject:REJECTED:nominations:endorse "
                + "withdraw:WITHDRAWN:nominations:draft");
        expected.put(NominationStatus.SUBMITTED, "endorse:ENDORSED:nominations:endorse "
                + "reject:REJECTED:nominations:endorse withdraw:WITHDRAWN:nominations:endorse");
        expected.put(NominationStatus.ENDORSED, "approve:APPROVED:nominations:decide "
                + "reject:REJECTED:nominations:decide withdraw:WITHDRAWN:nominations:endorse");
        expected.put(NominationStatus.APPROVED, "confer:CONFERRED:nominations:decide "
                + "reject:REJECTED:nominations:decide withdraw:WITHDRAWN:nominations:endorse");
        expected.put(NominationStatus.CONFERRED, "");
        expected.put(NominationStatus.REJECTED, "");
        expected.put(NominationStatus.WITHDRAWN, "");
        for (NominationStatus from : NominationStatus.values()) {
            StringBuilder moves = new StringBuilder();
            for (NominationAction action : NominationAction.values()) {
                Optional<Move> move = NominationWorkflow.move(from, action);
                move.ifPresent(m -> moves.append(moves.length() == 0 ? "" : " ").append(action.id()).append(':')
                        .append(m.to()).append(':').append(m.permission().id()));
            }
            assertEquals(expected.get(from), moves.toString(), "from " + from);
        }
    }

    @Test
    void theLeastPermissionOfAnActionIsNoMoreThanAnyStateAsks() {
        for (NominationAction action : NominationAction.values()) {
            Action least = NominationWorkflow.leastPermission(action);
            for (NominationStatus from : NominationStatus.values()) {
                NominationWorkflow.move(from, action).ifPresent(m -> assertTrue(weaker(least, m.permission()),
                        action + " from " + from));
            }
        }
    }

    @Test
    void aPlaceInTheQuotaIsHeldFromSubmissionOn() {
        assertEquals("SUBMITTED ENDORSED APPROVED CONFERRED", String.join(" ", java.util.Arrays
                .stream(NominationStatus.values()).filter(NominationWorkflow::holdsPlace).map(Enum::name).toList()));
    }

    /** Whether every role that has {@code other} in a province also has {@code least} there. */
    private static boolean weaker(Action least, Action other) {
        for (org.apom.security.api.Role role : org.apom.security.api.Role.values()) {
            org.apom.security.api.Caller c = org.apom.security.api.Caller.person("x", java.util.Set.of(role),
                    org.apom.core.api.ProvinceCode.of("50"));
            if (AccessPolicy.reach(c, other).compareTo(AccessPolicy.reach(c, least)) > 0) {
                return false;
            }
        }
        return true;
    }
}
