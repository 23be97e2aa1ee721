package org.apom.recognition.internal;

import static org.apom.recognition.api.NominationStatus.APPROVED;
import static org.apom.recognition.api.NominationStatus.CONFERRED;
import static org.apom.recognition.api.NominationStatus.DRAFT;
import static org.apom.recognition.api.NominationStatus.ENDORSED;
import static org.apom.recognition.api.NominationStatus.REJECTED;
import static org.apom.recognition.api.NominationStatus.SUBMITTED;
import static org.apom.recognition.api.NominationStatus.WITHDRAWN;

import java.util.Optional;

import org.apom.recognition.api.NominationAction;
import org.apom.recognition.api.NominationStatus;
import org.apom.security.api.Action;

/**
 * Which action moves a nomination from which state to which, and whose permission it takes (docs/api.md, the table
 * under "Recognition"). A province rejects or withdraws what is still its own; once endorsed, only the ministry
 * rejects, and the province may still withdraw its nominee.
 */
final class NominationWorkflow {

    /** A legal move and the permission it takes, in the nomination's province. */
    record Move(NominationStatus to, Action permission) {
    }

    private NominationWorkflow() {
    }

    /** The move the action makes from the state; empty when the action is not allowed from it. */
    static Optional<Move> move(NominationStatus from, NominationAction action) {
        Move move = switch (action) {
            case SUBMIT -> from == DRAFT ? new Move(SUBMITTED, Action.NOMINATIONS_ENDORSE) : null;
            case ENDORSE -> from == SUBMITTED ? new Move(ENDORSED, Action.NOMINATIONS_ENDORSE) : null;
            case APPROVE -> from == ENDORSED ? new Move(APPROVED, Action.NOMINATIONS_DECIDE) : null;
            case CONFER -> from == APPROVED ? new Move(CONFERRED, Action.NOMINATIONS_DECIDE) : null;
            case REJECT -> !from.open() ? null : new Move(REJECTED, from == DRAFT || from == SUBMITTED
                    ? Action.NOMINATIONS_ENDORSE : Action.NOMINATIONS_DECIDE);
            case WITHDRAW -> !from.open() ? null : new Move(WITHDRAWN, from == DRAFT ? Action.NOMINATIONS_DRAFT
                    : Action.NOMINATIONS_ENDORSE);
        };
        return Optional.ofNullable(move);
    }

    /**
     * The least permission the action takes from any state: a caller without it may never take the action (403),
     * whatever the state; one with it learns the state's answer (409) before the state's own permission.
     */
    static Action leastPermission(NominationAction action) {
        return switch (action) {
            case SUBMIT, ENDORSE, REJECT -> Action.NOMINATIONS_ENDORSE;
            case APPROVE, CONFER -> Action.NOMINATIONS_DECIDE;
            case WITHDRAW -> Action.NOMINATIONS_DRAFT;
        };
    }

    /** Whether a nomination in the state holds a place in its province's quota. */
    static boolean holdsPlace(NominationStatus status) {
        return status == SUBMITTED || status == ENDORSED || status == APPROVED || status == CONFERRED;
    }
}
