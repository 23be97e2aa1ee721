package org.apom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apom.core.api.FiscalYear;
import org.apom.itests.support.Distribution;
import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;
import org.apom.itests.support.TestJars;
import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Installed extensions survive a restart of the whole platform: the distribution is unpacked and started with
 * bin/start (no Pax Exam), the samples are installed and swapped, and the platform is stopped and started twice,
 * the second time without Karaf's bundle cache (what the launcher does after a rebuild, and what a new node
 * sees): the same extensions come back in the same versions, from the database.
 */
public class ContainerRestartIT {

    private static final String PASSWORD = "restart-test-passphrase";
    private static final String JAR = "application/java-archive";
    private static final String CHIANG_MAI = "org.apom.ext.p50.chiangmai";

    private Distribution distribution;
    private Path home;
    private int port;
    /** The samples install without review, in development mode from the environment (as ./apom run sets it). */
    private boolean developmentMode = true;
    /** Variables of every start besides those above. */
    private Map<String, String> extraEnvironment = Map.of();

    /** Stops this test's platform and waits for its JVM: the next test unpacks into the same folder. */
    @After
    public void stop() throws Exception {
        if (home != null && Files.exists(home.resolve("karaf.pid"))) {
            stopAndWait();
        }
    }

    @Test
    public void theSameExtensionsInTheSameVersionsAfterARestartAndWithoutTheBundleCache() throws Exception {
        home = unpack();
        start();
        Http admin = new Http(port).as("admin", PASSWORD);
        assertEquals(201, admin.sendBytes("POST", "/extensions", JAR, sample("org.apom.ext.p40.khonkaen")).status());
        assertEquals(201, admin.sendBytes("POST", "/extensions", JAR, sample(CHIANG_MAI + ".v100")).status());
        assertEquals(200, admin.sendBytes("PUT", "/extensions/" + CHIANG_MAI, JAR, sample(CHIANG_MAI)).status());
        String before = installed(admin);
        assertTrue(before, before.contains(CHIANG_MAI + " 1.1.0 1.0.0 ACTIVE"));
        assertEquals("1.1.0", summaryVersion(admin));

        restart(false);
        assertEquals(before, installed(admin));
        assertEquals("1.1.0", summaryVersion(admin));

        restart(true);
        assertEquals("restored from the database", before, installed(admin));
        assertEquals("1.1.0", summaryVersion(admin));

        // development mode off: what was let in without review does not run again, and the list says why
        developmentMode = false;
        restart(false);
        for (JsonNode e : admin.get("/extensions").json().get("items")) {
            assertEquals(e.toString(), "MISSING", e.get("state").asText());
            assertTrue(e.toString(), e.get("lastError").asText().contains("Only reviewed extensions run"));
        }
        assertEquals(404, admin.get("/ext/50/summary").status());

        // a guarded file written while the platform was stopped (development mode, behind central IT's back):
        // health is DOWN and names it
        stopAndWait();
        Files.writeString(home.resolve("etc/org.apom.extensions.cfg"), "developmentMode = true\n");
        run("bin/start");
        JsonNode files = downFiles();
        assertTrue(files.toString(), files.get("details").get("changed").toString().contains(
                "org.apom.extensions.cfg"));
        assertTrue(files.toString(), files.get("details").get("error").asText().contains("apom:files-accept"));
    }

    /**
     * The case issue 15 met: an extension in Karaf's bundle cache whose record is in another database (the node was
     * started on another one). It used to be listed nowhere, refused as already installed, and unknown to a PUT;
     * the start now removes it, says so in the list and the audit, and it can be installed again.
     */
    @Test
    public void anExtensionTheDatabaseHasNoRecordOfIsRemovedAtStartAndCanBeInstalledAgain() throws Exception {
        home = unpack();
        start();
        Http admin = new Http(port).as("admin", PASSWORD);
        String khonKaen = "org.apom.ext.p40.khonkaen";
        assertEquals(201, admin.sendBytes("POST", "/extensions", JAR, sample(khonKaen)).status());
        stopAndWait();

        extraEnvironment = Map.of("APOM_DB_URL", "jdbc:derby:" + home.resolve("data/derby/other") + ";create=true");
        start();
        JsonNode list = admin.get("/extensions").json();
        assertEquals(list.toString(), 0, list.get("items").size());
        JsonNode repair = list.get("reconciled").get(0);
        assertEquals(repair.toString(), khonKaen, repair.get("symbolicName").asText());
        assertEquals(repair.toString(), "bundle-without-record", repair.get("disagreement").asText());
        assertEquals(repair.toString(), "uninstalled", repair.get("outcome").asText());
        assertEquals(201, admin.sendBytes("POST", "/extensions", JAR, sample(khonKaen)).status());
        assertTrue(installed(admin), installed(admin).startsWith(khonKaen + " "));
    }

    /** The files part of health once the platform answers with it DOWN. */
    private JsonNode downFiles() throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpAnswer health = new Http(port).get("/health");
                last = health.body();
                JsonNode files = health.status() == 503 ? health.json().get("components").get("files") : null;
                if (files != null && "DOWN".equals(files.get("status").asText())
                        && files.get("details").has("changed")) {
                    return files;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("health never reported the changed file: " + last);
    }

    /**
     * A grading run cut off by a stop of the platform is not left running for ever, nor does it hold its scope: after
     * the start it is FAILED and says to start it again, and the same run can be started at once and completes.
     */
    @Test
    public void aGradingRunCutOffByAStopEndsFailedAndCanBeStartedAgain() throws Exception {
        home = unpack();
        start();
        Http admin = new Http(port).as("admin", PASSWORD);
        for (int i = 0; i < 8; i++) {
            assertEquals(201, admin.post("/networks", "{\"name\": \"เครือข่ายตำบล " + i + "\", \"level\": "
                    + "\"SUBDISTRICT\", \"areaCode\": \"50010" + (i + 1) + "\"}").status());
        }
        assertEquals(201, admin.sendBytes("POST", "/extensions", JAR,
                TestJars.slowCriterionExtension("org.apom.ext.p50.slow")).status());
        awaitCriterion(admin, "P50_SLOW", true);
        String year = String.valueOf(FiscalYear.of(LocalDate.now(ZoneId.of("Asia/Bangkok"))).buddhistYear());
        String body = "{\"fiscalYear\": " + year + ", \"province\": \"50\"}";
        HttpAnswer started = admin.post("/tiering/runs", body);
        assertEquals(started.toString(), 202, started.status());
        String run = "/tiering/runs/" + started.json().get("id").asText();
        JsonNode running = admin.get(run).json();
        for (int i = 0; i < 100 && !running.get("status").asText().equals("RUNNING"); i++) {
            Thread.sleep(100);
            running = admin.get(run).json();
        }
        assertEquals(running.toString(), "RUNNING", running.get("status").asText());

        restart(false);
        JsonNode cutOff = admin.get(run).json();
        assertEquals(cutOff.toString(), "FAILED", cutOff.get("status").asText());
        assertTrue(cutOff.toString(), cutOff.get("failure").asText().contains("start it again"));

        assertEquals(204, admin.send("DELETE", "/extensions/org.apom.ext.p50.slow", null, null).status());
        awaitCriterion(admin, "P50_SLOW", false);
        HttpAnswer again = admin.post("/tiering/runs", body);
        assertEquals(again.toString(), 202, again.status());
        JsonNode done = again.json();
        for (int i = 0; i < 300 && List.of("QUEUED", "RUNNING").contains(done.get("status").asText()); i++) {
            Thread.sleep(100);
            done = admin.get("/tiering/runs/" + again.json().get("id").asText()).json();
        }
        assertEquals(done.toString(), "DONE", done.get("status").asText());
        assertEquals(8, done.get("done").asInt());
    }

    private static void awaitCriterion(Http admin, String code, boolean present) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (admin.get("/tiering/criteria").body().contains("\"" + code + "\"") == present) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(code + (present ? " never came" : " never left"));
    }

    @Test
    public void binStartRefusesAFirstAdminPasswordThePasswordRulesRefuseAndStartsNothing() throws Exception {
        Path unpacked = unpack();
        ProcessBuilder builder = new ProcessBuilder(unpacked.resolve("bin/start").toString())
                .directory(unpacked.toFile()).redirectErrorStream(true);
        builder.environment().put("APOM_ADMIN_PASSWORD", "the admin passphrase");
        Process start = builder.start();
        String output = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(output, 1, start.waitFor());
        assertTrue(output, output.contains("A password must not contain the username."));
        assertFalse(output, output.contains("the admin passphrase"));
        assertFalse("no Karaf was started", Files.exists(unpacked.resolve("karaf.pid")));
    }

    @Test
    public void binStatusStopAndClientNeverRewriteTheConfiguration() throws Exception {
        Path unpacked = unpack();
        Path web = unpacked.resolve("etc/org.ops4j.pax.web.cfg");
        Path datasource = unpacked.resolve("etc/org.ops4j.datasource-apom.cfg");
        String webBefore = Files.readString(web);
        String datasourceBefore = Files.readString(datasource);
        for (String script : List.of("bin/status", "bin/stop", "bin/client")) {
            // variables left in the shell from another environment
            ProcessBuilder builder = new ProcessBuilder(unpacked.resolve(script).toString(), "-h")
                    .directory(unpacked.toFile()).redirectErrorStream(true);
            builder.environment().putAll(Map.of("APOM_HTTP_PORT", "1", "APOM_DB_URL",
                    "jdbc:postgresql://elsewhere:5432/other"));
            Process process = builder.start();
            process.getInputStream().readAllBytes();
            process.waitFor();
            assertEquals(script + " left the port alone", webBefore, Files.readString(web));
            assertEquals(script + " left the datasource alone", datasourceBefore, Files.readString(datasource));
        }
        // with Karaf's options before the command, it is still a status
        String[] debugStatus = {"bin/karaf", "debug", "status"};
        run(unpacked, Map.of("APOM_HTTP_PORT", "1", "APOM_DB_URL", "jdbc:postgresql://elsewhere:5432/other"),
                debugStatus);
        assertEquals("karaf debug status left the port alone", webBefore, Files.readString(web));
        assertEquals("karaf debug status left the datasource alone", datasourceBefore, Files.readString(datasource));
        // a start refuses, before anything is written, a value Karaf's reader would change on its way to the database
        String derby = "jdbc:derby:" + unpacked.resolve("data/derby/other") + ";create=true";
        for (String password : List.of("ends with a blank ", "p${karaf.home}q", "p$[env:HOME]q")) {
            String[] start = {"bin/start"};
            Distribution.Outcome refused = run(unpacked, Map.of("APOM_DB_URL", derby, "APOM_DB_PASSWORD", password),
                    start);
            assertEquals(refused.output(), 1, refused.exitCode());
            assertTrue(refused.output(), refused.output().contains("cannot"));
            assertEquals(password + ": the datasource is as it was", datasourceBefore, Files.readString(datasource));
        }
        assertFalse("nothing started", Files.exists(unpacked.resolve("karaf.pid")));
    }

    /** Runs a script of the unpacked distribution, to its end. */
    private static Distribution.Outcome run(Path unpacked, Map<String, String> environment, String... command) throws Exception {
        command[0] = unpacked.resolve(command[0]).toString();
        ProcessBuilder builder = new ProcessBuilder(command).directory(unpacked.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(output, process.waitFor(120, TimeUnit.SECONDS));
        return new Distribution.Outcome(process.exitValue(), output);
    }

    @Test
    public void aStartWhoseVariablesDisagreeWithTheRunningPlatformRefusesAndChangesNothing() throws Exception {
        home = unpack();
        start();
        Path web = home.resolve("etc/org.ops4j.pax.web.cfg");
        Path datasource = home.resolve("etc/org.ops4j.datasource-apom.cfg");
        String webBefore = Files.readString(web);
        String datasourceBefore = Files.readString(datasource);
        String pid = Files.readString(home.resolve("karaf.pid")).strip();

        Distribution.Outcome otherPort = distribution.runScript("bin/start", Map.of("APOM_HTTP_PORT", "1"));
        assertEquals(otherPort.output(), 1, otherPort.exitCode());
        assertTrue(otherPort.output(), otherPort.output().contains("APOM_HTTP_PORT is 1, but it listens on " + port));
        Distribution.Outcome otherDatabase = distribution.runScript("bin/start", Map.of("APOM_DB_URL",
                "jdbc:postgresql://elsewhere:5432/other?password=secret", "APOM_DB_PASSWORD", "another"));
        assertEquals(otherDatabase.output(), 1, otherDatabase.exitCode());
        assertTrue(otherDatabase.output(), otherDatabase.output().contains(
                "APOM_DB_URL is jdbc:postgresql://elsewhere:5432/other?password=..., but it uses jdbc:derby:"));
        assertTrue(otherDatabase.output(), otherDatabase.output().contains("APOM_DB_PASSWORD is not the password"));
        assertFalse("no password is shown: " + otherDatabase.output(), otherDatabase.output().contains("secret")
                || otherDatabase.output().contains("another"));
        Distribution.Outcome otherMode = distribution.runScript("bin/start", Map.of("APOM_EXTENSIONS_DEV", "false"));
        assertEquals(otherMode.output(), 1, otherMode.exitCode());
        assertTrue(otherMode.output(), otherMode.output().contains("APOM_EXTENSIONS_DEV is false, but it runs with true"));
        // the same variables as it runs with: nothing to do, and no second platform
        Distribution.Outcome same = distribution.runScript("bin/start", Map.of("APOM_HTTP_PORT", String.valueOf(port)));
        assertEquals(same.output(), 0, same.exitCode());
        assertTrue(same.output(), same.output().contains("already runs"));

        Map<String, String> foreign = Map.of("APOM_HTTP_PORT", "1", "APOM_DB_URL", "jdbc:postgresql://elsewhere/other");
        assertEquals(0, distribution.runScript("bin/status", foreign).exitCode());
        distribution.runScript("bin/client", foreign, "-h");
        assertEquals("nothing rewrote the port", webBefore, Files.readString(web));
        assertEquals("nothing rewrote the datasource", datasourceBefore, Files.readString(datasource));
        assertEquals("the same platform runs", pid, Files.readString(home.resolve("karaf.pid")).strip());
        assertEquals(200, new Http(port).get("/health").status());

        distribution.runScript("bin/stop", foreign);
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(jvm -> jvm.onExit().completeOnTimeout(null, 120, TimeUnit.SECONDS).join());
        assertEquals("bin/stop left the port alone", webBefore, Files.readString(web));
        assertEquals("bin/stop left the datasource alone", datasourceBefore, Files.readString(datasource));
    }

    private String installed(Http admin) throws Exception {
        List<String> rows = new ArrayList<>();
        for (JsonNode e : admin.get("/extensions").json().get("items")) {
            rows.add(e.get("symbolicName").asText() + " " + e.get("version").asText() + " "
                    + e.get("previousVersion").asText() + " " + e.get("state").asText());
        }
        rows.sort(Comparator.naturalOrder());
        return String.join("\n", rows);
    }

    private String summaryVersion(Http admin) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        HttpAnswer last = null;
        while (System.nanoTime() < deadline) {
            last = admin.get("/ext/50/summary");
            if (last.status() == 200) {
                return last.json().get("version").asText();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the summary never answered: " + last);
    }

    private void restart(boolean withoutBundleCache) throws Exception {
        stopAndWait();
        if (withoutBundleCache) {
            try (Stream<Path> files = Files.walk(home.resolve("data/cache"))) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        start();
    }

    private void stopAndWait() throws Exception {
        distribution.stopAndWait();
    }

    private void start() throws Exception {
        run("bin/start");
        // health is UP only once the first admin exists (AccountsReady): the admin may log in at once. After a start
        // without the bundle cache, health was UP once a moment before the application was whole (CXF's 404 "No
        // service was found.", docs/stack.md trap 44): the API this test reads must answer too
        Http admin = new Http(port).as("admin", PASSWORD);
        distribution.awaitReady(() -> new Http(port).get("/health").status() == 200
                && admin.get("/extensions").status() == 200 && admin.get("/networks").status() == 200
                && admin.get("/tiering/criteria").status() == 200);
    }

    private void run(String script) throws Exception {
        Map<String, String> environment = new HashMap<>(extraEnvironment);
        environment.putAll(Map.of("APOM_ADMIN_PASSWORD", PASSWORD, "APOM_DEMO_DATA", "false",
                "APOM_EXTENSIONS_DEV", String.valueOf(developmentMode)));
        distribution.run(script, environment);
    }

    private Path unpack() throws Exception {
        distribution = new Distribution("restart");
        port = distribution.port();
        return distribution.home();
    }

    private static byte[] sample(String module) throws IOException {
        return Files.readAllBytes(Path.of(System.getProperty("apom.extensions"), module, "target",
                module + "-" + System.getProperty("apom.version") + ".jar"));
    }
}
