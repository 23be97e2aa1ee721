package org.apom.security.internal.rest;

import java.time.Instant;

import org.apom.security.api.AuditSealing;
import org.apom.security.api.AuditVerification;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The chain checked, and how many committed entries still wait to be sealed into it on this node.
 *
 * @param entries entries of the chain checked
 * @param brokenAt where the chain breaks; null when intact
 * @param reason what is wrong there; null when intact
 * @param waiting committed entries not yet sealed into the chain (they are within a second or so)
 * @param oldestWaitingSince when the oldest of them committed; null when none waits
 * @param lastSealedAt when entries were last sealed on this node
 * @param sealingError why sealing last failed; null when it works
 */
record VerificationJson(long entries, @Schema(nullable = true) Long brokenAt, @Schema(nullable = true) String reason,
        long waiting, @Schema(nullable = true) Instant oldestWaitingSince,
        @Schema(nullable = true) Instant lastSealedAt, @Schema(nullable = true) String sealingError) {

    static VerificationJson of(AuditVerification chain, AuditSealing sealing) {
        return new VerificationJson(chain.entries(), chain.brokenAt(), chain.reason(), sealing.waiting(),
                sealing.oldestWaitingSince(), sealing.lastSealedAt(), sealing.lastFailure());
    }
}
