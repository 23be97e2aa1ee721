package org.apom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apom.core.api.BuddhistEra;
import org.apom.core.api.FiscalYear;
import org.apom.itests.support.Browser;
import org.apom.itests.support.Http;
import org.apom.itests.support.TestJars;
import org.apom.itests.support.HttpAnswer;
import org.apom.itests.support.Workspace;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The officers' workspace in a real browser (headless Chromium, support/Browser) against the distribution started as
 * central IT starts it, with its demo register: signing in, the dashboard and its map, the register's search, a
 * record and its verification, the language switch, the province boundary, CSRF and signing out. Every page is
 * checked with axe-core and kept as a screenshot in target/web/.
 */
public class WorkspaceIT {

    private static final String PASSWORD = Workspace.PASSWORD;

    private static Workspace workspace;
    private static Http admin;

    @BeforeClass
    public static void start() throws Exception {
        workspace = new Workspace("workspace");
        admin = workspace.admin();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    public void theAdminSignsInAndTheDashboardAndItsMapShowTheDemoRegister() throws Exception {
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.open("/");
            assertTrue("signed out, the workspace sends the browser to sign in", browser.path().startsWith("/sign-in"));
            assertEquals("th", browser.find("html").getAttribute("lang"));
            browser.screenshot("sign-in");
            browser.assertAccessible("sign-in");

            browser.type("#username", "admin");
            browser.type("#password", "not the password");
            browser.click("form[action='/sign-in'] button[type=submit]");
            assertTrue(browser.text("#refusal"), browser.text("#refusal").contains("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"));

            browser.signIn("admin", PASSWORD);
            assertEquals("/", browser.path());
            assertEquals("ภาพรวม: ทั้งประเทศ", browser.text("h1"));
            long active = 0;
            for (JsonNode province : admin.get("/data-quality").json().get("items")) {
                active += province.get("byStatus").path("ACTIVE").asLong();
            }
            assertTrue("the demo register has active volunteers", active > 0);
            assertEquals(String.format("%,d", active), browser.text("#figure-active"));
            assertEquals(5, browser.findAll("#province-table tbody tr").size());

            browser.await("the map to be drawn", "return document.getElementById('province-map').dataset.rendered"
                    + " === 'true'");
            // the map is painted: its canvas holds the provinces' colours, not a blank box
            Number painted = (Number) browser.script("const c = document.querySelector('#province-map canvas');"
                    + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                    + "for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240)) n++; }"
                    + "return n;");
            assertTrue("painted pixels: " + painted, painted.longValue() > 10_000);
            browser.screenshot("dashboard");
            browser.assertAccessible("dashboard");

            // Chiang Mai on the map, clicked where ECharts draws it, opens its own dashboard
            WebElement map = browser.find("#province-map");
            // the whole map in view: an action's offset counts from the centre of the element's visible part
            browser.script("arguments[0].scrollIntoView({block: 'center'});", map);
            @SuppressWarnings("unchecked")
            java.util.List<Number> point = (java.util.List<Number>) browser.script("return echarts.getInstanceByDom("
                    + "arguments[0]).convertToPixel({seriesIndex: 0}, [98.95, 18.75]);", map);
            int x = point.get(0).intValue() - map.getSize().getWidth() / 2;
            int y = point.get(1).intValue() - map.getSize().getHeight() / 2;
            new Actions(browser.driver()).moveToElement(map, x, y).click().perform();
            browser.await("Chiang Mai's dashboard", "return location.pathname === '/provinces/50'");
            assertEquals("ภาพรวม: เชียงใหม่", browser.text("h1"));
            browser.screenshot("dashboard-50");
            browser.assertAccessible("dashboard-50");
        }
    }

    @Test
    public void searchOpenAndVerifyARecordInOneClick() throws Exception {
        String lastName = admin.get("/volunteers?province=50&limit=1").json().get("items").get(0).get("lastName")
                .asText();
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.signIn("admin", PASSWORD);
            browser.click("nav a[href='/volunteers']");
            browser.type("#q", lastName);
            browser.find("#q").sendKeys(Keys.ENTER);
            browser.await("the results", "return document.getElementById('volunteer-table') !== null");
            // demo surnames are shared: the first record found is the one this test opens
            String id = browser.find("#volunteer-table tbody tr").getAttribute("data-id");
            for (WebElement name : browser.findAll("#volunteer-table tbody th a")) {
                assertTrue(name.getText(), name.getText().contains(lastName));
            }
            browser.screenshot("volunteers");
            browser.assertAccessible("volunteers");

            browser.click("#volunteer-table tr[data-id='" + id + "'] th a");
            browser.await("the record", "return location.pathname === '/volunteers/" + id + "'");
            // a central admin may read personal data: the national ID whole, as the API gives it
            HttpAnswer api = admin.get("/volunteers/" + id);
            assertEquals(api.json().get("nationalId").asText(), browser.text("#national-id"));
            assertTrue(browser.findAll("#masked").isEmpty());
            browser.screenshot("volunteer");
            browser.assertAccessible("volunteer");

            long version = api.json().get("version").asLong();
            browser.click("#verify");
            browser.await("the confirmation", "return document.getElementById('done') !== null");
            String today = BuddhistEra.thaiDate(LocalDate.now(ZoneId.of("Asia/Bangkok")));
            assertTrue(browser.text("#last-verified"), browser.text("#last-verified").startsWith(today + " "));
            JsonNode after = admin.get("/volunteers/" + id).json();
            assertEquals(LocalDate.now(ZoneId.of("Asia/Bangkok")).toString(), after.get("lastVerifiedOn").asText());
            assertEquals("admin", after.get("lastVerifiedBy").asText());
            assertEquals(version + 1, after.get("version").asLong());
            browser.screenshot("volunteer-verified");
        }
    }

    @Test
    public void aProvinceOfficerOf40CannotReach50sRecordsByEditingTheAddress() throws Exception {
        JsonNode chiangMai = admin.get("/volunteers?province=50&limit=1").json().get("items").get(0);
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.signIn("kk-officer", PASSWORD);
            assertEquals("ภาพรวม: ขอนแก่น", browser.text("h1"));
            assertEquals("only their own province on the map's table", 1,
                    browser.findAll("#province-table tbody tr").size());

            browser.open("/volunteers/" + chiangMai.get("id").asText());
            String page = browser.driver().getPageSource();
            assertEquals("404", browser.find("#problem").getAttribute("data-status"));
            assertFalse("nothing of the record shows", page.contains(chiangMai.get("lastName").asText()));
            browser.screenshot("other-province-record");
            browser.assertAccessible("other-province-record");

            browser.open("/provinces/50");
            assertEquals("403", browser.find("#problem").getAttribute("data-status"));
            browser.open("/volunteers?province=50");
            assertTrue("another province's list is empty, as the API's is", browser.findAll("#volunteer-table").isEmpty());
            assertFalse(browser.findAll("#no-results").isEmpty());
            // a hand-made address answers a clear refusal, never a failure
            for (String odd : new String[] {"/volunteers?status=bogus", "/volunteers?after=garbage",
                    "/volunteers?province=5x", "/volunteers?q=" + "ก".repeat(101)}) {
                browser.open(odd);
                assertEquals(odd, "400", browser.find("#problem").getAttribute("data-status"));
            }
            browser.open("/volunteers");
            assertFalse(browser.findAll("#volunteer-table tbody tr").isEmpty());
            for (WebElement province : browser.findAll("#volunteer-table tbody td:nth-child(3)")) {
                assertEquals("ขอนแก่น", province.getText());
            }
        }
    }

    @Test
    public void theNetworksTierTableAndANetworksAssessmentExplained() throws Exception {
        FiscalYear last = FiscalYear.of(LocalDate.now(ZoneId.of("Asia/Bangkok"))).previous();
        // the demo's networks come after its register: wait for them, then grade the last whole fiscal year
        for (int i = 0; i < 600 && admin.get("/networks?limit=1").json().get("items").isEmpty(); i++) {
            Thread.sleep(500);
        }
        HttpAnswer run = admin.post("/tiering/runs", "{\"fiscalYear\": " + last.buddhistYear() + "}");
        assertEquals(run.toString(), 202, run.status());
        JsonNode state = run.json();
        for (int i = 0; i < 1200 && state.get("status").asText().matches("QUEUED|RUNNING"); i++) {
            Thread.sleep(100);
            state = admin.get("/tiering/runs/" + run.json().get("id").asText()).json();
        }
        assertEquals(state.toString(), "DONE", state.get("status").asText());
        JsonNode summary = admin.get("/tiering/summary?fiscalYear=" + last.buddhistYear()).json().get("items");
        JsonNode country = summary.get(summary.size() - 1);
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.signIn("admin", PASSWORD);
            browser.click("nav a[href='/networks']");
            browser.await("the tier table", "return document.getElementById('network-table') !== null");
            assertEquals("A " + country.get("a").asInt(), browser.text("#tier-counts .tier.a"));
            assertEquals("C " + country.get("c").asInt(), browser.text("#tier-counts .tier.c"));
            browser.screenshot("networks");
            browser.assertAccessible("networks");

            browser.click("#tier-counts .tier.a");
            browser.await("the A networks", "return location.search.includes('tier=A')");
            List<WebElement> rows = browser.findAll("#network-table tbody tr");
            assertFalse(rows.isEmpty());
            for (WebElement row : rows) {
                assertEquals("A", row.getAttribute("data-tier"));
            }
            String id = rows.get(0).getAttribute("data-id");
            browser.click("#network-table tr[data-id='" + id + "'] th a");
            browser.await("the network", "return document.getElementById('network-name') !== null");
            JsonNode assessment = admin.get("/networks/" + id + "/assessments?fiscalYear=" + last.buddhistYear())
                    .json().get("items").get(0);
            assertEquals("one row per criterion, each explained", assessment.get("criteria").size(),
                    browser.findAll("#criteria-table tbody tr").size());
            for (WebElement why : browser.findAll("#criteria-table tbody td:last-child")) {
                assertFalse(why.getText().isBlank());
            }
            assertEquals(admin.get("/networks/" + id).json().get("memberCount").asText(),
                    browser.text("#member-count"));
            browser.screenshot("network");
            browser.assertAccessible("network");

            browser.open("/networks?tier=D");
            assertEquals("400", browser.find("#problem").getAttribute("data-status"));
        }
    }

    @Test
    public void centralItManagesAccountsAndVerifiesTheAuditTrail() throws Exception {
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.signIn("admin", PASSWORD);
            browser.click("nav a[href='/admin/users']");
            browser.await("the accounts", "return document.getElementById('user-table') !== null");
            browser.type("#new-username", "ws-new-officer");
            browser.type("#new-password", "short");
            browser.script("document.getElementById('new-role').value = 'province-officer';");
            browser.type("#new-province", "40");
            browser.click("#create-user");
            browser.await("the refusal", "return document.getElementById('admin-problem') !== null");
            assertEquals(404, admin.get("/users/ws-new-officer").status());
            assertEquals("what was typed stays", "ws-new-officer", browser.find("#new-username")
                    .getAttribute("value"));
            browser.type("#new-password", "a-long-enough-passphrase-40");
            browser.script("document.getElementById('new-role').value = 'province-officer';");
            browser.click("#create-user");
            browser.await("the account", "return document.getElementById('done') !== null");
            JsonNode created = admin.get("/users/ws-new-officer").json();
            assertEquals("40", created.get("province").asText());
            browser.click("#disable-ws-new-officer");
            browser.await("the account disabled", "return document.querySelector(\"tr[data-username="
                    + "'ws-new-officer']\").dataset.enabled === 'false'");
            assertFalse(admin.get("/users/ws-new-officer").json().get("enabled").asBoolean());
            browser.screenshot("admin-users");
            browser.assertAccessible("admin-users");
            browser.script("document.getElementById('role-ws-new-officer').value = 'province-admin';");
            browser.click("#role-change-ws-new-officer");
            browser.await("the role changed", "return document.getElementById('done') !== null");
            assertEquals("[\"province-admin\"]", admin.get("/users/ws-new-officer").json().get("roles").toString());

            // an integrator's token: refused without scopes, then created, used once, and revoked
            browser.click("nav a[href='/admin/tokens']");
            browser.await("the tokens", "return document.getElementById('new-token') !== null");
            browser.type("#token-name", "ws-integrator");
            String expires = java.time.LocalDate.now().plusMonths(6).toString();
            browser.script("document.getElementById('token-expires').value = arguments[0];", expires);
            browser.click("#create-token");
            browser.await("the refusal", "return document.getElementById('token-problem') !== null");
            assertTrue("no secret for a refused token", browser.findAll("#secret").isEmpty());
            browser.script("document.getElementById('scope-volunteers-read').checked = true;");
            browser.type("#token-province", "40");
            browser.script("document.getElementById('token-expires').value = arguments[0];", expires);
            browser.click("#create-token");
            browser.await("the secret", "return document.getElementById('secret') !== null");
            String secret = browser.find("#secret").getAttribute("value");
            browser.screenshot("admin-tokens");
            browser.assertAccessible("admin-tokens");
            Http integrator = new Http(workspace.port()).with("Authorization", "Bearer " + secret);
            assertEquals(200, integrator.get("/volunteers?province=40&limit=1").status());
            HttpAnswer elsewhere = integrator.get("/volunteers?province=50&limit=1");
            assertTrue("a province's token stays in its province: " + elsewhere, elsewhere.status() == 403
                    || elsewhere.status() == 200 && elsewhere.json().get("items").isEmpty());
            browser.open("/admin/tokens");
            assertTrue("the secret is shown once", browser.findAll("#secret").isEmpty());
            String tokenId = browser.findAll("#token-table tr").stream()
                    .filter(tr -> tr.getText().contains("ws-integrator")).findFirst().orElseThrow()
                    .getAttribute("data-token");
            browser.click("#revoke-" + tokenId);
            browser.await("the revocation", "return document.getElementById('done') !== null");
            assertEquals(401, integrator.get("/volunteers?province=40&limit=1").status());

            browser.click("nav a[href='/admin/health']");
            browser.await("the health", "return document.getElementById('health-table') !== null");
            assertEquals("true", browser.find("#overall").getAttribute("data-up"));
            assertEquals("true", browser.find("#health-table tr[data-part='database']").getAttribute("data-up"));
            browser.screenshot("admin-health");
            browser.assertAccessible("admin-health");

            browser.click("nav a[href='/admin/audit']");
            browser.await("the audit trail", "return document.getElementById('audit-table') !== null");
            browser.click("#verify-chain");
            browser.await("the verification", "return document.getElementById('verification') !== null");
            assertEquals("true", browser.find("#verification").getAttribute("data-intact"));
            browser.screenshot("admin-audit");
            browser.assertAccessible("admin-audit");
        }
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.signIn("kk-officer", PASSWORD);
            assertTrue("no menu entry for what the role may not open",
                    browser.findAll("nav a[href^='/admin/']").isEmpty());
            for (String page : new String[] {"/admin/users", "/admin/audit", "/admin/tokens", "/admin/health"}) {
                browser.open(page);
                assertEquals(page, "403", browser.find("#problem").getAttribute("data-status"));
            }
        }
    }

    /**
     * A province's extension from submission to its swap and rollback in the workspace: the reviewer approves (a
     * rejection needs a reason), installs, approves the next version and swaps to it while the platform serves, then
     * rolls back. A province officer sees none of it.
     */
    @Test
    public void centralItReviewsSwapsAndRollsBackAProvincesExtension() throws Exception {
        String name = "org.apom.ext.workspace";
        HttpAnswer created = admin.post("/users", "{\"username\": \"ws-cm-admin\", \"password\": \"" + PASSWORD
                + "\", \"roles\": [\"province-admin\"], \"province\": \"50\"}");
        assertEquals(created.toString(), 201, created.status());
        Http cmAdmin = new Http(workspace.port()).as("ws-cm-admin", PASSWORD);
        String jar = "application/java-archive";
        String first = cmAdmin.sendBytes("POST", "/extensions/submissions", jar,
                TestJars.extension(name, "1.0.0", "50")).json().get("id").asText();
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.signIn("admin", PASSWORD);
            browser.click("nav a[href='/admin/extensions']");
            browser.await("the extensions", "return document.getElementById('submission-table') !== null");
            assertEquals("SUBMITTED", browser.find("tr[data-submission='" + first + "']").getAttribute("data-state"));
            browser.click("#reject-" + first);
            browser.await("the refusal", "return document.getElementById('extension-problem') !== null");
            assertEquals("a rejection without a reason changes nothing", "SUBMITTED",
                    admin.get("/extensions/submissions/" + first).json().get("state").asText());
            browser.type("#reason-" + first, "ตรวจโค้ดแล้ว ไม่มีการเข้าถึงข้อมูลจังหวัดอื่น");
            browser.click("#approve-" + first);
            browser.await("the approval", "return document.getElementById('done') !== null");
            browser.click("#run-" + first);
            browser.await("the installation", "return document.querySelector(\"tr[data-extension='" + name
                    + "']\") !== null");
            assertEquals("1.0.0", admin.get("/extensions").json().at("/items/0/version").asText());

            String second = cmAdmin.sendBytes("POST", "/extensions/submissions", jar,
                    TestJars.extension(name, "1.1.0", "50")).json().get("id").asText();
            browser.open("/admin/extensions");
            browser.click("#approve-" + second);
            browser.await("the approval", "return document.getElementById('done') !== null");
            browser.click("#run-" + second);
            browser.await("the swap", "return document.querySelector(\"tr[data-extension='" + name
                    + "']\").dataset.version === '1.1.0'");
            assertEquals("1.1.0", admin.get("/extensions").json().at("/items/0/version").asText());
            browser.screenshot("admin-extensions");
            browser.assertAccessible("admin-extensions");
            browser.click("#rollback-" + name.replace('.', '-'));
            browser.await("the rollback", "return document.querySelector(\"tr[data-extension='" + name
                    + "']\").dataset.version === '1.0.0'");
            assertEquals("1.0.0", admin.get("/extensions").json().at("/items/0/version").asText());
            assertEquals("ACTIVE", admin.get("/extensions").json().at("/items/0/state").asText());
        }
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.signIn("kk-officer", PASSWORD);
            assertTrue(browser.findAll("nav a[href='/admin/extensions']").isEmpty());
            browser.open("/admin/extensions");
            assertEquals("403", browser.find("#problem").getAttribute("data-status"));
        }
    }

    @Test
    public void englishByTheSwitchAndUsableAt360PixelsWide() throws Exception {
        try (Browser browser = new Browser(workspace.port(), 360, 740)) {
            browser.signIn("cm-officer", PASSWORD);
            assertEquals("ภาพรวม: เชียงใหม่", browser.text("h1"));
            String arabic = browser.text("#figure-active");
            browser.click("#digits-switch");
            browser.await("Thai digits", "return /^[๐-๙,]+$/.test(document.getElementById('figure-active')"
                    + ".textContent.trim())");
            String thai = browser.text("#figure-active");
            assertEquals("the same figure in Thai digits", arabic, thai.chars().mapToObj(c -> String.valueOf(
                    c >= '๐' && c <= '๙' ? (char) ('0' + (c - '๐')) : (char) c)).collect(java.util.stream.Collectors
                    .joining()));
            browser.click("#digits-switch");
            browser.await("Arabic digits again", "return /^[0-9,]+$/.test(document.getElementById('figure-active')"
                    + ".textContent.trim())");
            browser.click("form[action='/language'] button");
            browser.await("the English page", "return document.documentElement.lang === 'en'");
            assertEquals("Dashboard: Chiang Mai", browser.text("h1"));
            browser.await("the map to be drawn", "return document.getElementById('province-map').dataset.rendered"
                    + " === 'true'");
            Number overflow = (Number) browser.script("return document.documentElement.scrollWidth - window.innerWidth;");
            assertTrue("the page fits 360 px without scrolling sideways: " + overflow, overflow.intValue() <= 0);
            browser.screenshot("dashboard-360-en");
            browser.assertAccessible("dashboard-360-en");
            browser.open("/volunteers");
            assertEquals("Volunteers", browser.text("h1"));
            Number listOverflow = (Number) browser.script(
                    "return document.documentElement.scrollWidth - window.innerWidth;");
            assertTrue("the list fits 360 px: " + listOverflow, listOverflow.intValue() <= 0);
            browser.screenshot("volunteers-360-en");
            browser.assertAccessible("volunteers-360-en");
        }
    }

    @Test
    public void aFormWithoutTheSessionsTokenOrFromAnotherSiteIsRefusedAndSignOutEndsTheSession() throws Exception {
        String id = admin.get("/volunteers?province=50&limit=1").json().get("items").get(0).get("id").asText();
        long version = admin.get("/volunteers/" + id).json().get("version").asLong();
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.signIn("cm-officer", PASSWORD);
            Cookie session = browser.driver().manage().getCookieNamed("apom-session");
            assertTrue("the session cookie is HttpOnly", session.isHttpOnly());
            assertEquals("Strict", session.getSameSite());
            String cookie = "apom-session=" + session.getValue();

            HttpResponse<String> noToken = workspace.post("/volunteers/" + id + "/verify", cookie, null, "");
            assertEquals(noToken.body(), 403, noToken.statusCode());
            HttpResponse<String> badToken = workspace.post("/volunteers/" + id + "/verify", cookie, null, "_csrf=guessed");
            assertEquals(403, badToken.statusCode());
            String token = (String) browser.script("return document.querySelector('input[name=_csrf]').value;");
            HttpResponse<String> otherSite = workspace.post("/volunteers/" + id + "/verify", cookie, "https://evil.example",
                    "_csrf=" + token);
            assertEquals(403, otherSite.statusCode());
            assertEquals("nothing was verified", version, admin.get("/volunteers/" + id).json().get("version").asLong());

            HttpResponse<String> withToken = workspace.post("/volunteers/" + id + "/verify", cookie, null, "_csrf=" + token);
            assertEquals(withToken.body(), 303, withToken.statusCode());
            assertEquals(version + 1, admin.get("/volunteers/" + id).json().get("version").asLong());

            browser.click("form[action='/sign-out'] button");
            browser.await("the sign-in page", "return location.pathname === '/sign-in'");
            HttpResponse<String> after = workspace.get("/", cookie);
            assertEquals("the old cookie opens nothing", 303, after.statusCode());
            assertTrue(after.headers().firstValue("Location").orElse("").startsWith("/sign-in"));
            assertNotEquals(cookie, "apom-session=" + browser.driver().manage().getCookieNamed("apom-session"));
        }
    }

    /**
     * The workspace as a province's office uses it: many people at once, each with a session of their own, reading
     * dashboards, lists and records and verifying records, with sign-ins arriving meanwhile. Every answer is the page
     * or the redirect it should be, and every verification is counted once.
     */
    @Test
    public void manyOfficersAtOnceReadAndVerifyWithoutAnErrorOrALostWrite() throws Exception {
        JsonNode records = admin.get("/volunteers?province=50&limit=40").json().get("items");
        int sessions = 8;
        List<Workspace.Session> signedIn = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            signedIn.add(workspace.signIn("cm-officer"));
        }
        // a second verification on the same day changes no field (and makes no version), but each one is audited
        Map<String, Integer> before = new java.util.HashMap<>();
        for (JsonNode r : records) {
            before.put(r.get("id").asText(), verifications(r.get("id").asText()));
        }
        int clients = 32;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        java.util.concurrent.ConcurrentLinkedQueue<String> wrong = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicInteger> verified =
                new java.util.concurrent.ConcurrentHashMap<>();
        List<java.util.concurrent.Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            work.add(pool.submit(() -> {
                for (int i = 0; i < 12; i++) {
                    Workspace.Session session = client == 0 && i % 4 == 0 ? workspace.signIn("cm-officer")
                            : signedIn.get((client + i) % sessions);
                    String id = records.get((client * 12 + i) % records.size()).get("id").asText();
                    HttpResponse<String> answer;
                    int expected;
                    switch (i % 4) {
                        case 0 -> { answer = workspace.get("/", session.cookie()); expected = 200; }
                        case 1 -> { answer = workspace.get("/volunteers?q=" + java.net.URLEncoder.encode(
                                records.get(i).get("lastName").asText(), java.nio.charset.StandardCharsets.UTF_8),
                                session.cookie()); expected = 200; }
                        case 2 -> { answer = workspace.get("/volunteers/" + id, session.cookie()); expected = 200; }
                        default -> {
                            answer = workspace.post("/volunteers/" + id + "/verify", session.cookie(), null, "_csrf=" + session.csrf());
                            expected = 303;
                            if (answer.statusCode() == 303) {
                                verified.computeIfAbsent(id, k -> new java.util.concurrent.atomic.AtomicInteger())
                                        .incrementAndGet();
                            }
                        }
                    }
                    if (answer.statusCode() != expected) {
                        wrong.add(answer.request().uri() + " " + answer.statusCode());
                    }
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : work) {
            f.get(300, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue("answers other than the page or the redirect: " + wrong, wrong.isEmpty());
        for (Map.Entry<String, java.util.concurrent.atomic.AtomicInteger> v : verified.entrySet()) {
            int expected = before.get(v.getKey()) + v.getValue().get();
            int seen = verifications(v.getKey());
            for (int i = 0; i < 40 && seen != expected; i++) {
                Thread.sleep(250); // the audit trail seals its entries a moment after the commit
                seen = verifications(v.getKey());
            }
            assertEquals("each verification of " + v.getKey() + " audited once", expected, seen);
        }
        assertEquals(clients * 3, verified.values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get)
                .sum());
    }

    private static int verifications(String id) throws Exception {
        int n = 0;
        for (JsonNode e : admin.get("/audit?entity=volunteer&id=" + id + "&actor=cm-officer&limit=500").json()
                .get("items")) {
            n += "volunteer.verify".equals(e.get("action").asText()) ? 1 : 0;
        }
        return n;
    }
}
