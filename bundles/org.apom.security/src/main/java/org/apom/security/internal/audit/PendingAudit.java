package org.apom.security.internal.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManager;
import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.TransactionSynchronizationRegistry;

import org.apom.core.api.ProvinceCode;
import org.apom.security.api.AuditEntry;
import org.apom.security.api.Caller;
import org.apom.security.internal.jpa.PendingAuditEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Where audit entries are recorded, in the transaction of the change they describe (the trail, the accounts and
 * the tokens all record here), and the notices of their commits that the {@link AuditSequencer} seals from.
 * Recording is one insert: no lock that another request waits for.
 */
@Component(service = PendingAudit.class)
public final class PendingAudit {

    /** Runs an action once the current transaction has committed. */
    @FunctionalInterface
    public interface AfterCommit {
        void run(Runnable action);
    }

    /** An entry committed at a moment and not yet sealed. */
    record Notice(String id, Instant committedAt) {
    }

    /** Notices kept in memory at most; beyond, the sequencer sweeps the table for the rest. */
    static final int MAX_NOTICES = 100_000;

    private final AfterCommit afterCommit;
    private final Clock clock;
    private final Deque<Notice> notices = new ConcurrentLinkedDeque<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private final int maxNotices;

    @Activate
    public PendingAudit(@Reference TransactionSynchronizationRegistry registry) {
        this(action -> registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before: an entry is sealed only once it is committed
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        }), Clock.systemUTC());
    }

    public PendingAudit(AfterCommit afterCommit, Clock clock) {
        this(afterCommit, clock, MAX_NOTICES);
    }

    PendingAudit(AfterCommit afterCommit, Clock clock, int maxNotices) {
        this.afterCommit = afterCommit;
        this.clock = clock;
        this.maxNotices = maxNotices;
    }

    /** Writes the entry in the entity manager's transaction; it is sealed once that commits. */
    public void record(EntityManager em, AuditEntry draft) {
        String id = UUID.randomUUID().toString();
        em.persist(new PendingAuditEntity(id, draft));
        afterCommit.run(() -> committed(id));
    }

    /** Drafts the entry from what was done and writes it in the entity manager's transaction. */
    public void record(EntityManager em, Clock at, Caller caller, String action, String entity, String entityId,
            ProvinceCode province, Map<String, ?> before, Map<String, ?> after) {
        record(em, AuditChain.draft(at, caller, action, entity, entityId, province, before, after));
    }

    private void committed(String id) {
        if (count.incrementAndGet() > maxNotices) {
            count.decrementAndGet();
            overflowed.set(true);
            return;
        }
        notices.addLast(new Notice(id, clock.instant()));
    }

    /** The oldest notices, at most {@code max}; give them back if they could not be sealed. */
    List<Notice> take(int max) {
        List<Notice> taken = new ArrayList<>();
        for (Notice n; taken.size() < max && (n = notices.pollFirst()) != null;) {
            count.decrementAndGet();
            taken.add(n);
        }
        return taken;
    }

    /** Puts notices back in front, in their order. */
    void giveBack(List<Notice> taken) {
        for (int i = taken.size() - 1; i >= 0; i--) {
            notices.addFirst(taken.get(i));
            count.incrementAndGet();
        }
    }

    /** Whether notices were dropped since the last call (then only a sweep finds their entries). */
    boolean takeOverflow() {
        return overflowed.getAndSet(false);
    }

    boolean isEmpty() {
        return notices.isEmpty();
    }

    int waiting() {
        return count.get();
    }

    Instant oldestWaitingSince() {
        Notice oldest = notices.peekFirst();
        return oldest == null ? null : oldest.committedAt();
    }
}
