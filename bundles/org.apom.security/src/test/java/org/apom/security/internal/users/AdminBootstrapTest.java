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

class AdminBootstrapTest {

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
        assertTrue(AdminBootstrap.ensureAdmin(users, etc, null));
        Path file = etc.resolve(AdminBootstrap.PASSWORD_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Caller admin = users.authenticate("admin", Files.readString(file).strip().toCharArray());
        assertTrue(admin.has(Role.CENTRAL_ADMIN));

        assertFalse(AdminBootstrap.ensureAdmin(users, etc, null), "only at the first start");
        assertEquals(1, users.list(Caller.system("t"), PageRequest.of(null, null)).items().size());
    }

    @Test
    void aChosenPasswordIsUsedAndNoFileIsWritten(@TempDir Path etc) {
        assertTrue(AdminBootstrap.ensureAdmin(users, etc, "correct horse battery"));
        assertFalse(Files.exists(etc.resolve(AdminBootstrap.PASSWORD_FILE)));
        assertEquals("admin", users.authenticate("admin", "correct horse battery".toCharArray()).name());
    }

    @Test
    void aWeakChosenPasswordCreatesNoAdmin(@TempDir Path etc) {
        assertFalse(AdminBootstrap.ensureAdmin(users, etc, "short"));
        assertTrue(users.list(Caller.system("t"), PageRequest.of(null, null)).items().isEmpty());
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
        java.util.concurrent.CountDownLatch marked = new java.util.concurrent.CountDownLatch(1);
        FirstStartAdmin firstStart = new FirstStartAdmin(flaky, etc, null, () -> {
            marked.countDown();
            return null;
        });
        try {
            Path file = etc.resolve(AdminBootstrap.PASSWORD_FILE);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (users.list(Caller.system("t"), PageRequest.of(null, null)).items().isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(2, creates.get(), "created at the second attempt");
            assertTrue(marked.await(5, java.util.concurrent.TimeUnit.SECONDS), "health may say UP from now on");
            assertEquals("admin", users.authenticate("admin", Files.readString(file).strip().toCharArray()).name());
        } finally {
            firstStart.deactivate();
        }
    }
}
