package org.apom.security.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.apom.persistence.testing.TestDatabase;
import org.apom.security.api.Caller;
import org.apom.security.internal.audit.TestAudit;
import org.apom.security.internal.users.JpaUserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A guarded file changed behind central IT's back is found at the next start, until central IT accepts it. */
class FileDigestsTest {

    private static final Caller START = Caller.system("platform-start");

    @TempDir
    Path etc;
    private TestDatabase db;
    private FileDigests digests;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase("apom-security-test", "META-INF/test-persistence.xml", JpaUserDirectory.CHANGELOG);
        var pending = TestAudit.pending();
        digests = new FileDigests(db, TestAudit.trail(db, pending), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void aChangedFileIsReportedAtEveryStartUntilItIsAccepted() throws Exception {
        Path datasource = Files.writeString(etc.resolve("org.ops4j.datasource-apom.cfg"), "url = jdbc:derby:apom\n");
        Path extensions = etc.resolve("org.apom.extensions.cfg");
        List<Path> files = List.of(datasource, extensions);
        assertEquals(List.of(), digests.check(files, START), "the first start accepts what it finds");

        Files.writeString(datasource, "url = jdbc:postgresql://elsewhere/apom\n");
        Files.writeString(extensions, "developmentMode = true\n");
        List<FileDigests.Change> changes = digests.check(files, START);
        assertEquals(List.of(datasource.toString(), extensions.toString()),
                changes.stream().map(FileDigests.Change::path).toList());
        assertEquals(FileDigests.ABSENT, changes.get(1).accepted(), "a file that appears is a change too");
        assertEquals(2, digests.check(files, START).size(), "still changed at the next start");

        assertEquals(2, digests.accept(files, Caller.system("karaf-shell:admin")).size());
        assertEquals(List.of(), digests.check(files, START));
        Files.delete(extensions);
        assertTrue(digests.check(files, START).get(0).found().equals(FileDigests.ABSENT), "removing one is a change");
        digests.accept(files, Caller.system("karaf-shell:admin"));

        // taking a file off the list (to change it unseen) is itself a change, until accepted
        List<FileDigests.Change> shortened = digests.check(List.of(datasource), START);
        assertEquals(List.of(extensions.toString()), shortened.stream().map(FileDigests.Change::path).toList());
        assertEquals(FileDigests.UNLISTED, shortened.get(0).found());
        digests.accept(List.of(datasource), Caller.system("karaf-shell:admin"));
        assertEquals(List.of(), digests.check(List.of(datasource), START));
    }

    @Test
    void theTrustStoreIsGuardedWhenOneIsConfigured() {
        List<Path> files = GuardedFiles.files(etc, new String[] {"a.cfg", " "}, "/opt/keys/trust.p12");
        assertEquals(List.of(etc.resolve("org.apom.security.files.cfg"), etc.resolve("a.cfg"),
                Path.of("/opt/keys/trust.p12")), files, "the list's own file always, and the trust store");
    }
}
