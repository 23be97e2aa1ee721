package org.apom.security.internal.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.persistence.testing.TestDatabase;
import org.apom.security.api.Caller;
import org.apom.security.api.ClientTransport;
import org.apom.security.api.NewUser;
import org.apom.security.api.Role;
import org.apom.security.api.UserChange;
import org.apom.security.api.UserDirectory;
import org.apom.security.api.WorkspaceSession;
import org.apom.security.internal.MutableClock;
import org.apom.security.internal.audit.TestAudit;
import org.apom.security.internal.rest.LoginGuard;
import org.apom.security.internal.rest.TransportPolicy;
import org.apom.security.internal.users.JpaUserDirectory;
import org.apom.security.internal.users.SecurityConfig;
import org.apom.security.internal.users.UserRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JpaWorkspaceSessionsTest {

    private static final String GOOD = "correct horse battery";
    private static final Caller CENTRAL = Caller.system("test");
    private static final ClientTransport LOCAL = new ClientTransport("127.0.0.1", "http", null, null);

    private TestDatabase db;
    private MutableClock clock;
    private JpaUserDirectory users;
    private JpaWorkspaceSessions sessions;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase("apom-security-test", "META-INF/test-persistence.xml", JpaUserDirectory.CHANGELOG);
        clock = new MutableClock(Instant.parse("2026-12-03T03:00:00Z"));
        users = new JpaUserDirectory(db, new UserRules(p -> !p.value().equals("99")), TestAudit.pending(),
                lockAfterFive(), clock);
        users.create(CENTRAL, new NewUser("cm-officer", GOOD, List.of("province-officer"), "50"));
        LoginGuard guard = new LoginGuard(30, 2, 1_000, new TransportPolicy(false, Set.of()), clock);
        sessions = new JpaWorkspaceSessions(db, users, guard, Duration.ofMinutes(30), Duration.ofHours(12), clock);
    }

    private static SecurityConfig lockAfterFive() {
        return new SecurityConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return SecurityConfig.class;
            }

            @Override
            public int maxFailedLogins() {
                return 5;
            }

            @Override
            public int lockMinutes() {
                return 15;
            }
        };
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void aSessionIsKnownByItsIdWhoseHashAloneIsStored() {
        WorkspaceSession opened = sessions.signIn("cm-officer", GOOD.toCharArray(), LOCAL);
        assertEquals(43, opened.id().length());
        assertNotEquals(opened.id(), opened.csrfToken());
        assertFalse(opened.secure());
        WorkspaceSession resumed = sessions.resume(opened.id()).orElseThrow();
        assertEquals("cm-officer", resumed.caller().name());
        assertEquals(ProvinceCode.of("50"), resumed.caller().province());
        assertTrue(resumed.caller().has(Role.PROVINCE_OFFICER));
        assertEquals(opened.csrfToken(), resumed.csrfToken());
        String stored = db.txExpr(em -> (String) em.createNativeQuery("SELECT id_hash FROM security_web_session")
                .getSingleResult());
        assertNotEquals(opened.id(), stored);
        assertEquals(JpaWorkspaceSessions.hash(opened.id()), stored);
        assertTrue(sessions.resume(stored).isEmpty(), "the stored hash opens nothing");
        assertTrue(sessions.resume("not-a-session").isEmpty());
        assertTrue(sessions.resume(null).isEmpty());
    }

    @Test
    void theApisRefusalsHoldForTheFormToo() {
        ProblemException wrong = assertThrows(ProblemException.class,
                () -> sessions.signIn("cm-officer", "wrong".toCharArray(), LOCAL));
        assertEquals(401, wrong.status());
        assertEquals("invalid-credentials", wrong.code());
        ProblemException elsewhere = assertThrows(ProblemException.class, () -> sessions.signIn("cm-officer",
                GOOD.toCharArray(), new ClientTransport("203.0.113.5", "http", null, null)));
        assertEquals(403, elsewhere.status());
        assertEquals("https-required", elsewhere.code());
        WorkspaceSession overHttps = sessions.signIn("cm-officer", GOOD.toCharArray(),
                new ClientTransport("203.0.113.5", "https", null, null));
        assertTrue(overHttps.secure(), "its cookie is then Secure");
        for (int i = 0; i < 4; i++) {
            assertThrows(ProblemException.class, () -> sessions.signIn("cm-officer", "wrong".toCharArray(), LOCAL));
        }
        ProblemException locked = assertThrows(ProblemException.class,
                () -> sessions.signIn("cm-officer", GOOD.toCharArray(), LOCAL));
        assertEquals("account-locked", locked.code());
    }

    @Test
    void aSessionEndsWhenIdleWhenTooOldAtSignOutAndWhenItsAccountIsDisabled() {
        WorkspaceSession idle = sessions.signIn("cm-officer", GOOD.toCharArray(), LOCAL);
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.resume(idle.id()).isPresent(), "a page within the idle time keeps it");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.resume(idle.id()).isPresent());
        clock.advance(Duration.ofMinutes(31));
        assertTrue(sessions.resume(idle.id()).isEmpty(), "31 minutes without a page end it");

        WorkspaceSession old = sessions.signIn("cm-officer", GOOD.toCharArray(), LOCAL);
        for (int i = 0; i < 26; i++) {
            clock.advance(Duration.ofMinutes(28));
            sessions.resume(old.id());
        }
        assertTrue(sessions.resume(old.id()).isEmpty(), "however active, 12 hours end it");

        WorkspaceSession out = sessions.signIn("cm-officer", GOOD.toCharArray(), LOCAL);
        sessions.signOut(out.id());
        assertTrue(sessions.resume(out.id()).isEmpty());

        WorkspaceSession disabled = sessions.signIn("cm-officer", GOOD.toCharArray(), LOCAL);
        users.update(CENTRAL, "cm-officer", new UserChange(null, null, null, false, null), -1);
        assertTrue(sessions.resume(disabled.id()).isEmpty(), "a disabled account's sessions end at its next page");
        long left = db.txExpr(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM security_web_session")
                .getSingleResult()).longValue());
        assertEquals(0, left, "ended sessions are removed");
    }

    @Test
    void aNewPasswordEndsEveryWorkspaceSessionOfTheAccountAndNoOther() {
        WorkspaceSession first = sessions.signIn("cm-officer", GOOD.toCharArray(), LOCAL);
        WorkspaceSession second = sessions.signIn("cm-officer", GOOD.toCharArray(), LOCAL);
        users.create(CENTRAL, new NewUser("kk-officer", GOOD, List.of("province-officer"), "40"));
        WorkspaceSession other = sessions.signIn("kk-officer", GOOD.toCharArray(), LOCAL);
        users.update(CENTRAL, "cm-officer", new UserChange("a-new-passphrase-for-cm", null, null, null, null), -1);
        assertTrue(sessions.resume(first.id()).isEmpty(), "a session opened with the old password ends");
        assertTrue(sessions.resume(second.id()).isEmpty());
        assertTrue(sessions.resume(other.id()).isPresent(), "another account's session is untouched");
        assertTrue(sessions.signIn("cm-officer", "a-new-passphrase-for-cm".toCharArray(), LOCAL) != null);
    }

    @Test
    void aPasswordChangedWhileTheOldOneIsCheckedOpensNoSession() {
        // the change commits between the (slow) password check and the session's row
        UserDirectory changing = (UserDirectory) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {UserDirectory.class}, (proxy, method, args) -> {
                    Object answer = method.invoke(users, args);
                    if (method.getName().equals("authenticate")) {
                        users.update(CENTRAL, "cm-officer", new UserChange("changed-meanwhile-passphrase", null, null,
                                null, null), -1);
                    }
                    return answer;
                });
        LoginGuard guard = new LoginGuard(30, 2, 1_000, new TransportPolicy(false, Set.of()), clock);
        JpaWorkspaceSessions racing = new JpaWorkspaceSessions(db, changing, guard, Duration.ofMinutes(30),
                Duration.ofHours(12), clock);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> racing.signIn("cm-officer", GOOD.toCharArray(), LOCAL));
        assertEquals(401, refused.status());
        long open = db.txExpr(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM security_web_session")
                .getSingleResult()).longValue());
        assertEquals(0, open, "no session outlives the password it was opened with");
    }
}
