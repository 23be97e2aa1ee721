package org.apom.security.api;

import java.util.List;

/**
 * What {@link AuditTrail#changes} read: the entries, oldest first, and the chain number it read up to, which is
 * where the next read goes on from (past entries that were none of the asked ones, so none is read twice).
 *
 * @since 1.4
 */
public record ChangeEntries(List<AuditEntry> entries, long readTo) {

    public ChangeEntries {
        entries = List.copyOf(entries);
    }
}
