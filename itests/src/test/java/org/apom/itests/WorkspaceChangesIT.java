package org.apom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.OutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apom.itests.support.Browser;
import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;
import org.apom.itests.support.Workspace;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Changing the register from the workspace, in a real browser: an edit that meets someone else's change first and
 * shows both versions, an edit refused field by field, a status change with its reason and the record's history, and
 * a suspected duplicate merged or dismissed. Many officers editing the same records at once lose nothing either.
 */
public class WorkspaceChangesIT {

    private static final String PASSWORD = Workspace.PASSWORD;
    private static final AtomicInteger UNIQUE = new AtomicInteger(77_000);
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"([0-9]+)\"");

    private static Workspace workspace;
    private static Http admin;

    @BeforeClass
    public static void start() throws Exception {
        workspace = new Workspace("workspace-changes");
        admin = workspace.admin();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    public void anEditThatMeetsSomeoneElsesChangeShowsBothVersionsAndSavesTheChoice() throws Exception {
        String id = newVolunteer("50", "แก้ไข", "ชนกัน");
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.signIn("cm-officer", PASSWORD);
            browser.open("/volunteers/" + id);
            browser.click("#edit");
            browser.await("the form", "return document.getElementById('edit-form') !== null");
            browser.screenshot("volunteer-edit");
            browser.assertAccessible("volunteer-edit");

            // a colleague saves the record through the API while this officer still types
            HttpAnswer read = admin.get("/volunteers/" + id);
            HttpAnswer theirs = admin.copy().with("If-Match", read.header("ETag")).send("PATCH", "/volunteers/" + id,
                    "application/merge-patch+json", "{\"phone\": \"0811111111\", \"lastNameEn\": \"Colleague\"}");
            assertEquals(theirs.toString(), 200, theirs.status());

            browser.type("#f-phone", "0822222222");
            browser.type("#f-firstNameEn", "Somsri");
            browser.click("#save");
            browser.await("the conflict", "return document.getElementById('conflict') !== null");
            assertEquals("phone and both English names differ", "3",
                    browser.find("#conflict").getAttribute("data-conflicts"));
            // each side's value, and by default this officer's own where they typed one
            assertEquals("0811111111", browser.find("#theirs-phone").getAttribute("value"));
            assertEquals("0822222222", browser.find("#mine-phone").getAttribute("value"));
            assertTrue(browser.find("#mine-phone").isSelected());
            assertTrue(browser.find("#mine-firstNameEn").isSelected());
            assertTrue("the colleague's own change is kept unless the officer chooses otherwise",
                    browser.find("#theirs-lastNameEn").isSelected());
            browser.screenshot("volunteer-conflict");
            browser.assertAccessible("volunteer-conflict");

            browser.click("#theirs-phone");
            browser.click("#save-choice");
            browser.await("the record", "return document.getElementById('done') !== null");
            JsonNode after = admin.get("/volunteers/" + id).json();
            assertEquals("the colleague's phone, chosen", "0811111111", after.get("phone").asText());
            assertEquals("this officer's English first name", "Somsri", after.get("firstNameEn").asText());
            assertEquals("the colleague's English last name, untouched", "Colleague", after.get("lastNameEn").asText());
            assertEquals(read.json().get("version").asLong() + 2, after.get("version").asLong());
        }
    }

    @Test
    public void aBadEditIsRefusedFieldByFieldAndWritesNothing() throws Exception {
        String id = newVolunteer("50", "ผิด", "พลาด");
        long version = admin.get("/volunteers/" + id).json().get("version").asLong();
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.signIn("cm-officer", PASSWORD);
            browser.open("/volunteers/" + id + "/edit");
            browser.type("#f-firstName", " ");
            browser.type("#f-nationalId", "1234567890123");
            browser.type("#f-subdistrictCode", "999999");
            browser.click("#save");
            browser.await("the refusal", "return document.getElementById('edit-problem') !== null");
            for (String field : new String[] {"firstName", "nationalId", "subdistrictCode"}) {
                assertEquals(field, "true", browser.find("#f-" + field).getAttribute("aria-invalid"));
                assertFalse(field, browser.text("#e-" + field).isBlank());
            }
            assertEquals("what the officer typed stays in the form", "1234567890123",
                    browser.find("#f-nationalId").getAttribute("value"));
            browser.screenshot("volunteer-edit-refused");
            browser.assertAccessible("volunteer-edit-refused");
        }
        assertEquals("nothing was written", version, admin.get("/volunteers/" + id).json().get("version").asLong());

        // forms no browser sends: no version, a forged one, a value longer than any field
        Workspace.Session session = workspace.signIn("cm-officer");
        for (String form : new String[] {"firstName=x", "version=abc&firstName=x",
                "version=" + version + "&firstName=" + "ก".repeat(501)}) {
            HttpResponse<String> answer = workspace.post("/volunteers/" + id + "/edit", session.cookie(), null,
                    "_csrf=" + session.csrf() + "&" + form.replace("ก", URLEncoder.encode("ก", StandardCharsets.UTF_8)));
            assertTrue(form + " " + answer.statusCode(), answer.statusCode() == 400 || answer.statusCode() == 422);
        }
        assertEquals(version, admin.get("/volunteers/" + id).json().get("version").asLong());
        // another province's record cannot be edited, nor even seen
        String khonKaen = newVolunteer("40", "ขอนแก่น", "ห้ามแก้");
        HttpResponse<String> other = workspace.post("/volunteers/" + khonKaen + "/edit", session.cookie(), null,
                "_csrf=" + session.csrf() + "&version=0&firstName=x");
        assertEquals(404, other.statusCode());
        assertEquals("ขอนแก่น", admin.get("/volunteers/" + khonKaen).json().get("firstName").asText());
    }

    @Test
    public void aStatusChangeNeedsAReasonAndShowsInTheRecordsHistory() throws Exception {
        String id = newVolunteer("50", "สถานะ", "เปลี่ยน");
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.signIn("cm-officer", PASSWORD);
            browser.open("/volunteers/" + id);
            browser.script("document.getElementById('new-status').value = 'SUSPENDED';");
            browser.click("#change-status");
            browser.await("the refusal", "return document.getElementById('status-problem') !== null");
            assertEquals("ACTIVE", admin.get("/volunteers/" + id).json().get("status").asText());

            browser.script("document.getElementById('new-status').value = 'SUSPENDED';");
            browser.type("#reason", "ย้ายไปทำงานต่างประเทศชั่วคราว");
            browser.click("#change-status");
            browser.await("the change", "return document.getElementById('done') !== null");
            JsonNode after = admin.get("/volunteers/" + id).json();
            assertEquals("SUSPENDED", after.get("status").asText());
            assertEquals("ย้ายไปทำงานต่างประเทศชั่วคราว", after.get("statusReason").asText());

            browser.click("#history");
            browser.await("the history", "return document.getElementById('history-list') !== null");
            List<WebElement> entries = browser.findAll("#history-list > li");
            assertEquals("registered, then suspended", List.of("volunteer.create", "volunteer.status"),
                    entries.stream().map(e -> e.getAttribute("data-action")).toList());
            String status = entries.get(1).getText();
            assertTrue(status, status.contains("ACTIVE") && status.contains("SUSPENDED")
                    && status.contains("ย้ายไปทำงานต่างประเทศชั่วคราว") && status.contains("cm-officer"));
            assertFalse("personal data stays masked in the history", browser.driver().getPageSource()
                    .contains(admin.get("/volunteers/" + id).json().get("nationalId").asText()));
            browser.screenshot("volunteer-history");
            browser.assertAccessible("volunteer-history");
        }
    }

    @Test
    public void aSuspectedDuplicateIsComparedSideBySideThenMergedOrDismissed() throws Exception {
        String first = newVolunteer("50", "ซ้ำ", "สองครั้ง");
        String second = newVolunteer("50", "ซ้ำ", "สองครั้ง");
        String third = newVolunteer("50", "แฝด", "คนละคน");
        String fourth = newVolunteer("50", "แฝด", "คนละคน");
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.signIn("cm-officer", PASSWORD);
            browser.click("nav a[href='/duplicates']");
            browser.await("the list", "return document.getElementById('duplicate-table') !== null");
            String pair = "#duplicate-table tr[data-first='" + first + "'][data-second='" + second + "'], "
                    + "#duplicate-table tr[data-first='" + second + "'][data-second='" + first + "']";
            assertEquals(1, browser.findAll(pair).size());
            browser.screenshot("duplicates");
            browser.assertAccessible("duplicates");

            browser.click("#duplicate-table tr[data-first='" + browser.find(pair).getAttribute("data-first")
                    + "'] a");
            browser.await("the comparison", "return document.getElementById('compare-table') !== null");
            assertEquals("the national IDs differ", "true",
                    browser.find("#compare-table tr[data-key='nationalId']").getAttribute("data-differ"));
            assertEquals("the names are the same", "false",
                    browser.find("#compare-table tr[data-key='name']").getAttribute("data-differ"));
            browser.screenshot("duplicate");
            browser.assertAccessible("duplicate");

            // keep the second record: the first is merged into it
            browser.script("document.querySelector(\"input[name=keep][value='" + second + "']\").click();");
            browser.click("#merge");
            browser.await("the survivor", "return location.pathname === '/volunteers/" + second + "'");
            assertEquals(second, admin.get("/volunteers/" + first).json().get("mergedInto").asText());

            browser.open("/duplicates/" + third + "/" + fourth);
            browser.click("#dismiss");
            browser.await("the refusal", "return document.getElementById('duplicate-problem') !== null");
            browser.type("#dismiss-reason", "พี่น้องฝาแฝด ตรวจบัตรแล้ว");
            browser.click("#dismiss");
            browser.await("the list again", "return document.getElementById('done') !== null");
            assertTrue("the dismissed pair is no longer suspected", browser.findAll("tr[data-first='" + third
                    + "'], tr[data-second='" + third + "']").isEmpty());
        }
        // a merge of records that changed since they were compared is shown again, not done
        String fifth = newVolunteer("50", "เปลี่ยน", "ระหว่างรวม");
        String sixth = newVolunteer("50", "เปลี่ยน", "ระหว่างรวม");
        Workspace.Session session = workspace.signIn("cm-officer");
        long stale = admin.get("/volunteers/" + fifth).json().get("version").asLong();
        long sixthVersion = admin.get("/volunteers/" + sixth).json().get("version").asLong();
        assertEquals(303, workspace.post("/volunteers/" + fifth + "/verify", session.cookie(), null,
                "_csrf=" + session.csrf()).statusCode());
        HttpResponse<String> merge = workspace.post("/duplicates/" + fifth + "/" + sixth + "/merge", session.cookie(),
                null, "_csrf=" + session.csrf() + "&keep=" + fifth + "&version." + fifth + "=" + stale + "&version."
                        + sixth + "=" + sixthVersion);
        assertEquals(409, merge.statusCode());
        assertTrue(admin.get("/volunteers/" + sixth).json().path("mergedInto").isNull());
    }

    @Test
    public void aNominationIsMovedAlongByTwoRolesAndTheDossierDownloads() throws Exception {
        HttpAnswer created = admin.post("/users", "{\"username\": \"cm-admin\", \"password\": \"" + PASSWORD
                + "\", \"roles\": [\"province-admin\"], \"province\": \"50\"}");
        assertEquals(created.toString(), 201, created.status());
        String year = Integer.toString(org.apom.core.api.FiscalYear.of(java.time.LocalDate.now(
                java.time.ZoneId.of("Asia/Bangkok"))).buddhistYear());
        // the demo's nominations come after its networks: one in each state in Chiang Mai
        JsonNode submitted = null;
        JsonNode draft = null;
        for (int i = 0; i < 900 && (submitted == null || draft == null); i++) {
            for (JsonNode n : admin.get("/nominations?fiscalYear=" + year + "&province=50&limit=500").json()
                    .get("items")) {
                if (n.get("awardCode").asText().equals("DIREKGUNABHORN")) {
                    continue;
                }
                submitted = "SUBMITTED".equals(n.get("status").asText()) ? n : submitted;
                draft = "DRAFT".equals(n.get("status").asText()) ? n : draft;
            }
            if (submitted == null || draft == null) {
                Thread.sleep(500);
            }
        }
        assertTrue("the demo's nominations", submitted != null && draft != null);
        String id = submitted.get("id").asText();
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.signIn("cm-officer", PASSWORD);
            browser.open("/nominations/" + id);
            assertTrue("an officer may not endorse", browser.findAll("#transition-form").isEmpty());
            browser.open("/nominations/" + draft.get("id").asText());
            assertEquals(List.of("withdraw"), browser.findAll("#transition-form button[name=action]").stream()
                    .map(b -> b.getAttribute("value")).toList());
            browser.click("#action-withdraw");
            browser.await("the refusal", "return document.getElementById('nomination-problem') !== null");
            assertEquals("DRAFT", admin.get("/nominations/" + draft.get("id").asText()).json().get("status").asText());
        }
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.signIn("cm-admin", PASSWORD);
            browser.click("nav a[href='/nominations']");
            browser.await("the list", "return document.getElementById('nomination-table') !== null");
            browser.screenshot("nominations");
            browser.assertAccessible("nominations");
            browser.open("/nominations/" + id);
            browser.type("#comment", "ผลงานโดดเด่นตลอดปี");
            browser.click("#action-endorse");
            browser.await("the endorsement", "return document.getElementById('done') !== null");
            assertEquals("ENDORSED", browser.find("#nomination").getAttribute("data-status"));
            assertTrue("once endorsed, approving is the ministry's", browser.findAll("#action-approve").isEmpty());
            browser.screenshot("nomination-endorsed");
            browser.assertAccessible("nomination-endorsed");
        }
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.signIn("admin", PASSWORD);
            browser.open("/nominations/" + id);
            browser.click("#action-approve");
            browser.await("the approval", "return document.getElementById('done') !== null");
            assertEquals("APPROVED", browser.find("#nomination").getAttribute("data-status"));
        }
        JsonNode after = admin.get("/nominations/" + id).json();
        assertEquals("APPROVED", after.get("status").asText());
        JsonNode history = after.get("history");
        JsonNode endorse = history.get(history.size() - 2);
        JsonNode approve = history.get(history.size() - 1);
        assertEquals("cm-admin", endorse.get("by").asText());
        assertEquals("ผลงานโดดเด่นตลอดปี", endorse.get("comment").asText());
        assertEquals("admin", approve.get("by").asText());

        // the dossier, as a browser downloads it with its session
        Workspace.Session session = workspace.signIn("admin");
        HttpResponse<byte[]> pdf = workspace.download("/nominations/dossier?year=" + year + "&format=pdf",
                session.cookie());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        HttpResponse<byte[]> csv = workspace.download("/nominations/dossier?year=" + year + "&format=csv",
                session.cookie());
        HttpAnswer api = admin.copy().with("Accept", "text/csv").get("/nominations/dossier?fiscalYear=" + year);
        assertEquals("the same dossier as the API's", api.body(), new String(csv.body(), StandardCharsets.UTF_8));
    }

    /**
     * Twenty-four officers edit the same six records at once, each from the form they read: every answer is a saved
     * edit (303) or the conflict page (409), never an error, and each saved edit is in the record's history once.
     */
    @Test
    public void manyOfficersEditingTheSameRecordsAtOnceLoseNothing() throws Exception {
        List<String> ids = new ArrayList<>();
        Map<String, Long> created = new ConcurrentHashMap<>();
        for (int i = 0; i < 6; i++) {
            ids.add(newVolunteer("50", "พร้อมกัน", "แก้" + "กขคงจฉ".charAt(i)));
            created.put(ids.get(i), admin.get("/volunteers/" + ids.get(i)).json().get("version").asLong());
        }
        List<Workspace.Session> sessions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sessions.add(workspace.signIn("cm-officer"));
        }
        int clients = 24;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> saved = new ConcurrentHashMap<>();
        AtomicLong conflicts = new AtomicLong();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            work.add(pool.submit(() -> {
                for (int i = 0; i < 4; i++) {
                    Workspace.Session session = sessions.get((client + i) % sessions.size());
                    String id = ids.get((client + i) % ids.size());
                    HttpResponse<String> form = workspace.get("/volunteers/" + id + "/edit", session.cookie());
                    Matcher version = VERSION.matcher(form.body());
                    if (form.statusCode() != 200 || !version.find()) {
                        wrong.add("form " + id + " " + form.statusCode());
                        continue;
                    }
                    // an English name is letters only: one of its own for each client and turn
                    String name = "Officer" + (char) ('A' + client) + (char) ('a' + i);
                    HttpResponse<String> answer = workspace.post("/volunteers/" + id + "/edit", session.cookie(), null,
                            "_csrf=" + session.csrf() + "&version=" + version.group(1) + "&" + fields(form.body(),
                                    "firstNameEn", name));
                    if (answer.statusCode() == 303) {
                        saved.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    } else if (answer.statusCode() == 409 && answer.body().contains("id=\"conflict\"")) {
                        conflicts.incrementAndGet();
                    } else {
                        wrong.add(id + " " + answer.statusCode());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get(300, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue("answers other than saved or the conflict page: " + wrong, wrong.isEmpty());
        assertEquals(clients * 4, saved.values().stream().mapToInt(AtomicInteger::get).sum() + conflicts.get());
        for (String id : ids) {
            int expected = saved.getOrDefault(id, new AtomicInteger()).get();
            int seen = updates(id);
            for (int i = 0; i < 40 && seen != expected; i++) {
                Thread.sleep(250); // the audit trail seals its entries a moment after the commit
                seen = updates(id);
            }
            assertEquals("each saved edit of " + id + " audited once", expected, seen);
            assertEquals("the record's version counts every saved edit", created.get(id) + expected,
                    admin.get("/volunteers/" + id).json().get("version").asLong());
            assertNotEquals("", admin.get("/volunteers/" + id).json().path("firstNameEn").asText(""));
        }
    }

    /** The edit form's fields as the browser would send them, with one changed. */
    private static String fields(String page, String changed, String value) {
        StringBuilder form = new StringBuilder();
        Matcher input = Pattern.compile("<input id=\"f-([A-Za-z]+)\" name=\"\\1\" type=\"[a-z]+\" value=\"([^\"]*)\"")
                .matcher(page);
        Matcher was = Pattern.compile("name=\"was\\.([A-Za-z]+)\" value=\"([^\"]*)\"").matcher(page);
        while (input.find()) {
            String v = input.group(1).equals(changed) ? value : input.group(2);
            form.append('&').append(input.group(1)).append('=').append(URLEncoder.encode(unescape(v),
                    StandardCharsets.UTF_8));
        }
        while (was.find()) {
            form.append("&was.").append(was.group(1)).append('=').append(URLEncoder.encode(unescape(was.group(2)),
                    StandardCharsets.UTF_8));
        }
        Matcher gender = Pattern.compile("<option value=\"([A-Z]+)\" selected>").matcher(page);
        if (gender.find()) {
            form.append("&gender=").append(gender.group(1));
        }
        return form.substring(1);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static int updates(String id) throws Exception {
        int n = 0;
        for (JsonNode e : admin.get("/audit?entity=volunteer&id=" + id + "&limit=500").json().get("items")) {
            n += "volunteer.update".equals(e.get("action").asText()) ? 1 : 0;
        }
        return n;
    }

    /** A new record of the province, born on 1 Jan 1980, with a national ID of its own. */
    /**
     * An officer nominates a volunteer from the record: the form refuses a missing justification field by field and
     * creates nothing, then drafts the nomination, which the API shows as the officer's draft.
     */
    @Test
    public void anOfficerNominatesAnEligibleVolunteerFromTheRecord() throws Exception {
        String year = Integer.toString(org.apom.core.api.FiscalYear.of(java.time.LocalDate.now(
                java.time.ZoneId.of("Asia/Bangkok"))).buddhistYear());
        String volunteer = null;
        String award = null;
        // eligibility rests on the demo's activities, loaded after the register: its nominations come last
        for (int i = 0; i < 360 && admin.get("/nominations?fiscalYear=" + year + "&province=50&limit=1").json()
                .get("items").isEmpty(); i++) {
            Thread.sleep(500);
        }
        for (JsonNode v : admin.get("/volunteers?province=50&limit=300").json().get("items")) {
            for (JsonNode e : admin.get("/volunteers/" + v.get("id").asText() + "/eligibility?fiscalYear=" + year)
                    .json().get("items")) {
                if (e.get("eligible").asBoolean() && !"DIREKGUNABHORN".equals(e.get("awardCode").asText())) {
                    volunteer = v.get("id").asText();
                    award = e.get("awardCode").asText();
                }
            }
            if (volunteer != null) {
                break;
            }
        }
        assertTrue("the demo register has an eligible volunteer in Chiang Mai", volunteer != null);
        String query = "/nominations?fiscalYear=" + year + "&province=50&limit=500";
        long before = nominationsOf(query, volunteer);
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.signIn("cm-officer", PASSWORD);
            browser.open("/volunteers/" + volunteer);
            browser.click("#nominate");
            browser.await("the form", "return document.getElementById('draft-form') !== null");
            browser.script("document.getElementById('award').value = arguments[0];", award);
            browser.click("#draft");
            browser.await("the refusal", "return document.getElementById('e-justification') !== null");
            assertEquals("true", browser.find("#justification").getAttribute("aria-invalid"));
            assertEquals("nothing drafted", before, nominationsOf(query, volunteer));
            browser.screenshot("nomination-new");
            browser.assertAccessible("nomination-new");
            browser.type("#justification", "ดูแลผู้สูงอายุในตำบลต่อเนื่องสามปี");
            browser.click("#draft");
            browser.await("the draft", "return document.getElementById('nomination') !== null");
            assertEquals("DRAFT", browser.find("#nomination").getAttribute("data-status"));
            String id = browser.path().substring("/nominations/".length());
            JsonNode drafted = admin.get("/nominations/" + id).json();
            assertEquals(volunteer, drafted.get("volunteerId").asText());
            assertEquals(award, drafted.get("awardCode").asText());
            assertEquals("ดูแลผู้สูงอายุในตำบลต่อเนื่องสามปี", drafted.get("justification").asText());
            assertEquals("cm-officer", drafted.get("history").get(0).get("by").asText());
        }
        // a province officer of 40 cannot nominate a volunteer of 50 by editing the address
        Workspace.Session kk = workspace.signIn("kk-officer");
        assertEquals(404, workspace.get("/volunteers/" + volunteer + "/nominate", kk.cookie()).statusCode());
        assertEquals(404, workspace.post("/volunteers/" + volunteer + "/nominate", kk.cookie(), null, "_csrf="
                + kk.csrf() + "&award=" + award + "&year=" + year + "&justification=x").statusCode());
    }

    /**
     * An officer sends the province's workbook (.xlsx) with two bad rows among 2,000: the page's bar follows the
     * import to its end by itself, the refused rows show with their sheet rows, columns and reasons, and the file of
     * refused rows, fixed and sent again, goes in. Another province's officer cannot open the import.
     */
    @Test
    public void aWorkbookWithBadRowsIsImportedAndItsRefusedRowsComeBackToFix() throws Exception {
        int rows = 2_000;
        Path workbook = Files.createTempFile("register-", ".xlsx");
        String badId = AccessMatrixIT.nationalId(420_000 + rows).substring(0, 12) + "0";
        badId = badId.equals(AccessMatrixIT.nationalId(420_000 + rows)) ? badId.substring(0, 12) + "1" : badId;
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(workbook)) {
            Sheet sheet = book.createSheet("ทะเบียน อพม.");
            String[] header = {"national_id", "title", "first_name", "last_name", "birth_date", "gender",
                    "subdistrict_code", "phone", "address"};
            Row top = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                top.createCell(c).setCellValue(header[c]);
            }
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("d/m/yyyy"));
            for (int i = 0; i < rows + 2; i++) {
                Row row = sheet.createRow(i + 1);
                String id = i == rows ? badId : AccessMatrixIT.nationalId(420_000 + i);
                row.createCell(0).setCellValue(Double.parseDouble(id)); // typed as a number, as Excel keeps it
                row.createCell(1).setCellValue("นาง");
                row.createCell(2).setCellValue("แถว");
                row.createCell(3).setCellValue("ที่" + thaiNumber(i));
                row.createCell(4).setCellValue(java.time.LocalDate.of(1970 + i % 30, 1 + i % 12, 1 + i % 28));
                row.getCell(4).setCellStyle(date);
                row.createCell(5).setCellValue("FEMALE");
                row.createCell(6).setCellValue("500101");
                row.createCell(7).setCellValue(i == rows + 1 ? "12" : "0812345678");
                row.createCell(8).setCellValue(i + " หมู่ 2");
            }
            book.write(out);
        }
        String importId;
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.signIn("cm-officer", PASSWORD);
            browser.click("nav a[href='/imports']");
            browser.await("the imports page", "return document.getElementById('upload') !== null");
            browser.screenshot("imports");
            browser.assertAccessible("imports");
            browser.click("#start-import");
            assertEquals("the browser asks for a file first", "/imports", browser.path());

            browser.find("#import-file").sendKeys(workbook.toAbsolutePath().toString());
            browser.click("#start-import");
            browser.await("the import's page", "return document.getElementById('progress') !== null");
            importId = browser.path().substring("/imports/".length());
            assertNotEquals("the page came before the end, so its bar moves by itself", "DONE",
                    browser.find("#progress").getAttribute("data-status"));
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(120))
                    .withMessage("the import's end").until(d -> "DONE".equals(((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("var p = document.getElementById('progress');"
                                    + " return p && p.getAttribute('data-status');"))
                            && !d.findElements(org.openqa.selenium.By.id("error-table")).isEmpty());
            assertEquals(Integer.toString(rows + 2), browser.find("#import-progress").getAttribute("value"));
            assertEquals(String.format(java.util.Locale.US, "%,d", rows), browser.text("#accepted-count"));
            assertEquals("2", browser.text("#rejected-count"));
            List<String> errors = browser.findAll("#error-table tbody tr").stream()
                    .map(tr -> tr.findElement(org.openqa.selenium.By.tagName("th")).getText() + " "
                            + tr.findElements(org.openqa.selenium.By.tagName("td")).get(0).getText()).toList();
            assertEquals("the sheet's rows, and the columns", List.of(String.format(java.util.Locale.US, "%,d national_id", rows + 2),
                    String.format(java.util.Locale.US, "%,d phone", rows + 3)), errors);
            browser.screenshot("import");
            browser.assertAccessible("import");
        }
        JsonNode report = admin.get("/volunteers/imports/" + importId).json();
        assertEquals(rows, report.get("accepted").asInt());
        assertEquals("cm-officer", report.get("createdBy").asText());

        // the refused rows, as the officer downloads them
        Workspace.Session session = workspace.signIn("cm-officer");
        HttpResponse<byte[]> file = workspace.download("/imports/" + importId + "/rejected", session.cookie());
        assertEquals(200, file.statusCode());
        String refused = new String(file.body(), StandardCharsets.UTF_8);
        String[] lines = refused.split("\r\n");
        assertEquals(refused, 3, lines.length);
        assertEquals("\uFEFFnational_id,title,first_name,last_name,birth_date,gender,subdistrict_code,phone,address,"
                + "import_errors", lines[0]);
        assertTrue(lines[1], lines[1].startsWith(badId + ",นาง,แถว,ที่" + thaiNumber(rows) + ","));
        assertTrue(lines[1], lines[1].contains(",บรรทัด " + (rows + 2) + "; national_id: "));
        assertTrue(lines[2], lines[2].contains(",12,") && lines[2].contains("; phone: "));

        // fixed and sent again, the errors column still in it
        String fixedId = AccessMatrixIT.nationalId(420_000 + rows);
        Path fixed = Files.writeString(Files.createTempFile("refused-fixed-", ".csv"),
                refused.replace(badId, fixedId).replace(",12,", ",0898765432,"), StandardCharsets.UTF_8);
        try (Browser browser = new Browser(workspace.port(), 1366, 768)) {
            browser.signIn("cm-officer", PASSWORD);
            browser.open("/imports");
            browser.find("#import-file").sendKeys(fixed.toAbsolutePath().toString());
            browser.click("#start-import");
            browser.await("the import's page", "return document.getElementById('progress') !== null");
            String again = browser.path().substring("/imports/".length());
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
                    .withMessage("the second import's end").until(d -> "DONE".equals(
                            ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                                    "var p = document.getElementById('progress'); return p && p.getAttribute('data-status');")));
            JsonNode second = admin.get("/volunteers/imports/" + again).json();
            assertEquals(second.toString(), 2, second.get("accepted").asInt());
            assertEquals(0, second.get("unknownColumns").size());
        }
        assertEquals(1, admin.get("/volunteers?q=" + fixedId).json().get("items").size());

        // bad files are refused on the form, with nothing queued; another province's officer finds nothing
        int before = admin.get("/volunteers/imports?limit=100").json().get("items").size();
        HttpResponse<String> notAWorkbook = upload(session, "broken.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        assertEquals(422, notAWorkbook.statusCode());
        assertTrue(notAWorkbook.body(), notAWorkbook.body().contains("id=\"import-problem\""));
        assertEquals(422, upload(session, "empty.csv", new byte[0]).statusCode());
        assertEquals(before, admin.get("/volunteers/imports?limit=100").json().get("items").size());
        Workspace.Session kk = workspace.signIn("kk-officer");
        assertEquals(404, workspace.get("/imports/" + importId, kk.cookie()).statusCode());
        assertEquals(404, workspace.download("/imports/" + importId + "/rejected", kk.cookie()).statusCode());
    }

    /** How many of the nominations the query finds are the volunteer's (the demo may still be adding others). */
    private static long nominationsOf(String query, String volunteer) throws Exception {
        long count = 0;
        for (JsonNode n : admin.get(query).json().get("items")) {
            count += volunteer.equals(n.get("volunteerId").asText()) ? 1 : 0;
        }
        return count;
    }

    /** Posts a file as the upload form does. */
    private static HttpResponse<String> upload(Workspace.Session session, String name, byte[] content)
            throws Exception {
        String boundary = "----apom" + UNIQUE.incrementAndGet();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + session.csrf()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return workspace.post("/imports", session.cookie(), "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    /** A surname per row, in Thai letters only (the register refuses digits in names). */
    private static String thaiNumber(int n) {
        String letters = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ";
        StringBuilder name = new StringBuilder();
        do {
            name.append(letters.charAt(n % letters.length()));
            n /= letters.length();
        } while (n > 0);
        return name.toString();
    }

    private static String newVolunteer(String province, String firstName, String lastName) throws Exception {
        HttpAnswer created = admin.post("/volunteers", "{\"nationalId\": \""
                + AccessMatrixIT.nationalId(UNIQUE.incrementAndGet()) + "\", \"title\": \"นาง\", \"firstName\": \""
                + firstName + "\", \"lastName\": \"" + lastName + "\", \"birthDate\": \"1980-01-01\", \"gender\": "
                + "\"FEMALE\", \"phone\": \"0899999999\", \"subdistrictCode\": \"" + province + "0101\", "
                + "\"address\": \"1 หมู่ 1\", \"registeredOn\": \"2024-01-15\"}");
        assertEquals(created.toString(), 201, created.status());
        return created.json().get("id").asText();
    }
}
