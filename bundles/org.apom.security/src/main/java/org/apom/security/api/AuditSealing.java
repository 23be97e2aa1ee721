package org.apom.security.api;

import java.time.Instant;

/**
 * How far the sealing of the audit chain has come on this node: entries are recorded with their change and
 * numbered into the chain moments later by the sequencer.
 *
 * @param waiting entries committed on this node and not yet in the chain
 * @param oldestWaitingSince when the oldest of them committed; {@code null} when none waits
 * @param lastSealedAt when entries were last appended to the chain; {@code null} if never since start
 * @param lastFailure why the last sealing attempt failed; {@code null} when it succeeded
 * @param failingSince since when every attempt has failed; {@code null} when the last one succeeded
 */
public record AuditSealing(long waiting, Instant oldestWaitingSince, Instant lastSealedAt, String lastFailure,
        Instant failingSince) {
}
