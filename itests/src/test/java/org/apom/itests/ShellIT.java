package org.apom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.TestJars;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code apom:} commands as central IT uses them: tables and their {@code --no-format} lines, completion
 * from the platform's data, refusals that fail the command, and through {@code bin/client} over ssh, as a
 * script runs them, the exit status and an audit trail that names the ssh user.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellIT extends ApomContainerTest {

    private static final String PASSWORD = "a long enough passphrase";
    private static final String SOMCHAI = "{\"nationalId\": \"3-1006-00445-63-5\", \"title\": \"นาย\", "
            + "\"firstName\": \"สมชาย\", \"lastName\": \"ใจดี\", \"birthDate\": \"15/3/2510\", \"gender\": \"ชาย\", "
            + "\"subdistrictCode\": \"500101\"}";

    @Inject
    private SessionFactory shell;
    @Inject
    private BundleContext context;

    @Test
    public void centralItManagesExtensionsFromTheShell() throws Exception {
        String name = "org.apom.ext.p90.shell";
        Path jar = Files.createTempFile("ext", ".jar");
        Files.write(jar, TestJars.extension(name, "2.0.0", "90"));
        try (Shell session = new Shell()) {
            session.run("apom:ext-install " + jar);
            Files.write(jar, TestJars.extension(name, "2.1.0", "90"));
            session.run("apom:ext-update " + name + " " + jar);
            session.run("apom:ext-rollback " + name);
            String formatted = session.run("apom:ext-list");
            assertTrue(formatted, formatted.startsWith("DEVELOPMENT MODE"));
            assertTrue(formatted, formatted.matches("(?s).*Extension\\s+[│|] Province\\s+[│|] Version .*"));
            List<String> row = session.row("apom:ext-list --no-format", name);
            assertEquals(row.toString(), List.of(name, "90", "2.0.0", "2.1.0", "ACTIVE", "development"),
                    row.subList(0, 6));
            assertFalse("no header, no warning without format",
                    session.run("apom:ext-list --no-format").contains("DEVELOPMENT MODE"));
            assertEquals(List.of(name), session.complete("apom:ext-uninstall", "org.apom.ext.p90."));

            assertEquals("Refused (not-found): There is no such extension.",
                    session.refused("apom:ext-rollback org.apom.ext.none"));
            assertEquals("No such file: /no/such.jar", session.refused("apom:ext-install /no/such.jar"));

            // the bundle updated by hand (as bundle:update would): the next change puts the recorded jar back first,
            // and says so
            bundleAt(name).update(new ByteArrayInputStream(TestJars.extension(name, "9.0.0", "90")));
            assertEquals("9.0.0", bundleAt(name).getVersion().toString());
            Files.write(jar, TestJars.extension(name, "2.1.0", "90"));
            session.run("apom:ext-update " + name + " " + jar);
            assertEquals("2.1.0", bundleAt(name).getVersion().toString());
            List<String> repaired = null;
            for (String line : session.run("apom:ext-list --reconciled --no-format").split("\r?\n")) {
                List<String> cells = Arrays.asList(line.split("\\s*\t\\s*"));
                if (cells.size() > 1 && cells.get(1).equals(name)) {
                    repaired = cells;
                }
            }
            assertEquals(String.valueOf(repaired), List.of(name, "90", "versions-differ", "9.0.0", "2.0.0", "replaced"),
                    repaired.subList(1, 7));
            assertTrue(session.run("apom:ext-list").contains("apom:ext-list --reconciled"));

            assertTrue(session.run("apom:ext-uninstall " + name).contains("Uninstalled " + name));
            assertFalse(session.run("apom:ext-list --no-format").contains(name));
            assertFalse(asAdmin().get("/extensions").json().get("items").toString().contains(name));
            assertEquals(List.of(), session.complete("apom:ext-uninstall", "org.apom.ext.p90."));
        }
    }

    @Test
    public void accountsTokensAndImportsAreTablesAndNeverShowASecret() throws Exception {
        asAdmin().post("/users", "{\"username\": \"shell-officer\", \"password\": \"" + PASSWORD
                + "\", \"roles\": [\"province-officer\"], \"province\": \"50\"}");
        JsonNode token = asAdmin().post("/tokens", "{\"name\": \"shell app\", \"scopes\": [\"volunteers:read\"], "
                + "\"expiresOn\": \"" + LocalDate.now().plusDays(10) + "\"}").json();
        String secret = token.get("secret").asText();
        try (Shell session = new Shell()) {
            assertEquals(List.of("shell-officer", "province-officer", "50", "true", "false"),
                    session.row("apom:users --no-format", "shell-officer").subList(0, 5));
            assertTrue(session.run("apom:users").matches("(?s)Username\\s+[│|] Roles .*\\badmin\\b.*"));
            List<String> tokenRow = session.row("apom:tokens --no-format", token.get("id").asText());
            assertEquals(List.of("shell app", "volunteers:read", "-", LocalDate.now().plusDays(10).toString(), "admin"),
                    tokenRow.subList(1, 6));
            assertFalse("a token's secret is never printed",
                    session.run("apom:tokens").contains(secret) || session.run("apom:tokens --no-format").contains(secret));

            String file = Path.of(System.getProperty(FILES_PROPERTY), "utf8-bom-crlf.csv").toString();
            String progress = session.run("apom:import --dry-run " + file);
            assertTrue(progress, progress.contains("5/5 rows, 2 in, 3 rejected DONE (dry run: nothing written)"));
            assertTrue(progress, progress.contains("Unknown columns (ignored): หมายเหตุ"));
            assertTrue(progress, progress.matches("(?s).*\\b6\\s+[│|] national_id\\s+[│|] duplicate\\b.*"));
            assertEquals(0, asAdmin().get("/volunteers?q=3100600000021").json().get("items").size());
            assertEquals("No such file: /no/such/file.csv", session.refused("apom:import /no/such/file.csv"));
            assertTrue(session.refused("apom:import --province 5x " + file).startsWith("Refused (invalid-parameter)"));

            List<String> latest = Arrays.asList(session.run("apom:imports --no-format --limit 1").strip()
                    .split("\\s*\t\\s*"));
            assertEquals(latest.toString(), List.of("DONE", "5", "5", "2", "3", "dry-run", "karaf-shell"),
                    latest.subList(2, 9));
            String id = latest.get(0);
            assertTrue(session.complete("apom:imports", "").contains(id));
            String shown = session.run("apom:imports --no-format " + id);
            assertTrue(shown, shown.matches("(?s).*\n6\\s*\tnational_id\\s*\tduplicate\\s*\t.*"));
            assertEquals("Refused (not-found): There is no such import.", session.refused("apom:imports nope"));

            List<String> provinces = session.complete("apom:data-quality", "");
            assertEquals(provinces.toString(), 77, provinces.size());
            assertTrue(provinces.containsAll(List.of("10", "40", "50", "96")));
            assertEquals(List.of("Chiang Mai"), session.describe("apom:data-quality", "50"));
            assertEquals(201, asAdmin().post("/volunteers", SOMCHAI).status());
            assertEquals(List.of("50", "1", "1", "0"),
                    session.row("apom:data-quality --no-format 50", "50").subList(0, 4));
            assertTrue(session.refused("apom:data-quality 5x").startsWith("Refused (invalid-parameter)"));
        }
    }

    @Test
    public void aScriptThroughBinClientKnowsARefusalAndTheAuditTrailNamesTheSshUser() throws Exception {
        String name = "org.apom.ext.p90.scripted";
        assertEquals(201, asAdmin().sendBytes("POST", "/extensions", "application/java-archive",
                TestJars.extension(name, "1.0.0", "90")).status());

        Client done = client("apom:ext-uninstall " + name);
        assertEquals(done.output, 0, done.exitStatus);
        assertTrue(done.output, done.output.contains("Uninstalled " + name + "."));
        Client refused = client("apom:ext-uninstall " + name);
        assertNotEquals(refused.output, 0, refused.exitStatus);
        assertTrue(refused.output, refused.output.contains("Refused (not-found): There is no such extension."));
        Client listed = client("apom:users --no-format");
        assertEquals(listed.output, 0, listed.exitStatus);
        assertTrue(listed.output, Pattern.compile("(?m)^admin\\s*\tcentral-admin\\s*\t").matcher(listed.output).find());

        awaitAuditSealed();
        JsonNode audit = asAdmin().get("/audit?entity=extension&id=" + name).json().get("items");
        JsonNode uninstalled = null;
        for (JsonNode entry : audit) {
            if (entry.get("action").asText().equals("extension.uninstall")) {
                uninstalled = entry;
            }
        }
        assertNotNull(audit.toString(), uninstalled);
        assertEquals("the ssh user, not an anonymous shell", "karaf-shell:admin", uninstalled.get("actor").asText());
    }

    /** A shell session of this container's, without an ssh login (its commands are audited as karaf-shell). */
    private final class Shell implements AutoCloseable {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Session session = shell.create(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));

        /** What the command printed; fails the test if the command failed. */
        String run(String command) throws Exception {
            out.reset();
            session.execute(command);
            return out.toString(StandardCharsets.UTF_8);
        }

        /** The one-line message of the command's failure; fails the test if the command succeeded. */
        String refused(String command) {
            out.reset();
            try {
                session.execute(command);
            } catch (Exception e) {
                assertEquals(e.toString(), "CommandException", e.getClass().getSimpleName());
                return e.getMessage();
            }
            fail(command + " succeeded: " + out.toString(StandardCharsets.UTF_8));
            return null;
        }

        /** The cells of the {@code --no-format} line whose first cell is the key. */
        List<String> row(String command, String key) throws Exception {
            String printed = run(command);
            for (String line : printed.split("\r?\n")) {
                List<String> cells = Arrays.asList(line.split("\\s*\t\\s*"));
                if (cells.get(0).equals(key)) {
                    return cells;
                }
            }
            throw new AssertionError("no line for " + key + " in:\n" + printed);
        }

        /** The values Karaf offers for the command's first argument, as typed so far, that start with it. */
        List<String> complete(String command, String typed) {
            List<String> values = new ArrayList<>();
            for (Candidate c : candidates(command, typed)) {
                if (c.value().startsWith(typed)) {
                    values.add(c.value());
                }
            }
            return values;
        }

        /** The descriptions of the values offered that are exactly the one typed. */
        List<String> describe(String command, String typed) {
            List<String> descriptions = new ArrayList<>();
            for (Candidate c : candidates(command, typed)) {
                if (c.value().equals(typed)) {
                    descriptions.add(c.descr().replaceAll(" \\(.*", ""));
                }
            }
            return descriptions;
        }

        // the completer Karaf's console asks on TAB: the command's own, with its @Completion of each argument
        private List<Candidate> candidates(String command, String typed) {
            Command found = null;
            for (Command c : shell.getRegistry().getCommands()) {
                if ((c.getScope() + ":" + c.getName()).equals(command)) {
                    found = c;
                }
            }
            assertNotNull(command, found);
            String buffer = command + " " + typed;
            CommandLine line = new CommandLine() {
                @Override
                public int getCursorArgumentIndex() {
                    return 1;
                }

                @Override
                public String getCursorArgument() {
                    return typed;
                }

                @Override
                public int getArgumentPosition() {
                    return typed.length();
                }

                @Override
                public String[] getArguments() {
                    return new String[] {command, typed};
                }

                @Override
                public int getBufferPosition() {
                    return buffer.length();
                }

                @Override
                public String getBuffer() {
                    return buffer;
                }
            };
            List<Candidate> candidates = new ArrayList<>();
            found.getCompleter(true).completeCandidates(session, line, candidates);
            return candidates;
        }

        @Override
        public void close() {
            session.close();
        }
    }

    private Bundle bundleAt(String name) {
        for (Bundle b : context.getBundles()) {
            if (b.getLocation().startsWith("apom-extension:") && b.getLocation().endsWith("/" + name)) {
                return b;
            }
        }
        throw new AssertionError(name + " has no bundle");
    }

    /** What {@code bin/client} printed and its exit status. */
    private record Client(int exitStatus, String output) {
    }

    /** Runs one command as a script would: {@code bin/client} logs in over ssh as the first admin. */
    private Client client(String command) throws Exception {
        Path home = Path.of(System.getProperty("karaf.home"));
        Properties shellConfig = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("karaf.etc"),
                "org.apache.karaf.shell.cfg"))) {
            shellConfig.load(in);
        }
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", home.resolve("bin/client").toString(), "-r", "30",
                "-a", shellConfig.getProperty("sshPort"), "-u", "admin", "-p",
                Files.readString(adminPasswordFile()).strip(), command).directory(home.toFile()).redirectErrorStream(true)
                // as docs/stack.md trap 47 tells scripts: the client cuts the command off when its input ends
                .redirectInput(new File("/dev/zero"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        byte[] printed = process.getInputStream().readAllBytes();
        assertTrue("bin/client did not exit", process.waitFor(2, TimeUnit.MINUTES));
        return new Client(process.exitValue(), new String(printed, StandardCharsets.UTF_8));
    }
}
