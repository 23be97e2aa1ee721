package org.apom.security.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.persistence.testing.TestDatabase;
import org.apom.security.api.Action;
import org.apom.security.api.AuditEntry;
import org.apom.security.api.Caller;
import org.apom.security.api.ChangeEntries;
import org.apom.security.api.Role;
import org.apom.security.internal.users.JpaUserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What change feeds read from the chain: sealed entries of the asked actions, in order, within the reader's reach. */
class AuditChangesTest {

    private static final Caller CENTRAL = Caller.system("test");
    private static final Caller CM = Caller.person("cm", Set.of(Role.PROVINCE_OFFICER), ProvinceCode.of("50"));
    private static final Caller AUDITOR = Caller.person("aud", Set.of(Role.AUDITOR), null);
    private static final Set<String> WRITES = Set.of("thing.create", "thing.update");
    private TestDatabase db;
    private JpaAuditTrail trail;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase("apom-security-test", "META-INF/test-persistence.xml", JpaUserDirectory.CHANGELOG);
        trail = TestAudit.trail(db, TestAudit.pending());
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void sealedWritesInTheChainsOrderWithinTheReadersProvinces() {
        record("thing.create", "a", "50");
        record("thing.read", "a", "50");
        record("thing.create", "b", "40");
        record("thing.update", "a", "50");
        assertEquals(List.of(), changes(CENTRAL, null, 0), "nothing before it is sealed");
        trail.sealNow();
        record("thing.update", "b", "40");

        List<AuditEntry> all = changes(CENTRAL, null, 0);
        assertEquals(List.of("a", "b", "a"), all.stream().map(AuditEntry::entityId).toList(),
                "writes only, in the chain's order; what waits to be sealed is not there yet");
        assertEquals(List.of(1L, 3L, 4L), all.stream().map(AuditEntry::seq).toList());
        assertEquals(List.of("a", "a"), changes(CM, null, 0).stream().map(AuditEntry::entityId).toList(),
                "a province's officer reads their province's");
        assertEquals(List.of(4L), changes(CM, null, 1).stream().map(AuditEntry::seq).toList(), "after a position");
        assertEquals(List.of("b"), changes(CENTRAL, ProvinceCode.of("40"), 0).stream().map(AuditEntry::entityId)
                .toList());
        ChangeEntries one = trail.changes(CENTRAL, Action.VOLUNTEERS_READ, null, WRITES, 0, 1);
        assertEquals(1, one.entries().size(), "a limit");
        assertEquals(1, one.readTo(), "a full page goes on from its last entry");
        assertEquals(4, trail.changes(CM, Action.VOLUNTEERS_READ, null, WRITES, 1, 100).readTo(),
                "a page that is not full goes on from the end of what was sealed when it was read");

        assertThrows(org.apom.core.api.InvalidValueException.class, () -> changes(CENTRAL, null, 5),
                "a position beyond the end of the chain was never given out");
        assertEquals(List.of(), changes(CENTRAL, null, 4), "the end itself is where a reader waits");
        assertThrows(ProblemException.class, () -> changes(CM, ProvinceCode.of("40"), 0), "another province");
        assertThrows(ProblemException.class, () -> changes(AUDITOR, null, 0), "no right to read volunteers");
    }

    private List<AuditEntry> changes(Caller caller, ProvinceCode province, long after) {
        return trail.changes(caller, Action.VOLUNTEERS_READ, province, WRITES, after, 100).entries();
    }

    @Test
    void oneReadLooksAtABoundedStretchOfTheChainAndSaysHowFarItGot() {
        JpaAuditTrail shortSighted = new JpaAuditTrail(db, TestAudit.pending(), java.time.Clock.systemUTC(),
                TestAudit.config(false), false, 20);
        for (int i = 0; i < 25; i++) {
            shortSighted.record(CENTRAL, "thing.read", "thing", "r" + i, ProvinceCode.of("40"), null, Map.of());
        }
        shortSighted.record(CENTRAL, "thing.create", "thing", "late", ProvinceCode.of("50"), null, Map.of());
        shortSighted.sealNow();
        ChangeEntries first = shortSighted.changes(CM, Action.VOLUNTEERS_READ, null, WRITES, 0, 100);
        assertEquals(List.of(), first.entries(), "nothing of province 50 in the first stretch");
        assertEquals(20, first.readTo(), "but the position moves past it");
        ChangeEntries second = shortSighted.changes(CM, Action.VOLUNTEERS_READ, null, WRITES, first.readTo(), 100);
        assertEquals(List.of("late"), second.entries().stream().map(AuditEntry::entityId).toList());
        assertEquals(26, second.readTo());
    }

    private void record(String action, String id, String province) {
        trail.record(CENTRAL, action, "thing", id, ProvinceCode.of(province), null, Map.of("id", id));
    }
}
