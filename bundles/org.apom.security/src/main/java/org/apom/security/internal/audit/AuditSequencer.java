package org.apom.security.internal.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.security.api.AuditSealing;
import org.apom.security.internal.audit.PendingAudit.Notice;
import org.apom.security.internal.jpa.AuditHeadEntity;
import org.apom.security.internal.jpa.PendingAuditEntity;

/**
 * Seals committed audit entries into the chain, a batch per transaction, as a certificate-transparency log's
 * sequencer does: requests only insert their entries; this is the one writer of the chain. It learns of entries
 * from commit notices of this node, and also sweeps the pending table, which finds what other nodes or an earlier
 * run of this one left: always where sweeping cannot wait on an open transaction (PostgreSQL reads committed rows
 * without locks), and on Derby (one node only) at start and when notices were lost. A failed batch leaves every
 * entry where it was, so a crash mid-batch loses and doubles nothing.
 */
final class AuditSequencer {

    private final JpaTemplate jpa;
    private final Clock clock;
    private final int batch;
    private final boolean sweepAlways;
    private final PendingAudit pending;
    private volatile boolean sweepNeeded = true;
    private volatile Instant lastSealedAt;
    private volatile String lastFailure;
    private volatile Instant failingSince;

    /**
     * @param sweepAlways whether every round also reads the pending table (true where reading it never waits on
     *        an open transaction)
     */
    AuditSequencer(JpaTemplate jpa, PendingAudit pending, Clock clock, int batch, boolean sweepAlways) {
        this.jpa = jpa;
        this.pending = pending;
        this.clock = clock;
        this.batch = batch;
        this.sweepAlways = sweepAlways;
    }

    /** Seals until nothing known is left; returns how many entries were sealed. */
    int sealAll() {
        int total = 0;
        int sealed;
        do {
            sealed = sealBatch();
            total += sealed;
        } while (sealed > 0 && (!pending.isEmpty() || sweepNeeded || sweepAlways));
        return total;
    }

    /** One transaction: at most one batch of entries appended to the chain. */
    int sealBatch() {
        if (pending.takeOverflow()) {
            sweepNeeded = true;
        }
        List<Notice> taken = pending.take(batch);
        boolean sweep = sweepAlways || sweepNeeded;
        if (taken.isEmpty() && !sweep) {
            return 0;
        }
        boolean sealedOrEmpty = false;
        try {
            // how many rows a sweep read; -1 while none ran (a batch full of notices leaves no room for one)
            int[] swept = {-1};
            int sealed = jpa.txExpr(TransactionType.Required, em -> {
                if (taken.isEmpty() && !anyPending(em)) {
                    swept[0] = 0;
                    return 0;
                }
                AuditHeadEntity head = AuditChain.lockHead(em);
                // this node's entries in the order their transactions committed, then what a sweep finds, oldest
                // first
                List<PendingAuditEntity> entries = byId(em, taken);
                if (sweep && entries.size() < batch) {
                    Set<String> have = new HashSet<>();
                    entries.forEach(e -> have.add(e.id()));
                    List<PendingAuditEntity> oldest = oldest(em, batch);
                    swept[0] = oldest.size();
                    oldest.stream().filter(e -> have.add(e.id())).limit(batch - entries.size()).forEach(entries::add);
                }
                // in the order they were recorded: a notice can come late, or another node's entry only with a
                // sweep, and a record's later change must not be numbered before its earlier one (the change feed
                // follows the numbers); a stable sort keeps one transaction's entries as they were
                entries.sort(Comparator.comparingLong(PendingAuditEntity::recordedMillis));
                AuditChain.seal(em, head, entries);
                return entries.size();
            });
            if (sweep && swept[0] >= 0 && swept[0] < batch) {
                sweepNeeded = false;
            }
            if (sealed > 0) {
                lastSealedAt = clock.instant();
            }
            lastFailure = null;
            failingSince = null;
            sealedOrEmpty = true;
            return sealed;
        } catch (RuntimeException | Error e) {
            lastFailure = e.toString();
            if (failingSince == null) {
                failingSince = clock.instant();
            }
            throw e;
        } finally {
            if (!sealedOrEmpty) {
                // nothing was sealed: the notices go back in front, in their order, for the next round, and a
                // sweep makes sure of whatever an Error may have cost
                pending.giveBack(taken);
                sweepNeeded = true;
            }
        }
    }

    AuditSealing state() {
        return new AuditSealing(pending.waiting(), pending.oldestWaitingSince(), lastSealedAt, lastFailure,
                failingSince);
    }

    private static boolean anyPending(EntityManager em) {
        return !em.createQuery("SELECT p.id FROM PendingAuditEntity p", String.class).setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** Looked up by key one by one, in commit order: Derby scans the table for a long IN list. */
    private static List<PendingAuditEntity> byId(EntityManager em, List<Notice> taken) {
        List<PendingAuditEntity> found = new ArrayList<>(taken.size());
        for (Notice notice : taken) {
            // an entry another node's sequencer sealed first is simply not found
            PendingAuditEntity entry = em.find(PendingAuditEntity.class, notice.id());
            if (entry != null) {
                found.add(entry);
            }
        }
        return found;
    }

    private static List<PendingAuditEntity> oldest(EntityManager em, int limit) {
        return em.createQuery("SELECT p FROM PendingAuditEntity p ORDER BY p.at, p.id", PendingAuditEntity.class)
                .setMaxResults(limit).getResultList();
    }
}
