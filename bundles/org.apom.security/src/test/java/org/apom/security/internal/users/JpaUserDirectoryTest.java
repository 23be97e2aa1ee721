package org.apom.security.internal.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apom.security.internal.audit.PendingAudit;
import org.apom.security.internal.audit.TestAudit;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.persistence.testing.TestDatabase;
import org.apom.security.api.AuditEntry;
import org.apom.security.api.Caller;
import org.apom.security.api.NewUser;
import org.apom.security.api.Role;
import org.apom.security.api.UserChange;
import org.apom.security.api.UserView;
import org.apom.security.internal.MutableClock;
import org.apom.security.internal.jpa.AuditEntryEntity;
import org.apom.security.internal.jpa.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JpaUserDirectoryTest {

    private static final String GOOD = "correct horse battery";
    private static final String ATTACKER = "203.0.113.5";
    private static final Caller CENTRAL = Caller.system("test");
    private static final Caller CM_ADMIN = Caller.person("cm-admin", Set.of(Role.PROVINCE_ADMIN), ProvinceCode.of("50"));

    private TestDatabase db;
    private MutableClock clock;
    private JpaUserDirectory users;
    private PendingAudit audit;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase("apom-security-test", "META-INF/test-persistence.xml",
                JpaUserDirectory.CHANGELOG);
        clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
        audit = TestAudit.pending();
        users = new JpaUserDirectory(db, new UserRules(p -> !p.value().equals("99")), audit, config(5, 15), clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void createsAndAuthenticatesWithAnArgon2Hash() {
        UserView v = users.create(CENTRAL, new NewUser("somchai", GOOD, List.of("province-officer"), "50"));
        assertEquals(Set.of(Role.PROVINCE_OFFICER), v.roles());
        assertEquals(ProvinceCode.of("50"), v.province());
        String stored = db.txExpr(em -> em.find(UserEntity.class, "somchai").passwordHash());
        assertTrue(stored.startsWith("$argon2id$"), stored);
        assertFalse(stored.contains(GOOD));
        Caller caller = users.authenticate("somchai", GOOD.toCharArray());
        assertEquals(ProvinceCode.of("50"), caller.province());
        assertTrue(caller.has(Role.PROVINCE_OFFICER));
        assertEquals(Instant.parse("2026-11-29T10:00:00Z"), users.get(CENTRAL, "somchai").lastLoginAt());
    }

    @Test
    void everyInvalidFieldIsNamedAndNothingIsWritten() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> users.create(CENTRAL, new NewUser("A!", "short", List.of("root", "integrator"), "5x")));
        assertEquals(422, e.status());
        List<String> fields = e.errors().stream().map(f -> f.field() + ":" + f.code()).toList();
        assertTrue(fields.containsAll(List.of("username:format", "password:too-short", "roles:role",
                "roles:token-only")), fields.toString());
        assertTrue(e.errors().stream().filter(f -> f.code().equals("too-short")).findFirst().orElseThrow()
                .message().en().contains("at least 12"));
        assertEquals(0, users.list(CENTRAL, PageRequest.of(null, null)).items().size());
    }

    @Test
    void provinceRules() {
        assertEquals("unknown", fieldCodeOf(() -> users.create(CENTRAL, new NewUser("x-officer", GOOD,
                List.of("province-officer"), "99"))));
        assertEquals("required", fieldCodeOf(() -> users.create(CENTRAL, new NewUser("x-officer", GOOD,
                List.of("province-officer"), null))));
        assertEquals("not-allowed", fieldCodeOf(() -> users.create(CENTRAL, new NewUser("x-auditor", GOOD,
                List.of("auditor"), "50"))));
        assertEquals("contains-username", fieldCodeOf(() -> users.create(CENTRAL, new NewUser("somchai",
                "my name is somchai!", List.of("auditor"), null))));
        assertEquals("too-common", fieldCodeOf(() -> users.create(CENTRAL, new NewUser("x-auditor", "password1234",
                List.of("auditor"), null))));
    }

    @Test
    void aDuplicateUsernameIsAConflict() {
        users.create(CENTRAL, new NewUser("somchai", GOOD, List.of("auditor"), null));
        assertEquals(409, assertThrows(ProblemException.class,
                () -> users.create(CENTRAL, new NewUser("somchai", GOOD, List.of("auditor"), null))).status());
    }

    @Test
    void aProvinceAdminManagesOnlyOfficersOfTheirOwnProvince() {
        users.create(CM_ADMIN, new NewUser("cm-officer", GOOD, List.of("province-officer"), "50"));
        assertEquals(403, statusOf(() -> users.create(CM_ADMIN,
                new NewUser("boss", GOOD, List.of("central-admin"), null))));
        assertEquals(403, statusOf(() -> users.create(CM_ADMIN,
                new NewUser("cm-admin2", GOOD, List.of("province-admin"), "50"))));
        assertEquals(403, statusOf(() -> users.create(CM_ADMIN,
                new NewUser("kk-officer", GOOD, List.of("province-officer"), "40"))));

        users.create(CENTRAL, new NewUser("kk-officer", GOOD, List.of("province-officer"), "40"));
        assertEquals(404, statusOf(() -> users.get(CM_ADMIN, "kk-officer")), "another province's user is not found");
        assertEquals(List.of("cm-officer"), users.list(CM_ADMIN, PageRequest.of(null, null)).items().stream()
                .map(UserView::username).toList());
        Caller officer = users.authenticate("cm-officer", GOOD.toCharArray());
        assertEquals(403, statusOf(() -> users.list(officer, PageRequest.of(null, null))));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountFromThatAddressOnly() {
        users.create(CENTRAL, new NewUser("somchai", GOOD, List.of("auditor"), null));
        for (int i = 0; i < 4; i++) {
            assertEquals("invalid-credentials", codeOf(() -> users.authenticate("somchai", "wrong".toCharArray(), ATTACKER)));
        }
        assertEquals("account-locked", codeOf(() -> users.authenticate("somchai", "wrong".toCharArray(), ATTACKER)));
        assertEquals("account-locked", codeOf(() -> users.authenticate("somchai", GOOD.toCharArray(), ATTACKER)),
                "even the right password waits, from that address");
        assertTrue(users.get(CENTRAL, "somchai").locked());
        assertEquals("somchai", users.authenticate("somchai", GOOD.toCharArray(), "198.51.100.7").name(),
                "the owner logs in from elsewhere");
        assertEquals("somchai", users.authenticate("somchai", GOOD.toCharArray()).name(), "and on the host's shell");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertEquals("somchai", users.authenticate("somchai", GOOD.toCharArray(), ATTACKER).name());
    }

    @Test
    void eachLockOfTheSameAddressLastsTwiceAsLongUpToTheLockTime() {
        users.create(CENTRAL, new NewUser("admin2", GOOD, List.of("auditor"), null));
        List<Long> lockSeconds = new java.util.ArrayList<>();
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 5; i++) {
                codeOf(() -> users.authenticate("admin2", "wrong".toCharArray(), ATTACKER));
            }
            long waited = 0;
            while ("account-locked".equals(codeOf(() -> users.authenticate("admin2", "wrong".toCharArray(), ATTACKER)))) {
                clock.advance(Duration.ofSeconds(30));
                waited += 30;
            }
            lockSeconds.add(waited);
            // the probe that found the lock over was a wrong password too: the next round starts one in
        }
        assertEquals(List.of(60L, 120L, 240L, 480L, 900L, 900L), lockSeconds);
    }

    @Test
    void anUnknownUserIsAnsweredExactlyLikeAKnownOne() {
        users.create(CENTRAL, new NewUser("somchai", GOOD, List.of("auditor"), null));
        List<String> known = new java.util.ArrayList<>();
        List<String> unknown = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            known.add(codeOf(() -> users.authenticate("somchai", "wrong".toCharArray(), ATTACKER)));
            unknown.add(codeOf(() -> users.authenticate("nobody-here", "wrong".toCharArray(), ATTACKER)));
        }
        assertEquals(known, unknown);
        assertEquals("account-locked", unknown.get(6));
    }

    @Test
    void aProvinceAdminNeitherReadsNorChangesANationalAccount() {
        users.create(CENTRAL, new NewUser("national-auditor", GOOD, List.of("auditor"), null));
        long version = users.get(CENTRAL, "national-auditor").version();
        assertEquals(404, statusOf(() -> users.get(CM_ADMIN, "national-auditor")));
        assertEquals(404, statusOf(() -> users.update(CM_ADMIN, "national-auditor",
                new UserChange(null, null, null, false, null), version)));
        assertEquals(404, statusOf(() -> users.get(CM_ADMIN, "admin-that-does-not-exist")));
        assertTrue(users.get(CENTRAL, "national-auditor").enabled());
    }

    @Test
    void oneAccountLogsInFromManyRequestsAtOnceAndLoginsLeaveItsVersionAlone() throws Exception {
        long version = users.create(CENTRAL, new NewUser("somchai", GOOD, List.of("auditor"), null)).version();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> logins = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                logins.add(pool.submit(() -> users.authenticate("somchai", GOOD.toCharArray()).name()));
            }
            for (var login : logins) {
                assertEquals("somchai", login.get(), "no login fails because another one wrote the account");
            }
            assertEquals(version, users.get(CENTRAL, "somchai").version(), "an admin's If-Match stays valid");
            List<java.util.concurrent.Future<String>> wrong = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                wrong.add(pool.submit(() -> codeOf(() -> users.authenticate("somchai", "wrong".toCharArray()))));
            }
            for (var attempt : wrong) {
                assertTrue(List.of("invalid-credentials", "account-locked").contains(attempt.get()), attempt.get());
            }
            assertTrue(users.get(CENTRAL, "somchai").locked(), "eight wrong passwords at once still lock it");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAdminLiftsALockAndDisablesAccounts() {
        UserView v = users.create(CENTRAL, new NewUser("somchai", GOOD, List.of("auditor"), null));
        for (int i = 0; i < 5; i++) {
            assertThrows(ProblemException.class, () -> users.authenticate("somchai", "wrong".toCharArray()));
        }
        long version = users.get(CENTRAL, "somchai").version();
        users.update(CENTRAL, "somchai", new UserChange(null, null, null, null, false), version);
        assertEquals("somchai", users.authenticate("somchai", GOOD.toCharArray()).name());

        long v2 = users.get(CENTRAL, "somchai").version();
        users.update(CENTRAL, "somchai", new UserChange(null, null, null, false, null), v2);
        assertEquals("account-disabled", codeOf(() -> users.authenticate("somchai", GOOD.toCharArray())));
        assertTrue(v.version() < users.get(CENTRAL, "somchai").version());
    }

    @Test
    void aStaleVersionIs412AndChangesNothing() {
        UserView v = users.create(CENTRAL, new NewUser("somchai", GOOD, List.of("auditor"), null));
        users.update(CENTRAL, "somchai", new UserChange(null, null, null, false, null), v.version());
        assertEquals(412, statusOf(() -> users.update(CENTRAL, "somchai",
                new UserChange(null, null, null, true, null), v.version())));
        assertFalse(users.get(CENTRAL, "somchai").enabled());
    }

    @Test
    void anyoneMayChangeTheirOwnPasswordButNotTheirRoles() {
        users.create(CENTRAL, new NewUser("somchai", GOOD, List.of("province-officer"), "50"));
        Caller me = users.authenticate("somchai", GOOD.toCharArray());
        long version = users.get(CENTRAL, "somchai").version();
        users.update(me, "somchai", new UserChange("a new long passphrase", null, null, null, null), version);
        assertEquals("somchai", users.authenticate("somchai", "a new long passphrase".toCharArray()).name());
        long v2 = users.get(CENTRAL, "somchai").version();
        assertEquals(403, statusOf(() -> users.update(me, "somchai",
                new UserChange(null, List.of("province-admin"), null, null, null), v2)));
    }

    @Test
    void everyChangeIsAuditedWithoutAnyPassword() {
        UserView v = users.create(CENTRAL, new NewUser("somchai", GOOD, List.of("province-officer"), "50"));
        users.update(CENTRAL, "somchai", new UserChange("another long phrase", null, null, false, null), v.version());
        TestAudit.seal(db, audit);
        List<AuditEntry> rows = db.txExpr(em -> em.createQuery(
                "SELECT e FROM AuditEntryEntity e ORDER BY e.seq", AuditEntryEntity.class).getResultList()
                .stream().map(AuditEntryEntity::toEntry).toList());
        assertEquals(2, rows.size());
        assertEquals("user.create", rows.get(0).action());
        assertEquals("somchai", rows.get(0).entityId());
        assertEquals("user.update", rows.get(1).action());
        assertTrue(rows.get(1).before().contains("\"enabled\":true"), rows.get(1).before());
        assertTrue(rows.get(1).after().contains("\"passwordChanged\":true"), rows.get(1).after());
        for (AuditEntry row : rows) {
            assertFalse(row.toString().contains(GOOD));
            assertFalse(row.toString().contains("another long phrase"));
            assertFalse(row.toString().contains("argon2"));
        }
    }

    @Test
    void unknownUsersAndWrongPasswordsLookAlike() {
        users.create(CENTRAL, new NewUser("somchai", GOOD, List.of("auditor"), null));
        assertEquals("invalid-credentials", codeOf(() -> users.authenticate("nobody", GOOD.toCharArray())));
        assertEquals("invalid-credentials", codeOf(() -> users.authenticate("somchai", "nope".toCharArray())));
        assertNull(users.get(CENTRAL, "somchai").lastLoginAt());
    }

    @Test
    void listsPageByUsername() {
        for (String name : List.of("aaa", "bbb", "ccc")) {
            users.create(CENTRAL, new NewUser(name, GOOD, List.of("auditor"), null));
        }
        var first = users.list(CENTRAL, PageRequest.of(2, null));
        assertEquals(List.of("aaa", "bbb"), first.items().stream().map(UserView::username).toList());
        var second = users.list(CENTRAL, PageRequest.of(2, first.nextCursor()));
        assertEquals(List.of("ccc"), second.items().stream().map(UserView::username).toList());
        assertNull(second.nextCursor());
    }

    private static String codeOf(Runnable r) {
        return assertThrows(ProblemException.class, r::run).code();
    }

    private static String fieldCodeOf(Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        assertEquals(422, e.status());
        return e.errors().get(0).code();
    }

    private static int statusOf(Runnable r) {
        return assertThrows(ProblemException.class, r::run).status();
    }

    static SecurityConfig config(int maxFailed, int lockMinutes) {
        return new SecurityConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SecurityConfig.class;
            }

            @Override
            public int maxFailedLogins() {
                return maxFailed;
            }

            @Override
            public int lockMinutes() {
                return lockMinutes;
            }
        };
    }
}
