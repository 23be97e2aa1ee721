package org.apom.security.api;

import java.util.Map;

import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only, hash-chained audit trail. {@link #record} joins the caller's transaction, so the entry
 * commits or rolls back with the write it describes.
 */
@ProviderType
public interface AuditTrail {

    /**
     * Appends an entry.
     *
     * @param action what was done, for example {@code user.create} or {@code volunteer.read-personal}
     * @param entity the kind of record, for example {@code user}
     * @param province the record's province, if it has one
     * @param before the record before a write ({@code null} for a read or a creation)
     * @param after the record after a write ({@code null} for a read or a deletion)
     */
    void record(Caller caller, String action, String entity, String entityId, ProvinceCode province,
            Map<String, ?> before, Map<String, ?> after);

    /** Entries, oldest first, for auditors and central admins. */
    Page<AuditEntry> query(Caller caller, AuditQuery query, PageRequest page);

    /** Walks the whole chain and says whether any entry was edited or removed. */
    AuditVerification verify(Caller caller);
}
