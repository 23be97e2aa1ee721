package org.apom.itests;

import static org.apom.itests.PlatformContract.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;
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
 * Only reviewed code runs (the distribution's default, development mode off): a province submits a jar, a central
 * reviewer approves or rejects it, and the province installs, swaps and rolls back among its approved versions.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExtensionReviewIT extends ApomContainerTest {

    private static final String JAR = "application/java-archive";
    private static final String JSON = "application/json";
    private static final String PASSWORD = "a long enough passphrase";
    private static final String NAME = "org.apom.ext.p50.reviewed";

    @Inject
    private BundleContext context;
    @Inject
    private org.osgi.service.cm.ConfigurationAdmin configurations;

    @Override
    protected boolean extensionsDevelopmentMode() {
        return false;
    }

    @Test
    public void aProvinceInstallsOnlyWhatACentralReviewerApproved() throws Exception {
        Http cmAdmin = person("review-cm", "province-admin", "50");
        Http kkAdmin = person("review-kk", "province-admin", "40");
        Http reviewer = person("reviewer", "central-admin", null);
        byte[] v100 = TestJars.extensionWithResource(NAME, "1.0.0", "50");
        byte[] v110 = TestJars.extensionWithResource(NAME, "1.1.0", "50");
        int bundles = context.getBundles().length;

        assertEquals("reviewed", asAdmin().get("/health").json().get("components").get("extensions").get("details")
                .get("mode").asText());
        assertProblem(cmAdmin.sendBytes("POST", "/extensions", JAR, v100), 422, "not-reviewed");

        HttpAnswer submitted = cmAdmin.sendBytes("POST", "/extensions/submissions", JAR, v100);
        assertEquals(submitted.toString(), 201, submitted.status());
        String id = submitted.json().get("id").asText();
        assertTrue(submitted.header("Location").endsWith("/extensions/submissions/" + id));
        assertEquals("SUBMITTED", submitted.json().get("state").asText());
        assertEquals("50", submitted.json().get("manifest").get("Apom-Province").asText());
        assertEquals("nothing of it runs before the review", bundles, context.getBundles().length);
        assertProblem(cmAdmin.sendBytes("POST", "/extensions/submissions", JAR, v100), 409, "already-submitted");
        // a breaking jar is refused at submission, as at install
        assertProblem(cmAdmin.sendBytes("POST", "/extensions/submissions", JAR, TestJars.twoFaced(NAME)), 422,
                "duplicate-entry");

        assertEquals(0, kkAdmin.get("/extensions/submissions").json().get("items").size());
        assertProblem(kkAdmin.get("/extensions/submissions/" + id), 404, "not-found");
        assertEquals(id, reviewer.get("/extensions/submissions?state=SUBMITTED").json().at("/items/0/id").asText());
        assertProblem(cmAdmin.post("/extensions/submissions/" + id + "/approval", "{}"), 403, "forbidden");
        assertProblem(reviewer.post("/extensions/submissions/" + id + "/rejection", "{}"), 422, "validation");
        assertProblem(reviewer.get("/extensions/submissions?state=LOST"), 400, "invalid-parameter");
        HttpAnswer approved = reviewer.post("/extensions/submissions/" + id + "/approval",
                "{\"reason\": \"reads counts only\"}");
        assertEquals(approved.toString(), "APPROVED", approved.json().get("state").asText());
        assertEquals("reviewer", approved.json().get("reviewedBy").asText());
        assertProblem(reviewer.post("/extensions/submissions/" + id + "/rejection", "{\"reason\": \"late\"}"), 409,
                "already-decided");

        // the province installs its approved version by name, whenever it wants
        HttpAnswer installed = cmAdmin.send("POST", "/extensions", JSON,
                "{\"symbolicName\": \"" + NAME + "\", \"version\": \"1.0.0\"}");
        assertEquals(installed.toString(), 201, installed.status());
        assertEquals("reviewed", installed.json().get("trust").asText());
        assertEquals("1.0.0", answerWithin(cmAdmin, "/ext/50/version", "1.0.0"));

        // a new version: its report shows what changed against the running one; unapproved, it cannot be swapped in
        JsonNode second = cmAdmin.sendBytes("POST", "/extensions/submissions", JAR, v110).json();
        assertEquals("1.0.0", second.get("comparedWith").asText());
        List<String> changed = new ArrayList<>();
        second.get("changes").forEach(c -> changed.add(c.get("header").asText()));
        assertTrue(changed.toString(), changed.contains("Bundle-Version"));
        assertProblem(cmAdmin.send("PUT", "/extensions/" + NAME, JSON, "{\"version\": \"1.1.0\"}"), 404,
                "not-approved");
        assertProblem(cmAdmin.sendBytes("PUT", "/extensions/" + NAME, JAR, v110), 422, "not-reviewed");
        // four eyes: a reviewer never decides on their own submission
        HttpAnswer own = reviewer.sendBytes("POST", "/extensions/submissions", JAR,
                TestJars.extensionWithResource("org.apom.ext.all.own", "1.0.0", "*"));
        assertProblem(reviewer.post("/extensions/submissions/" + own.json().get("id").asText() + "/approval", "{}"),
                409, "own-submission");
        assertEquals(200, asAdmin().post("/extensions/submissions/" + second.get("id").asText() + "/approval", "{}")
                .status());
        HttpAnswer swapped = cmAdmin.send("PUT", "/extensions/" + NAME, JSON, "{\"version\": \"1.1.0\"}");
        assertEquals(swapped.toString(), 200, swapped.status());
        assertEquals("1.1.0", answerWithin(cmAdmin, "/ext/50/version", "1.1.0"));
        assertEquals("1.0.0", cmAdmin.post("/extensions/" + NAME + "/rollback", "").json().get("version").asText());
        // the approved jar itself, uploaded again, is trusted by its digest
        assertEquals(200, cmAdmin.sendBytes("PUT", "/extensions/" + NAME, JAR, v110).status());
        assertProblem(kkAdmin.send("PUT", "/extensions/" + NAME, JSON, "{\"version\": \"1.1.0\"}"), 404,
                "not-approved");

        // a flaw found after approval: the approval is withdrawn and the running 1.1.0 stops at once
        String secondId = second.get("id").asText();
        assertProblem(reviewer.post("/extensions/submissions/" + secondId + "/revocation", "{}"), 422, "validation");
        assertProblem(cmAdmin.post("/extensions/submissions/" + secondId + "/revocation",
                "{\"reason\": \"mine\"}"), 403, "forbidden");
        JsonNode revoked = reviewer.post("/extensions/submissions/" + secondId + "/revocation",
                "{\"reason\": \"reads phone numbers it does not need\"}").json();
        assertEquals("REVOKED", revoked.get("state").asText());
        JsonNode stopped = cmAdmin.get("/extensions").json().get("items").get(0);
        assertEquals("MISSING", stopped.get("state").asText());
        assertTrue(stopped.toString(), stopped.get("lastError").asText().contains("revoked"));
        assertProblem(cmAdmin.send("PUT", "/extensions/" + NAME, JSON, "{\"version\": \"1.1.0\"}"), 404,
                "not-approved");
        // another node, where the revocation was not made, still runs 1.1.0: as this one would, had it been there
        Bundle elsewhere = context.installBundle("apom-extension:50/" + NAME, new ByteArrayInputStream(v110));
        elsewhere.start();
        assertProblem(cmAdmin.sendBytes("PUT", "/extensions/" + NAME, JAR, v110), 422, "not-reviewed");
        // the repairs before that change stopped the revoked code, and took the stopped record for what it is, not
        // for a bundle gone missing
        assertEquals(Bundle.UNINSTALLED, elsewhere.getState());
        JsonNode still = cmAdmin.get("/extensions").json();
        assertTrue(still.toString(), still.at("/items/0/lastError").asText().contains("revoked"));
        assertEquals(still.toString(), 0, still.get("reconciled").size());
        // and so does the next start: the reason stays, nothing runs
        restartManager();
        JsonNode restarted = cmAdmin.get("/extensions").json();
        assertTrue(restarted.toString(), restarted.at("/items/0/lastError").asText().contains("revoked"));
        assertEquals(restarted.toString(), "MISSING", restarted.at("/items/0/state").asText());
        // the province goes back to the version still approved, whenever it wants
        assertEquals(200, cmAdmin.send("PUT", "/extensions/" + NAME, JSON, "{\"version\": \"1.0.0\"}").status());
        assertEquals("1.0.0", answerWithin(cmAdmin, "/ext/50/version", "1.0.0"));

        awaitAuditSealed();
        List<String> steps = new ArrayList<>();
        asAdmin().get("/audit?entity=extension-submission&id=" + id).json().get("items")
                .forEach(e -> steps.add(e.get("action").asText() + " by " + e.get("actor").asText()));
        assertEquals(List.of("extension.submit by review-cm", "extension.approve by reviewer"), steps);
        assertNull(asAdmin().get("/health").json().get("components").get("extensions").get("details").get("warning"));
    }

    @Test
    public void theSameJarSubmittedAndDecidedAtOnceMakesOneSubmissionAndOneDecision() throws Exception {
        byte[] jar = TestJars.extensionWithResource("org.apom.ext.p50.racing", "1.0.0", "50");
        List<Integer> submitted = race(8, () -> asAdmin().sendBytes("POST", "/extensions/submissions", JAR, jar));
        assertEquals(submitted.toString(), 1, submitted.stream().filter(s -> s == 201).count());
        assertTrue(submitted.toString(), submitted.stream().allMatch(s -> s == 201 || s == 409));

        String id = null;
        for (JsonNode s : asAdmin().get("/extensions/submissions?state=SUBMITTED").json().get("items")) {
            if (s.get("symbolicName").asText().equals("org.apom.ext.p50.racing")) {
                id = s.get("id").asText();
            }
        }
        Http other = person("racing-reviewer", "central-admin", null);
        String path = "/extensions/submissions/" + id;
        List<Integer> decided = race(8, () -> other.post(path + "/approval", "{}"));
        assertEquals(decided.toString(), 1, decided.stream().filter(s -> s == 200).count());
        assertTrue(decided.toString(), decided.stream().allMatch(s -> s == 200 || s == 409));
        assertEquals("APPROVED", asAdmin().get(path).json().get("state").asText());
    }

    /** The statuses of the same request sent by that many clients at once. */
    private static List<Integer> race(int clients, java.util.concurrent.Callable<HttpAnswer> request)
            throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<HttpAnswer>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return request.call();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (java.util.concurrent.Future<HttpAnswer> answer : answers) {
            statuses.add(answer.get().status());
        }
        pool.shutdown();
        return statuses;
    }

    @Test
    public void theDistributionWatchesNoHotDeployFolder() throws Exception {
        // a jar written into deploy/ would run outside the rules, the review and the service hooks
        org.osgi.service.cm.Configuration[] watchers = configurations.listConfigurations(
                "(service.factoryPid=org.apache.felix.fileinstall)");
        assertNull(watchers == null ? null : java.util.Arrays.toString(watchers), watchers);
        assertTrue(!java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("karaf.etc"),
                "org.apache.felix.fileinstall-deploy.cfg")));
    }

    private String answerWithin(Http as, String path, String expected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        HttpAnswer last = null;
        while (System.nanoTime() < deadline) {
            last = as.get(path);
            if (last.status() == 200 && last.body().strip().equals(expected)) {
                return expected;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(path + " did not answer " + expected + ": " + last);
    }

    private Http person(String username, String role, String province) throws Exception {
        HttpAnswer created = asAdmin().post("/users", "{\"username\": \"" + username + "\", \"password\": \""
                + PASSWORD + "\", \"roles\": [\"" + role + "\"]"
                + (province == null ? "" : ", \"province\": \"" + province + "\"") + "}");
        assertEquals(created.toString(), 201, created.status());
        return http().as(username, PASSWORD);
    }

    /** What a restart looks like to the manager: its bundle starts again and reconciles. */
    private void restartManager() throws Exception {
        for (Bundle b : context.getBundles()) {
            if ("org.apom.extensions".equals(b.getSymbolicName())) {
                b.stop();
                b.start();
            }
        }
        waitUntilReady();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (asAdmin().get("/extensions").status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

}
