package org.apom.security.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only, hash-chained audit trail. {@link #record} joins the caller's transaction, so the entry
 * commits or rolls back with the write it describes; a sequencer numbers committed entries into the chain
 * moments later ({@link #sealing}). Recording takes no lock that other requests wait for.
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

    /**
     * Entries of the chain, oldest first, for auditors and central admins. Entries not yet sealed into the
     * chain are not listed; a cursor therefore never skips one that is sealed later.
     */
    Page<AuditEntry> query(Caller caller, AuditQuery query, PageRequest page);

    /**
     * Every entry about one record, those of the chain in its order and then those still waiting to be sealed
     * (sequence number 0, no hashes), for a record's own history.
     *
     * @since 1.1
     */
    List<AuditEntry> history(Caller caller, String entity, String entityId);

    /**
     * How far sealing has come on this node, for auditors and central admins.
     *
     * @since 1.1
     */
    AuditSealing sealing(Caller caller);

    /**
     * Sealed entries of the given actions numbered above {@code after}, oldest first, at most {@code limit}, about
     * records of {@code province} (every province the caller may do {@code readAction} on when {@code null}): what
     * change feeds are made of. One call looks at a bounded stretch of the chain, so a reader of a quiet province
     * costs little however much else happens; {@link ChangeEntries#readTo()} says how far it got.
     * The chain's numbers never change and no entry is numbered below one already sealed, so a feed that follows
     * them misses nothing, on any node and across restarts. For the platform's own bundles only (extensions do not
     * see this service).
     *
     * @throws org.apom.core.api.problem.ProblemException 403 when the caller may not do {@code readAction} there
     * @throws org.apom.core.api.InvalidValueException {@code cursor} when {@code after} lies beyond the chain's end
     * @since 1.4
     */
    ChangeEntries changes(Caller caller, Action readAction, ProvinceCode province, Set<String> actions, long after,
            int limit);

    /**
     * The number of the last entry sealed into the chain, 0 when none is: where a feed that starts now begins, so
     * that it tells of every change after this moment and of none before.
     *
     * @since 1.5
     */
    long sealedTo();

    /** Walks the whole chain and says whether any entry was edited or removed. */
    AuditVerification verify(Caller caller);
}
