package org.apom.itests;

import static org.apom.itests.PlatformContract.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.inject.Inject;

import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.AtOnce;
import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;
import org.apom.itests.support.TestJars;
import org.apom.itests.support.Workspace;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/** Provinces' extensions through the REST API: install, swap, roll back, remove, and what is refused. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExtensionsIT extends ApomContainerTest {

    private static final String JAR = "application/java-archive";
    private static final String PASSWORD = "a long enough passphrase";

    @Inject
    private BundleContext context;

    @Test
    public void anExtensionIsSwappedAndRolledBackWithoutTouchingAnyCoreBundle() throws Exception {
        List<String> coreBefore = coreBundles();
        String name = "org.apom.ext.p50.swap";
        HttpAnswer installed = asAdmin().sendBytes("POST", "/extensions", JAR, TestJars.extension(name, "1.0.0", "50"));
        assertEquals(installed.toString(), 201, installed.status());
        assertTrue(installed.header("Location").endsWith("/extensions/" + name));
        assertEquals("ACTIVE", installed.json().get("state").asText());
        for (int swap = 0; swap < 20; swap++) {
            String version = swap % 2 == 0 ? "1.1.0" : "1.0.0";
            HttpAnswer swapped = asAdmin().sendBytes("PUT", "/extensions/" + name, JAR,
                    TestJars.extension(name, version, "50"));
            assertEquals(swapped.toString(), 200, swapped.status());
            assertEquals(version, bundle(name).getVersion().toString());
            assertEquals(Bundle.ACTIVE, bundle(name).getState());
        }
        JsonNode rolledBack = asAdmin().post("/extensions/" + name + "/rollback", "").json();
        assertEquals("1.1.0", rolledBack.get("version").asText());
        assertEquals("1.0.0", rolledBack.get("previousVersion").asText());
        assertEquals("1.1.0", bundle(name).getVersion().toString());
        assertEquals("no core bundle restarted, refreshed or updated", coreBefore, coreBundles());

        awaitAuditSealed();
        JsonNode audit = asAdmin().get("/audit?entity=extension&id=" + name + "&limit=500").json().get("items");
        assertEquals(audit.toString(), 22, audit.size());
        assertEquals(204, asAdmin().send("DELETE", "/extensions/" + name, null, (String) null).status());
        assertNull(bundle(name));
        assertTrue(!asAdmin().get("/extensions").json().get("items").toString().contains(name));
    }

    @Test
    public void aProvinceAdminManagesOnlyTheirProvincesExtensions() throws Exception {
        Http kkAdmin = person("kk-ext-admin", "province-admin", "40");
        assertEquals(201, asAdmin().sendBytes("POST", "/extensions", JAR,
                TestJars.extension("org.apom.ext.p50.owned", "1.0.0", "50")).status());
        assertProblem(kkAdmin.sendBytes("POST", "/extensions", JAR,
                TestJars.extension("org.apom.ext.p50.other", "1.0.0", "50")), 403, "forbidden");
        assertProblem(kkAdmin.sendBytes("POST", "/extensions", JAR,
                TestJars.extension("org.apom.ext.all", "1.0.0", "*")), 403, "forbidden");
        assertProblem(kkAdmin.sendBytes("PUT", "/extensions/org.apom.ext.p50.owned", JAR,
                TestJars.extension("org.apom.ext.p50.owned", "1.1.0", "50")), 404, "not-found");
        HttpAnswer own = kkAdmin.sendBytes("POST", "/extensions", JAR, TestJars.extension("org.apom.ext.p40.own", "1.0.0", "40"));
        assertEquals(own.toString(), 201, own.status());
        JsonNode seen = kkAdmin.get("/extensions").json().get("items");
        assertEquals(seen.toString(), 1, seen.size());
        assertEquals("org.apom.ext.p40.own", seen.get(0).get("symbolicName").asText());
        assertProblem(asAdmin().sendBytes("POST", "/extensions", JAR,
                TestJars.extension("org.apom.ext.p40.own", "1.0.0", "40")), 409, "already-installed");
        assertProblem(asAdmin().post("/extensions/org.apom.ext.p40.own/rollback", ""), 409, "no-previous-version");
    }

    @Test
    public void aJarThatBreaksTheRulesIsRefusedBeforeAnythingIsInstalled() throws Exception {
        int bundles = context.getBundles().length;
        HttpAnswer refused = asAdmin().sendBytes("POST", "/extensions", JAR, TestJars.jar(Map.of(
                "Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "org.apom.ext.p50.bad", "Apom-Province", "50",
                "Import-Package", "org.apom.registry.internal", "Export-Package", "org.apom.ext.p50.bad")));
        assertProblem(refused, 422, "extension-rules");
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of("Export-Package", "Import-Package"), fields);
        assertProblem(asAdmin().sendBytes("POST", "/extensions", JAR, "not a jar".getBytes()), 422, "not-a-bundle");
        // one jar per rule, each breaking that rule alone: the refusal names the header and why
        Map<String, String> valid = Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "org.apom.ext.p50.rule",
                "Bundle-Version", "1.0.0", "Apom-Province", "50");
        Map<String, List<String>> breaking = Map.of(
                "Apom-Province", List.of("Chiang Mai", "area-code"),
                "Bundle-Version", List.of("one", "not-a-bundle"),
                "Import-Package", List.of("org.osgi.framework", "forbidden-import"),
                "DynamicImport-Package", List.of("*", "forbidden-header"),
                "Fragment-Host", List.of("org.apom.registry", "forbidden-header"),
                "Require-Bundle", List.of("org.apom.registry", "forbidden-header"),
                "Export-Package", List.of("org.apom.ext.p50.rule", "forbidden-header"));
        for (Map.Entry<String, List<String>> rule : breaking.entrySet()) {
            Map<String, String> headers = new java.util.HashMap<>(valid);
            headers.put(rule.getKey(), rule.getValue().get(0));
            HttpAnswer answer = asAdmin().sendBytes("POST", "/extensions", JAR, TestJars.jar(headers));
            assertProblem(answer, 422, "extension-rules");
            JsonNode error = answer.json().get("errors").get(0);
            assertEquals(answer.body(), rule.getKey(), error.get("field").asText());
            assertEquals(answer.body(), rule.getValue().get(1), error.get("code").asText());
        }
        Map<String, String> withoutProvince = new java.util.HashMap<>(valid);
        withoutProvince.remove("Apom-Province");
        assertEquals("required", asAdmin().sendBytes("POST", "/extensions", JAR, TestJars.jar(withoutProvince)).json()
                .get("errors").get(0).get("code").asText());
        assertProblem(asAdmin().sendBytes("POST", "/extensions", JAR, TestJars.padded(valid, 6 * 1024 * 1024)), 413,
                "too-large");
        // a valid bundle that cannot resolve: nothing of it stays, and the answer names the package, not the wiring
        HttpAnswer unresolvable = asAdmin().sendBytes("POST", "/extensions", JAR, TestJars.jar(Map.of(
                "Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "org.apom.ext.p50.unresolvable",
                "Apom-Province", "50", "Import-Package", "org.apom.nothing.api")));
        assertProblem(unresolvable, 422, "cannot-start");
        assertTrue(unresolvable.body(), unresolvable.body().contains("org.apom.nothing.api")
                && !unresolvable.body().contains("Unable to resolve"));
        // a jar with a second manifest (the one the framework would read), and one that inflates without end
        assertProblem(asAdmin().sendBytes("POST", "/extensions", JAR, TestJars.twoFaced("org.apom.ext.p50.twofaced")),
                422, "duplicate-entry");
        assertProblem(asAdmin().sendBytes("POST", "/extensions", JAR, TestJars.inflating(valid, 128 * 1024 * 1024)),
                422, "too-large-inflated");
        assertEquals(bundles, context.getBundles().length);
        // who may not manage extensions is refused before the body is read, whatever its size
        Http officer = person("jar-officer", "province-officer", "50");
        assertProblem(officer.sendBytes("POST", "/extensions", JAR, TestJars.padded(valid, 6 * 1024 * 1024)), 403,
                "forbidden");
    }

    @Test
    public void theStoredSetComesBackWhenTheManagerStartsAgain() throws Exception {
        String name = "org.apom.ext.p50.restored";
        assertEquals(201, asAdmin().sendBytes("POST", "/extensions", JAR, TestJars.extension(name, "1.0.0", "50")).status());
        assertEquals(200, asAdmin().sendBytes("PUT", "/extensions/" + name, JAR,
                TestJars.extension(name, "1.1.0", "50")).status());
        // what a restart looks like to the manager: its bundle starts again and finds the framework changed
        bundle(name).uninstall();
        Bundle manager = null;
        for (Bundle b : context.getBundles()) {
            if ("org.apom.extensions".equals(b.getSymbolicName())) {
                manager = b;
            }
        }
        manager.stop();
        manager.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (bundle(name) == null && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("1.1.0", bundle(name).getVersion().toString());
        assertEquals(Bundle.ACTIVE, bundle(name).getState());
        waitUntilReady();
        JsonNode listed = asAdmin().get("/extensions").json().get("items");
        assertTrue(listed.toString(), listed.toString().contains("\"previousVersion\":\"1.0.0\""));
    }

    @Test
    public void anExtensionServesItsEndpointInItsProvincesApplicationAndASwapShowsThere() throws Exception {
        String name = "org.apom.ext.p50.endpoint";
        HttpAnswer installed = asAdmin().sendBytes("POST", "/extensions", JAR,
                TestJars.extensionWithResource(name, "1.0.0", "50"));
        assertEquals(201, installed.status());
        // these tests run in development mode, and every answer about extensions says so
        assertEquals("development", installed.json().get("trust").asText());
        JsonNode mode = asAdmin().get("/health").json().get("components").get("extensions").get("details");
        assertEquals("development", mode.get("mode").asText());
        assertTrue(mode.toString(), mode.get("warning").asText().contains("DEVELOPMENT MODE"));
        assertEquals("1.0.0", answerWithin("/ext/50/version", "1.0.0"));
        assertProblem(http().get("/ext/50/version"), 401, "authentication-required");
        // a province's extensions serve those who may read its volunteers, nobody else
        assertProblem(person("ext-officer-40", "province-officer", "40").get("/ext/50/version"), 403, "forbidden");
        assertEquals(200, person("ext-officer-50", "province-officer", "50").get("/ext/50/version").status());
        assertProblem(person("ext-auditor", "auditor", null).get("/ext/50/version"), 403, "forbidden");
        for (String version : List.of("1.1.0", "1.0.0", "1.1.0")) {
            long start = System.nanoTime();
            assertEquals(200, asAdmin().sendBytes("PUT", "/extensions/" + name, JAR,
                    TestJars.extensionWithResource(name, version, "50")).status());
            assertEquals(version, answerWithin("/ext/50/version", version));
            System.out.printf("swap to %s answered after %d ms%n", version, (System.nanoTime() - start) / 1_000_000);
            assertEquals(200, asAdmin().get("/areas/provinces").status());
        }
        assertEquals(204, asAdmin().send("DELETE", "/extensions/" + name, null, (String) null).status());
    }

    /**
     * Each way the framework and the records can disagree (a crash between the framework change and the commit, a
     * node pointed at another database, a restored backup), made here by hand, is repaired before the next change
     * of the province's extensions, audited, and shown in the list.
     */
    @Test
    public void eachDisagreementBetweenTheFrameworkAndTheRecordsIsRepairedBeforeTheNextChange() throws Exception {
        String orphan = "org.apom.ext.p51.orphan";
        Bundle stray = stray(orphan, "51");
        String items = asAdmin().get("/extensions").json().get("items").toString();
        assertTrue(items, !items.contains("\"symbolicName\":\"" + orphan + "\""));
        // the record's absence used to wedge it: 409 already-installed here, 404 for a PUT
        HttpAnswer installed = asAdmin().sendBytes("POST", "/extensions", JAR, TestJars.extension(orphan, "1.1.0", "51"));
        assertEquals(installed.toString(), 201, installed.status());
        assertEquals(Bundle.UNINSTALLED, stray.getState());
        assertEquals("1.1.0", bundle(orphan).getVersion().toString());
        assertEquals(Bundle.ACTIVE, bundle(orphan).getState());
        assertRepaired(orphan, "bundle-without-record", "1.0.0", null, "uninstalled");

        String lost = "org.apom.ext.p51.lost";
        String drifted = "org.apom.ext.p51.drifted";
        assertEquals(201, asAdmin().sendBytes("POST", "/extensions", JAR, TestJars.extension(lost, "1.0.0", "51")).status());
        assertEquals(201, asAdmin().sendBytes("POST", "/extensions", JAR, TestJars.extension(drifted, "1.0.0", "51"))
                .status());
        bundle(lost).uninstall();
        bundle(drifted).update(new ByteArrayInputStream(TestJars.extension(drifted, "2.0.0", "51")));
        assertEquals("MISSING", listed(lost).get("state").asText());
        // a change of another extension of the province repairs both first
        assertEquals(204, asAdmin().send("DELETE", "/extensions/" + orphan, null, (String) null).status());
        assertEquals("1.0.0", bundle(lost).getVersion().toString());
        assertEquals(Bundle.ACTIVE, bundle(lost).getState());
        assertEquals("ACTIVE", listed(lost).get("state").asText());
        assertEquals("1.0.0", bundle(drifted).getVersion().toString());
        assertEquals(Bundle.ACTIVE, bundle(drifted).getState());
        assertRepaired(lost, "record-without-bundle", null, "1.0.0", "reinstalled");
        assertRepaired(drifted, "versions-differ", "2.0.0", "1.0.0", "replaced");

        // and so does the workspace's page of extensions
        Workspace workspace = Workspace.of(Integer.getInteger(HTTP_PORT_PROPERTY), asAdmin());
        Workspace.Session session = workspace.signIn("admin", Files.readString(adminPasswordFile()).strip());
        HttpResponse<String> page = workspace.get("/admin/extensions", session.cookie());
        assertEquals(page.body(), 200, page.statusCode());
        for (String name : List.of(orphan, lost, drifted)) {
            assertTrue(page.body(), page.body().contains("<tr data-reconciled=\"" + name + "\">"));
        }

        // central IT's audit has each, under the platform's own name
        awaitAuditSealed();
        for (String name : List.of(orphan, lost, drifted)) {
            JsonNode entries = asAdmin().get("/audit?entity=extension&id=" + name + "&limit=50").json().get("items");
            assertTrue(entries.toString(), entries.toString().contains("\"action\":\"extension.reconcile\""));
        }
        // a province's admin sees the repairs of their province only
        Http admin40 = person("ext-admin-40", "province-admin", "40");
        assertEquals(0, admin40.get("/extensions").json().get("reconciled").size());
        for (String name : List.of(lost, drifted)) {
            assertEquals(204, asAdmin().send("DELETE", "/extensions/" + name, null, (String) null).status());
        }
    }

    /**
     * Extension names are the platform's: another province's leftover of a name (a removal this node missed) goes
     * before an install of that name, as that province's repair. And a caller who may not manage a province sets
     * off no repair there.
     */
    @Test
    public void anotherProvincesLeftoverOfANameGoesBeforeItsInstallAndOutsidersRepairNothing() throws Exception {
        String recorded = "org.apom.ext.p53.recorded";
        assertEquals(201, asAdmin().sendBytes("POST", "/extensions", JAR, TestJars.extension(recorded, "1.0.0", "53"))
                .status());
        bundle(recorded).uninstall();
        Http admin54 = person("ext-admin-54", "province-admin", "54");
        assertProblem(admin54.send("DELETE", "/extensions/" + recorded, null, (String) null), 404, "not-found");
        assertNull("an outsider's change repaired province 53", bundle(recorded));

        String shared = "org.apom.ext.shared";
        Bundle leftover = stray(shared, "53");
        HttpAnswer installed = admin54.sendBytes("POST", "/extensions", JAR, TestJars.extension(shared, "1.0.0", "54"));
        assertEquals(installed.toString(), 201, installed.status());
        assertEquals(Bundle.UNINSTALLED, leftover.getState());
        assertTrue(bundle(shared).getLocation(), bundle(shared).getLocation().startsWith("apom-extension:54/"));
        assertRepaired(shared, "53", "bundle-without-record", "1.0.0", null, "uninstalled");
        assertEquals("province 54 sees nothing of 53", 0, admin54.get("/extensions").json().get("reconciled").size());

        assertEquals(204, admin54.send("DELETE", "/extensions/" + shared, null, (String) null).status());
        // central IT's change in 53 repairs it first, then removes it
        assertEquals(204, asAdmin().send("DELETE", "/extensions/" + recorded, null, (String) null).status());
        assertRepaired(recorded, "53", "record-without-bundle", null, "1.0.0", "reinstalled");
    }

    /**
     * Many callers at once: sixteen installs into one province that holds a stray bundle, and sixteen lists, all
     * succeed; the stray bundle is removed once, by whichever change came first, and recorded once.
     */
    @Test
    public void concurrentChangesOfAProvinceRepairItsDisagreementOnceAndAllSucceed() throws Exception {
        String orphan = "org.apom.ext.p52.orphan";
        Bundle stray = stray(orphan, "52");
        Http admin = asAdmin();
        List<Callable<HttpAnswer>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String name = "org.apom.ext.p52.c" + i;
            byte[] jar = TestJars.extension(name, "1.0.0", "52");
            calls.add(() -> admin.copy().sendBytes("POST", "/extensions", JAR, jar));
            calls.add(() -> admin.copy().get("/extensions"));
        }
        List<HttpAnswer> answers = AtOnce.run(calls);
        for (int i = 0; i < answers.size(); i++) {
            assertEquals(answers.get(i).toString(), i % 2 == 0 ? 201 : 200, answers.get(i).status());
        }
        assertEquals(Bundle.UNINSTALLED, stray.getState());
        int repairs = 0;
        for (JsonNode repair : admin.get("/extensions").json().get("reconciled")) {
            repairs += repair.get("symbolicName").asText().equals(orphan) ? 1 : 0;
        }
        assertEquals("one repair, however many changes raced to it", 1, repairs);
        for (int i = 0; i < 16; i++) {
            String name = "org.apom.ext.p52.c" + i;
            assertEquals(name, Bundle.ACTIVE, bundle(name).getState());
            assertEquals(204, admin.send("DELETE", "/extensions/" + name, null, (String) null).status());
        }
    }

    /** An extension's bundle 1.0.0 the manager has no record of, at its location, started: as a crash leaves one. */
    private Bundle stray(String name, String province) throws Exception {
        Bundle stray = context.installBundle("apom-extension:" + province + "/" + name,
                new ByteArrayInputStream(TestJars.extension(name, "1.0.0", province)));
        stray.start();
        return stray;
    }

    private JsonNode listed(String name) throws Exception {
        for (JsonNode item : asAdmin().get("/extensions").json().get("items")) {
            if (item.get("symbolicName").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError(name + " is not listed");
    }

    private void assertRepaired(String name, String disagreement, String bundleVersion, String recordVersion,
            String outcome) throws Exception {
        assertRepaired(name, "51", disagreement, bundleVersion, recordVersion, outcome);
    }

    private void assertRepaired(String name, String province, String disagreement, String bundleVersion,
            String recordVersion, String outcome) throws Exception {
        JsonNode reconciled = asAdmin().get("/extensions").json().get("reconciled");
        for (JsonNode repair : reconciled) {
            if (repair.get("symbolicName").asText().equals(name)) {
                assertEquals(repair.toString(), disagreement, repair.get("disagreement").asText());
                assertEquals(repair.toString(), province, repair.get("province").asText());
                assertEquals(repair.toString(), String.valueOf(bundleVersion), repair.get("bundleVersion").asText());
                assertEquals(repair.toString(), String.valueOf(recordVersion), repair.get("recordVersion").asText());
                assertEquals(repair.toString(), outcome, repair.get("outcome").asText());
                return;
            }
        }
        throw new AssertionError("no repair of " + name + " listed: " + reconciled);
    }

    /** The body of the path once it is the expected one (the whiteboard takes a swap up asynchronously). */
    private String answerWithin(String path, String expected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        HttpAnswer last = null;
        while (System.nanoTime() < deadline) {
            last = asAdmin().get(path);
            if (last.status() == 200 && last.body().strip().equals(expected)) {
                return expected;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(path + " did not answer " + expected + ": " + last);
    }

    private List<String> coreBundles() {
        List<String> core = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.apom.")
                    && !b.getLocation().startsWith("apom-extension:")) {
                core.add(b.getBundleId() + " " + b.getSymbolicName() + " " + b.getState() + " " + b.getLastModified());
            }
        }
        return core;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (b.getLocation().startsWith("apom-extension:") && b.getLocation().endsWith("/" + symbolicName)) {
                return b;
            }
        }
        return null;
    }

    private Http person(String username, String role, String province) throws Exception {
        asAdmin().post("/users", "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\", \"roles\": [\""
                + role + "\"]" + (province == null ? "" : ", \"province\": \"" + province + "\"") + "}");
        return http().as(username, PASSWORD);
    }
}
