package org.apom.recognition.internal.rest;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A transition as posted.
 *
 * @param action {@code submit}, {@code endorse}, {@code approve}, {@code confer}, {@code reject} or {@code withdraw}
 * @param comment required to reject or withdraw
 * @param conferredOn for {@code confer}: the day, today when left out
 * @param gazetteReference for {@code confer}: the Royal Gazette's announcement, when known
 */
public record TransitionJson(
        @Schema(allowableValues = {"submit", "endorse", "approve", "confer", "reject", "withdraw"}) String action,
        @Schema(nullable = true) String comment, @Schema(nullable = true) String conferredOn,
        @Schema(nullable = true) String gazetteReference) {
}
