package org.apom.security.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.aries.jpa.template.TransactionType;
import org.apom.persistence.testing.TestDatabase;
import org.apom.security.api.Caller;
import org.apom.security.internal.audit.TestAudit;
import org.apom.security.internal.jpa.FileDigestEntity;
import org.apom.security.internal.users.JpaUserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A guarded file changed behind central IT's back is found at the next start, until central IT accepts it. */
class FileDigestsTest {

    private static final Caller START = Caller.system("platform-start");

    @TempDir
    Path home;
    private Path etc;
    private TestDatabase db;
    private FileDigests digests;

    @BeforeEach
    void setUp() throws Exception {
        etc = Files.createDirectories(home.resolve("etc"));
        db = new TestDatabase("apom-security-test", "META-INF/test-persistence.xml", JpaUserDirectory.CHANGELOG);
        digests = digestsAt(home);
    }

    private FileDigests digestsAt(Path karafHome) {
        return new FileDigests(db, TestAudit.trail(db, TestAudit.pending()), Clock.systemUTC(), karafHome);
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
        assertEquals(List.of("etc/org.ops4j.datasource-apom.cfg", "etc/org.apom.extensions.cfg"),
                changes.stream().map(FileDigests.Change::path).toList(), "known by their names within the home");
        assertEquals(FileDigests.ABSENT, changes.get(1).accepted(), "a file that appears is a change too");
        assertEquals(2, digests.check(files, START).size(), "still changed at the next start");

        assertEquals(2, digests.accept(files, Caller.system("karaf-shell:admin")).size());
        assertEquals(List.of(), digests.check(files, START));
        Files.delete(extensions);
        assertTrue(digests.check(files, START).get(0).found().equals(FileDigests.ABSENT), "removing one is a change");
        digests.accept(files, Caller.system("karaf-shell:admin"));

        // taking a file off the list (to change it unseen) is itself a change, until accepted
        List<FileDigests.Change> shortened = digests.check(List.of(datasource), START);
        assertEquals(List.of("etc/org.apom.extensions.cfg"), shortened.stream().map(FileDigests.Change::path).toList());
        assertEquals(FileDigests.UNLISTED, shortened.get(0).found());
        digests.accept(List.of(datasource), Caller.system("karaf-shell:admin"));
        assertEquals(List.of(), digests.check(List.of(datasource), START));
    }

    @Test
    void anInstallationDeepInTheFileSystemIsCheckedAndAudited() throws Exception {
        // CI once ran from a directory deep enough that absolute paths overflowed the audit's entity id
        Path deep = Files.createDirectories(home.resolve("d".repeat(60)).resolve("e".repeat(60)).resolve("etc"));
        FileDigests deepDigests = digestsAt(deep.getParent());
        Path datasource = Files.writeString(deep.resolve("org.ops4j.datasource-apom.cfg"), "url = jdbc:derby:apom\n");
        Path outside = Files.writeString(home.resolve("t".repeat(120) + ".p12"), "store");
        assertEquals(List.of(), deepDigests.check(List.of(datasource, outside), START));
        Files.writeString(outside, "another store");
        List<FileDigests.Change> changes = deepDigests.check(List.of(datasource, outside), START);
        assertEquals(List.of(outside.toString()), changes.stream().map(FileDigests.Change::path).toList(),
                "a file outside the home keeps its whole path");
        assertEquals(FileDigests.MAX_ENTITY_ID, FileDigests.entityId(outside.toString()).length());
        assertTrue(FileDigests.entityId(outside.toString()).endsWith(".p12"));
    }

    @Test
    void digestsAcceptedUnderAbsolutePathsKeepTheirAcceptance() throws Exception {
        Path datasource = Files.writeString(etc.resolve("org.ops4j.datasource-apom.cfg"), "url = jdbc:derby:apom\n");
        db.tx(TransactionType.Required, em -> em.persist(
                new FileDigestEntity(datasource.toString(),
                        FileDigests.digest(datasource), "karaf-shell:admin", Instant.now())));
        assertEquals(List.of(), digests.check(List.of(datasource), START), "the same file, renamed, unchanged");
        Files.writeString(datasource, "url = jdbc:postgresql://elsewhere/apom\n");
        List<FileDigests.Change> changes = digests.check(List.of(datasource), START);
        assertEquals(1, changes.size());
        assertEquals("karaf-shell:admin", changes.get(0).acceptedBy(), "who accepted it is kept");
    }

    @Test
    void theTrustStoreIsGuardedWhenOneIsConfigured() {
        List<Path> files = GuardedFiles.files(etc, new String[] {"a.cfg", " "}, "/opt/keys/trust.p12");
        assertEquals(List.of(etc.resolve("org.apom.security.files.cfg"), etc.resolve("a.cfg"),
                Path.of("/opt/keys/trust.p12")), files, "the list's own file always, and the trust store");
    }

    @Test
    void aListFromACfgFileIsOneCommaSeparatedString() {
        assertEquals(List.of(etc.resolve("org.apom.security.files.cfg"), etc.resolve("a.cfg"), etc.resolve("b.cfg")),
                GuardedFiles.files(etc, new String[] {"a.cfg, b.cfg,"}, ""));
    }

    @Test
    void acceptingAtStartHappensOncePerStartOfTheJvm() throws Exception {
        java.io.File marker = etc.resolve("accepted-at-start").toFile();
        assertEquals(true, GuardedFiles.firstAcceptanceOfThisStart(marker));
        assertEquals(false, GuardedFiles.firstAcceptanceOfThisStart(marker), "a restart of the component");
        Files.writeString(marker.toPath(), "12345");
        assertEquals(true, GuardedFiles.firstAcceptanceOfThisStart(marker), "the marker of an earlier JVM");
    }
}
