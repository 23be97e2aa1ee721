package org.apom.recognition.api;

import java.time.Instant;

/**
 * One move of a nomination: its creation (with {@code action} {@code null} and {@code from} {@code null}) or a
 * transition, with who made it, when, and their comment.
 */
public record NominationStep(NominationAction action, NominationStatus from, NominationStatus to, String by,
        Instant at, String comment) {
}
