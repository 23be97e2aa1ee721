package org.apom.security.internal.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apom.security.internal.audit.TestAudit;
import org.apom.core.api.PageRequest;
import org.apom.persistence.testing.TestDatabase;
import org.apom.security.api.Caller;
import org.apom.security.api.Role;
import org.apom.security.api.UserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceRegistration;

class AdminBootstrapTest {

    /** Long enough, but the rules refuse it: it contains the username. */
    private static final String REFUSED = "my admin passphrase";

    private TestDatabase db;
    private JpaUserDirectory users;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase("apom-security-test", "META-INF/test-persistence.xml",
                JpaUserDirectory.CHANGELOG);
        users = new JpaUserDirectory(db, new UserRules(p -> true), TestAudit.pending(), JpaUserDirectoryTest.config(5, 15),
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void theFirstStartCreatesACentralAdminWithAGeneratedPasswordOnlyItsOwnerCanRead(@TempDir Path etc)
            throws Exception {
        assertTrue(AdminBootstrap.ensureAdmin(users, etc, null).created());
        Path file = etc.resolve(AdminBootstrap.PASSWORD_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Caller admin = users.authenticate("admin", Files.readString(file).strip().toCharArray());
        assertTrue(admin.has(Role.CENTRAL_ADMIN));

        AdminBootstrap.Result again = AdminBootstrap.ensureAdmin(users, etc, null);
        assertFalse(again.created(), "only at the first start");
        assertTrue(again.adminExists());
        assertEquals(1, users.list(Caller.system("t"), PageRequest.of(null, null)).items().size());
    }

    @Test
    void aChosenPasswordIsUsedAndNoFileIsWritten(@TempDir Path etc) {
        assertTrue(AdminPasswordCheck.refusal("correct horse battery").isEmpty(), "the launcher lets it through");
        assertTrue(AdminBootstrap.ensureAdmin(users, etc, "correct horse battery").created());
        assertFalse(Files.exists(etc.resolve(AdminBootstrap.PASSWORD_FILE)));
        assertEquals("admin", users.authenticate("admin", "correct horse battery".toCharArray()).name());
    }

    @Test
    void aWeakChosenPasswordCreatesNoAdmin(@TempDir Path etc) {
        AdminBootstrap.Result result = AdminBootstrap.ensureAdmin(users, etc, "short");
        assertFalse(result.adminExists());
        assertFalse(result.created());
        assertTrue(users.list(Caller.system("t"), PageRequest.of(null, null)).items().isEmpty());
    }

    @Test
    void aRefusedChosenPasswordSaysWhichRuleItBreaksButNeverThePassword(@TempDir Path etc) {
        assertTrue(AdminPasswordCheck.refusal(REFUSED).orElseThrow()
                .contains("A password must not contain the username."), "the launcher refuses it before starting");
        AdminBootstrap.Result result = AdminBootstrap.ensureAdmin(users, etc, REFUSED);
        assertEquals("no central admin: APOM_ADMIN_PASSWORD was refused: A password must not contain the username.",
                result.noAdmin());
        assertFalse(Files.exists(etc.resolve(AdminBootstrap.PASSWORD_FILE)));
    }

    @Test
    void aRefusedPasswordLeavesNoMarkButTheReasonSoHealthStaysDown(@TempDir Path etc) throws Exception {
        RecordedOutcome outcome = new RecordedOutcome();
        FirstStartAdmin firstStart = new FirstStartAdmin(users, etc, REFUSED, outcome);
        try {
            assertTrue(outcome.told.await(20, TimeUnit.SECONDS));
            assertEquals(0, outcome.marks.get(), "no mark: AccountsReady would let health say UP");
            assertEquals(List.of("no central admin: APOM_ADMIN_PASSWORD was refused: "
                    + "A password must not contain the username."), outcome.reasons);
        } finally {
            firstStart.deactivate();
        }
        assertTrue(users.list(Caller.system("t"), PageRequest.of(null, null)).items().isEmpty());
    }

    @Test
    void anAdminFoundAtALaterStartLeavesTheMarkWhateverThePassword(@TempDir Path etc) throws Exception {
        assertTrue(AdminBootstrap.ensureAdmin(users, etc, "correct horse battery").created());
        RecordedOutcome outcome = new RecordedOutcome();
        // only a first start uses the variable; a later one with a refused value still has its admin
        FirstStartAdmin firstStart = new FirstStartAdmin(users, etc, REFUSED, outcome);
        try {
            assertTrue(outcome.told.await(20, TimeUnit.SECONDS));
            assertEquals(1, outcome.marks.get());
            assertTrue(outcome.reasons.isEmpty());
        } finally {
            firstStart.deactivate();
        }
    }

    /** What {@link FirstStartAdmin} told: marks that an admin exists, and reasons why none does. */
    private static final class RecordedOutcome implements FirstStartAdmin.Outcome {

        final CountDownLatch told = new CountDownLatch(1);
        final AtomicInteger marks = new AtomicInteger();
        final List<String> reasons = new CopyOnWriteArrayList<>();

        @Override
        public ServiceRegistration<?> adminExists() {
            marks.incrementAndGet();
            told.countDown();
            return null;
        }

        @Override
        public ServiceRegistration<?> noAdmin(String reason) {
            reasons.add(reason);
            told.countDown();
            return null;
        }
    }

    @Test
    void aFirstStartThatFailsForAMomentTriesAgainAndLeavesNoStalePasswordFile(@TempDir Path etc) throws Exception {
        AtomicInteger creates = new AtomicInteger();
        UserDirectory flaky = (UserDirectory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {UserDirectory.class}, (proxy, method, args) -> {
                    if (method.getName().equals("create") && creates.incrementAndGet() == 1) {
                        throw new IllegalStateException("No javax.transaction.TransactionManager service");
                    }
                    try {
                        return method.invoke(users, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        assertThrows(IllegalStateException.class, () -> AdminBootstrap.ensureAdmin(flaky, etc, null));
        assertFalse(Files.exists(etc.resolve(AdminBootstrap.PASSWORD_FILE)), "no file naming an unstored password");

        creates.set(0);
        RecordedOutcome outcome = new RecordedOutcome();
        FirstStartAdmin firstStart = new FirstStartAdmin(flaky, etc, null, outcome);
        try {
            Path file = etc.resolve(AdminBootstrap.PASSWORD_FILE);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (users.list(Caller.system("t"), PageRequest.of(null, null)).items().isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(2, creates.get(), "created at the second attempt");
            assertTrue(outcome.told.await(5, TimeUnit.SECONDS));
            assertEquals(1, outcome.marks.get(), "health may say UP from now on");
            assertEquals("admin", users.authenticate("admin", Files.readString(file).strip().toCharArray()).name());
        } finally {
            firstStart.deactivate();
        }
    }
}
