package org.apom.security.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.persistence.testing.TestDatabase;
import org.apom.persistence.testing.TestJpaTemplate;
import org.apom.security.api.AuditEntry;
import org.apom.security.api.AuditQuery;
import org.apom.security.api.AuditVerification;
import org.apom.security.api.Caller;
import org.apom.security.internal.users.JpaUserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sequencer on a real database: what commits is sealed exactly once, what rolls back never, a batch that
 * dies halfway changes nothing, and a new run finds what the last one left.
 */
class AuditSequencerTest {

    private static final Caller WRITER = Caller.system("test").inRequest("req-9");
    private TestDatabase db;
    private PendingAudit pending;
    private JpaAuditTrail trail;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase("apom-security-test", "META-INF/test-persistence.xml", JpaUserDirectory.CHANGELOG);
        pending = TestAudit.pending();
        trail = TestAudit.trail(db, pending);
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void recordedEntriesWaitUnsealedThenJoinTheChainInCommitOrder() {
        record("a", "b", "c");
        assertEquals(0, trail.verify(WRITER).entries());
        assertEquals(3, trail.sealing(WRITER).waiting());
        assertNotNull(trail.sealing(WRITER).oldestWaitingSince());
        // a record's own history already shows them, unsealed
        assertEquals(0, trail.history(WRITER, "thing", "b").get(0).seq());

        assertEquals(3, trail.sealNow());
        AuditVerification v = trail.verify(WRITER);
        assertTrue(v.intact(), v.toString());
        assertEquals(3, v.entries());
        assertEquals(List.of("a", "b", "c"), ids(all()));
        assertEquals(0, trail.sealing(WRITER).waiting());
        assertNull(trail.sealing(WRITER).oldestWaitingSince());
        assertEquals(2L, trail.history(WRITER, "thing", "b").get(0).seq());
        assertEquals(0, pendingRows());
    }

    @Test
    void anEntryWhoseTransactionRolledBackNeverEntersTheChain() {
        record("kept");
        assertThrows(IllegalStateException.class, () -> db.tx(TransactionType.Required, em -> {
            pending.record(em, AuditChain.draft(java.time.Clock.systemUTC(), WRITER, "thing.write", "thing", "lost",
                    null, null, Map.of("n", 1)));
            em.flush();
            throw new IllegalStateException("the write it describes failed");
        }));
        trail.sealNow();
        assertEquals(List.of("kept"), ids(all()));
        assertTrue(trail.verify(WRITER).intact());
    }

    @Test
    void aBatchKilledHalfwayChangesNothingAndTheNextRoundSealsEachEntryOnce() {
        record("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        KillingTemplate killing = new KillingTemplate(db);
        JpaAuditTrail dying = new JpaAuditTrail(killing, pending, java.time.Clock.systemUTC(), TestAudit.config(false),
                false);
        killing.killNext.set(true);
        assertThrows(IllegalStateException.class, dying::sealNow);
        assertEquals(0, trail.verify(WRITER).entries());
        assertEquals(10, pendingRows());
        assertEquals(10, trail.sealing(WRITER).waiting());
        assertNotNull(dying.sealing(WRITER).lastFailure());

        assertEquals(10, dying.sealNow());
        AuditVerification v = trail.verify(WRITER);
        assertTrue(v.intact(), v.toString());
        assertEquals(10, v.entries());
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), ids(all()));
        assertEquals(0, pendingRows());
        assertNull(dying.sealing(WRITER).lastFailure());
    }

    @Test
    void noticesBeyondTheLimitAreFoundByASweepEvenWhenTheFirstBatchIsFullOfNotices() {
        // a queue of at most 10 notices and batches of 7 (TestAudit.config): 15 entries drop 5 notices
        PendingAudit small = new PendingAudit(Runnable::run, java.time.Clock.systemUTC(), 10);
        JpaAuditTrail bounded = TestAudit.trail(db, small);
        for (int i = 0; i < 15; i++) {
            bounded.record(WRITER, "thing.write", "thing", "n" + i, null, null, Map.of("i", i));
        }
        assertEquals(15, bounded.sealNow());
        assertEquals(15, bounded.verify(WRITER).entries());
        assertEquals(0, pendingRows());
    }

    @Test
    void aNewRunSweepsWhatTheLastOneLeftUnsealed() {
        record("before-1", "before-2");
        // the node stops before sealing: its notices are gone with it, the entries are committed
        PendingAudit restarted = TestAudit.pending();
        JpaAuditTrail next = TestAudit.trail(db, restarted);
        assertEquals(2, next.sealNow());
        next.record(WRITER, "thing.write", "thing", "after", ProvinceCode.of("50"), null, Map.of("n", 3));
        next.sealNow();
        assertEquals(Set.of("before-1", "before-2"), new HashSet<>(ids(all()).subList(0, 2)));
        assertEquals("after", ids(all()).get(2));
        assertTrue(next.verify(WRITER).intact());
    }

    @Test
    void writersAndTheSequencerAtOnceLeaveOneChainWithEveryEntryOnce() throws Exception {
        trail = TestAudit.sweepingTrail(db, pending);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        AtomicBoolean writing = new AtomicBoolean(true);
        Future<?> sealer = threads.submit(() -> {
            while (writing.get()) {
                trail.sealNow();
            }
            return null;
        });
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 5; w++) {
            int writer = w;
            writers.add(threads.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    trail.record(WRITER, "thing.write", "thing", writer + "-" + i, null, null, Map.of("i", i));
                }
            }));
        }
        for (Future<?> w : writers) {
            w.get(2, TimeUnit.MINUTES);
        }
        writing.set(false);
        sealer.get(2, TimeUnit.MINUTES);
        threads.shutdown();
        trail.sealNow();
        AuditVerification v = trail.verify(WRITER);
        assertTrue(v.intact(), v.toString());
        assertEquals(200, v.entries());
        assertEquals(200, new HashSet<>(ids(all())).size());
        assertEquals(0, pendingRows());
    }

    private void record(String... ids) {
        for (String id : ids) {
            trail.record(WRITER, "thing.write", "thing", id, ProvinceCode.of("50"), null, Map.of("id", id));
        }
    }

    private List<AuditEntry> all() {
        List<AuditEntry> entries = new ArrayList<>();
        String cursor = null;
        do {
            var page = trail.query(WRITER, AuditQuery.all(), PageRequest.of(PageRequest.MAX_LIMIT, cursor));
            entries.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return entries;
    }

    private static List<String> ids(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::entityId).toList();
    }

    private long pendingRows() {
        return db.txExpr(em -> em.createQuery("SELECT COUNT(p) FROM PendingAuditEntity p", Long.class)
                .getSingleResult());
    }

    /** Runs the work, writes it to the database, then dies before the commit, as a killed node would. */
    private static final class KillingTemplate extends TestJpaTemplate {

        final AtomicBoolean killNext = new AtomicBoolean();
        private final JpaTemplate delegate;

        KillingTemplate(JpaTemplate delegate) {
            this.delegate = delegate;
        }

        @Override
        public <R> R txExpr(TransactionType type, EmFunction<R> work) {
            return delegate.txExpr(type, em -> {
                R result = work.apply(em);
                em.flush();
                if (killNext.getAndSet(false)) {
                    throw new IllegalStateException("killed mid-batch");
                }
                return result;
            });
        }
    }
}
