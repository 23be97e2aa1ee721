package org.apom.security.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.persistence.testing.TestDatabase;
import org.apom.security.api.AuditEntry;
import org.apom.security.api.AuditQuery;
import org.apom.security.api.AuditVerification;
import org.apom.security.api.Caller;
import org.apom.security.internal.users.JpaUserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hash chain on a real database: it holds under concurrent writers and shows any edit or removal. */
class AuditChainTest {

    private static final Caller ADMIN = Caller.system("test").inRequest("req-1");
    private TestDatabase db;
    private JpaAuditTrail trail;
    private PendingAudit pending;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase("apom-security-test", "META-INF/test-persistence.xml",
                JpaUserDirectory.CHANGELOG);
        pending = TestAudit.pending();
        trail = TestAudit.trail(db, pending);
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void entriesChainAndCarryWhoWhatWhen() {
        record(3);
        AuditVerification v = trail.verify(ADMIN);
        assertTrue(v.intact(), String.valueOf(v));
        assertEquals(3, v.entries());
        List<AuditEntry> entries = trail.query(ADMIN, AuditQuery.all(), PageRequest.of(null, null)).items();
        assertEquals(AuditChain.GENESIS, entries.get(0).previousHash());
        assertEquals(entries.get(0).hash(), entries.get(1).previousHash());
        assertEquals("req-1", entries.get(2).requestId());
        assertEquals("{\"enabled\":true,\"n\":2}", entries.get(2).after());
        assertEquals("50", entries.get(2).entityProvince());
    }

    @Test
    void anEditedEntryIsFound() {
        record(3);
        sql("UPDATE security_audit SET actor = 'mallory' WHERE seq = 2");
        AuditVerification v = trail.verify(ADMIN);
        assertFalse(v.intact());
        assertEquals(2L, v.brokenAt());
        assertTrue(v.reason().contains("changed"), v.reason());
    }

    @Test
    void aRemovedEntryIsFound() {
        record(3);
        sql("DELETE FROM security_audit WHERE seq = 2");
        AuditVerification v = trail.verify(ADMIN);
        assertEquals(2L, v.brokenAt());
        assertTrue(v.reason().contains("missing"), v.reason());
    }

    @Test
    void removingTheNewestEntriesIsFoundToo() {
        record(3);
        sql("DELETE FROM security_audit WHERE seq = 3");
        AuditVerification v = trail.verify(ADMIN);
        assertEquals(3L, v.brokenAt());
        assertTrue(v.reason().contains("removed"), v.reason());
    }

    @Test
    void noTwoEntriesShareAHashByMovingTheFieldSeparator() {
        // a value may hold U+001F (a token's name, an id), the separator the first version joined fields with
        AuditEntry a = entry("thing\u001fx", "t1");
        AuditEntry b = entry("thing", "x\u001ft1");
        assertFalse(AuditChain.hashOf(a, AuditChain.HASH_VERSION).equals(AuditChain.hashOf(b, AuditChain.HASH_VERSION)));
        assertEquals(AuditChain.hashOf(a, 1), AuditChain.hashOf(b, 1), "what the first version could not tell apart");
    }

    @Test
    void theChainVerifiesInAnyTimeZone() {
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Bangkok"));
            record(3);
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
            AuditVerification v = trail.verify(ADMIN);
            assertTrue(v.intact(), "sealed at +07:00, verified at UTC: " + v);
        } finally {
            java.util.TimeZone.setDefault(zone);
        }
    }

    @Test
    void entriesSealedWithTheFirstHashStillVerify() {
        record(2);
        // as a platform before this change sealed them: the first version's hash, no UTC time
        sql("UPDATE security_audit SET hash_version = 1, recorded_ms = NULL");
        String previous = AuditChain.GENESIS;
        for (long seq = 1; seq <= 2; seq++) {
            AuditEntry e = trail.query(ADMIN, AuditQuery.all(), PageRequest.of(null, null)).items().get((int) seq - 1);
            AuditEntry chained = new AuditEntry(e.seq(), e.at(), e.actor(), e.actorKind(), e.roles(), e.province(),
                    e.action(), e.entity(), e.entityId(), e.entityProvince(), e.requestId(), e.before(), e.after(),
                    previous, null);
            String hash = AuditChain.hashOf(chained, 1);
            sql("UPDATE security_audit SET prev_hash = '" + previous + "', hash = '" + hash + "' WHERE seq = " + seq);
            previous = hash;
        }
        sql("UPDATE security_audit_head SET hash = '" + previous + "'");
        record(1);
        AuditVerification v = trail.verify(ADMIN);
        assertTrue(v.intact(), String.valueOf(v));
        assertEquals(3, v.entries());
    }

    private static AuditEntry entry(String entity, String entityId) {
        return new AuditEntry(1, java.time.Instant.parse("2026-12-01T00:00:00Z"), "admin", "PERSON", "central-admin",
                null, "thing.write", entity, entityId, null, null, null, null, AuditChain.GENESIS, null);
    }

    @Test
    void concurrentWritersMakeOneUnbrokenChain() throws Exception {
        trail = TestAudit.sweepingTrail(db, pending);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            writers.add(pool.submit(() -> record(25)));
        }
        for (Future<?> w : writers) {
            w.get();
        }
        pool.shutdown();
        AuditVerification v = trail.verify(ADMIN);
        assertTrue(v.intact(), String.valueOf(v));
        assertEquals(100, v.entries());
    }

    @Test
    void queriesFilterAndPage() {
        record(5);
        trail.record(ADMIN, "user.update", "user", "other", null, Map.of("a", 1), Map.of("a", 2));
        trail.sealNow();
        var page = trail.query(ADMIN, new AuditQuery("thing", null, null, null, null), PageRequest.of(2, null));
        assertEquals(2, page.items().size());
        var rest = trail.query(ADMIN, new AuditQuery("thing", null, null, null, null), PageRequest.of(10, page.nextCursor()));
        assertEquals(3, rest.items().size());
        assertEquals(1, trail.query(ADMIN, new AuditQuery("user", "other", null, null, null),
                PageRequest.of(null, null)).items().size());
    }

    private void record(int n) {
        for (int i = 0; i < n; i++) {
            trail.record(ADMIN, "thing.write", "thing", "t" + i, ProvinceCode.of("50"), null,
                    Map.of("n", i, "enabled", true));
        }
        trail.sealNow();
    }

    private void sql(String statement) {
        db.tx(em -> em.createNativeQuery(statement).executeUpdate());
    }
}
