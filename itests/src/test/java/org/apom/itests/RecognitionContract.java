package org.apom.itests;

import static org.apom.itests.PlatformContract.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.apom.core.api.FiscalYear;
import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.AtOnce;
import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;
import org.apom.itests.support.PdfPages;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Recognition as provinces and the ministry use it, over real HTTP in the real container, with the shipped rules and
 * quotas (etc/org.apom.recognition.cfg): the catalogue, eligibility with its reasons, a nomination moved from a
 * province officer's draft to the ministry's conferral by the roles allowed (403 for others, 409 for a move the state
 * does not allow), the honour pin becoming possible once the national award is conferred, one open nomination per
 * person, and a quota that holds while a province's admins submit at once. Volunteers here were registered in 2015
 * and took part in an activity in each of the three fiscal years before this one, whose nominations these are.
 * On the embedded database ({@link RecognitionIT}) and on PostgreSQL ({@link PostgresRecognitionIT}).
 */
public abstract class RecognitionContract extends ApomContainerTest {

    private static final AtomicInteger UNIQUE = new AtomicInteger(930_000);
    private static final String PASSWORD = "a long enough passphrase";
    /** The fiscal year under way in Thailand; the activities are of the three before it. */
    private static final FiscalYear THIS_YEAR = FiscalYear.of(LocalDate.now(ZoneId.of("Asia/Bangkok")));
    private static final String YEAR = THIS_YEAR.toString();

    /** How the subclass points the platform at its database; none for the embedded default. */
    protected List<Option> databaseOptions() {
        return List.of();
    }

    @Override
    protected List<Option> extraOptions() {
        List<Option> options = new ArrayList<>(databaseOptions());
        // a network of four members, graded any tier, is ready to register here: readiness is what is tested, not
        // the shipped thresholds (ReadinessRulesTest weighs those)
        options.add(editConfigurationFilePut("etc/org.apom.recognition.cfg", "organisationMinMembers", "4"));
        options.add(editConfigurationFilePut("etc/org.apom.recognition.cfg", "organisationTiers", "A,B,C"));
        return options;
    }

    @Test
    public void aNominationMovesFromTheProvincesDraftToTheMinistrysConferral() throws Exception {
        Http central = asAdmin();
        Http officer = person("rec-officer-50", "province-officer", "50");
        Http admin = person("rec-admin-50", "province-admin", "50");
        Http otherAdmin = person("rec-admin-40", "province-admin", "40");
        List<String> people = servingVolunteers(officer, 2);
        String v1 = people.get(0);

        JsonNode awards = officer.get("/awards").json().get("items");
        Map<String, JsonNode> byCode = new TreeMap<>();
        awards.forEach(a -> byCode.put(a.get("code").asText(), a));
        assertTrue(byCode.keySet().toString(), byCode.keySet().containsAll(List.of("OUTSTANDING_PROVINCIAL",
                "OUTSTANDING_NATIONAL", "HONOUR_PIN", "HONOUR_PLAQUE", "DIREKGUNABHORN")));
        assertEquals("เข็มเชิดชูเกียรติ", byCode.get("HONOUR_PIN").get("name").get("th").asText());
        assertEquals(7, byCode.get("DIREKGUNABHORN").get("classes").size());
        assertEquals("SILVER_MEDAL", byCode.get("DIREKGUNABHORN").get("classes").get(0).get("code").asText());

        Map<String, JsonNode> eligible = eligibility(officer, v1);
        assertTrue(eligible.get("OUTSTANDING_NATIONAL").toString(), eligible.get("OUTSTANDING_NATIONAL")
                .get("eligible").asBoolean());
        assertEquals(List.of("NOT_NATIONAL_OUTSTANDING"), reasons(eligible.get("HONOUR_PIN")));
        assertEquals("SILVER_MEDAL", eligible.get("DIREKGUNABHORN").get("awardClass").asText());
        assertProblem(otherAdmin.get("/volunteers/" + v1 + "/eligibility?fiscalYear=" + YEAR), 404, "not-found");
        assertProblem(officer.get("/volunteers/" + v1 + "/eligibility?fiscalYear=25x0"), 400, "invalid-parameter");

        HttpAnswer drafted = officer.post("/nominations", nomination("OUTSTANDING_NATIONAL", v1));
        assertEquals(drafted.toString(), 201, drafted.status());
        String id = drafted.json().get("id").asText();
        assertTrue(drafted.header("Location").endsWith("/nominations/" + id));
        assertEquals("DRAFT", drafted.json().get("status").asText());
        assertProblem(officer.post("/nominations", nomination("OUTSTANDING_NATIONAL", v1)), 409, "nomination-open");
        assertEquals(List.of("PENDING_NOMINATION"), reasons(eligibility(officer, v1).get("OUTSTANDING_NATIONAL")));

        // each role its own moves: 403 for a role that may not, 409 for a move the state does not allow
        assertProblem(move(officer, id, "submit"), 403, "forbidden");
        assertProblem(move(admin, id, "endorse"), 409, "illegal-transition");
        assertProblem(move(otherAdmin, id, "submit"), 404, "not-found");
        assertEquals("SUBMITTED", ok(move(admin, id, "submit")).get("status").asText());
        assertEquals("ENDORSED", ok(move(admin, id, "endorse")).get("status").asText());
        assertProblem(move(admin, id, "approve"), 403, "forbidden");
        assertProblem(move(admin, id, "reject"), 403, "forbidden");
        assertEquals("APPROVED", ok(move(central, id, "approve")).get("status").asText());
        String day = THIS_YEAR.start().plusDays(2).toString();
        JsonNode conferred = ok(central.post("/nominations/" + id + "/transitions", "{\"action\": \"confer\", "
                + "\"conferredOn\": \"" + day + "\", \"gazetteReference\": "
                + "\"ราชกิจจานุเบกษา เล่ม 143 ตอนพิเศษ 1 ข\"}"));
        assertEquals("CONFERRED", conferred.get("status").asText());
        assertEquals(day, conferred.get("conferredOn").asText());
        assertEquals(5, conferred.get("history").size());
        assertEquals("rec-admin-50", conferred.get("history").get(1).get("by").asText());
        assertProblem(move(central, id, "withdraw"), 409, "illegal-transition");

        JsonNode honours = officer.get("/volunteers/" + v1 + "/awards").json().get("items");
        assertEquals(1, honours.size());
        assertEquals("OUTSTANDING_NATIONAL", honours.get(0).get("awardCode").asText());
        assertEquals(id, honours.get(0).get("nominationId").asText());

        // the pin becomes possible once the national award is conferred
        assertTrue(eligibility(officer, v1).get("HONOUR_PIN").get("eligible").asBoolean());
        assertEquals(201, officer.post("/nominations", nomination("HONOUR_PIN", v1)).status());

        // the shipped quota of OUTSTANDING_NATIONAL is one a province a year, and the conferred one holds it
        String second = ok(officer.post("/nominations", nomination("OUTSTANDING_NATIONAL", people.get(1))))
                .get("id").asText();
        assertProblem(move(admin, second, "submit"), 409, "quota-reached");
        JsonNode pipeline = find(officer.get("/nominations/summary?fiscalYear=" + YEAR).json().get("items"),
                "OUTSTANDING_NATIONAL");
        assertEquals(1, pipeline.get("quota").asInt());
        assertEquals(1, pipeline.get("quotaUsed").asInt());
        assertEquals(1, pipeline.get("byStatus").get("CONFERRED").asInt());
        assertEquals(1, pipeline.get("byStatus").get("DRAFT").asInt());
        assertProblem(officer.get("/nominations/summary?province=40"), 404, "not-found");

        JsonNode listed = central.get("/nominations?fiscalYear=" + YEAR + "&province=50&status=CONFERRED").json();
        assertEquals(1, listed.get("items").size());
        assertEquals(0, otherAdmin.get("/nominations?fiscalYear=" + YEAR).json().get("items").size());

        // every move on the trail and in the change feed
        awaitAuditSealed();
        String trail = central.get("/audit?entity=nomination&id=" + id + "&limit=500").body();
        for (String action : List.of("nomination.create", "nomination.submit", "nomination.endorse",
                "nomination.approve", "nomination.confer")) {
            assertTrue(action + " in " + trail, trail.contains("\"" + action + "\""));
        }
        String feed = officer.get("/changes?types=nomination,honour&limit=500").body();
        assertTrue(feed, feed.contains(id) && feed.contains(honours.get(0).get("id").asText()));
    }

    @Test
    public void badInputIsAnsweredFieldByFieldAndNeverHalfDone() throws Exception {
        Http officer = person("rec-officer-50b", "province-officer", "50");
        Http central = asAdmin();
        String v = servingVolunteers(officer, 1).get(0);
        HttpAnswer wrong = officer.post("/nominations", "{\"awardCode\": \"pin\", \"fiscalYear\": 2400, "
                + "\"justification\": \"\"}");
        assertProblem(wrong, 422, "validation");
        assertEquals(Set.of("awardCode", "volunteerId", "fiscalYear", "justification"), fields(wrong));
        assertEquals(Set.of("awardCode"), fields(officer.post("/nominations", nomination("NO_SUCH_AWARD", v))));
        assertEquals(Set.of("fiscalYear"), fields(officer.post("/nominations", "{\"awardCode\": \"HONOUR_PLAQUE\", "
                + "\"volunteerId\": \"" + v + "\", \"fiscalYear\": " + THIS_YEAR.previous()
                + ", \"justification\": \"เก่า\"}")));
        assertEquals(Set.of("awardClass"), fields(officer.post("/nominations", "{\"awardCode\": \"DIREKGUNABHORN\", "
                + "\"volunteerId\": \"" + v + "\", \"fiscalYear\": " + YEAR + ", \"awardClass\": \"FIRST_CLASS\", "
                + "\"justification\": \"ข้ามชั้น\"}")));
        // registered in 2015, the volunteer has the plaque's ten years; the pin asks for the national award first
        HttpAnswer notEligible = officer.post("/nominations", nomination("HONOUR_PIN", v));
        assertProblem(notEligible, 422, "not-eligible");
        assertEquals("NOT_NATIONAL_OUTSTANDING", notEligible.json().get("errors").get(0).get("code").asText());
        assertProblem(officer.send("POST", "/nominations", "application/json", "{\"awardCode\": 5"), 400,
                "malformed-json");
        String id = ok(officer.post("/nominations", nomination("HONOUR_PLAQUE", v))).get("id").asText();
        assertEquals(Set.of("action"), fields(officer.post("/nominations/" + id + "/transitions",
                "{\"action\": \"fly\"}")));
        assertEquals(Set.of("comment"), fields(officer.post("/nominations/" + id + "/transitions",
                "{\"action\": \"withdraw\"}")));
        assertProblem(officer.get("/nominations?status=LOST"), 400, "invalid-parameter");
        assertProblem(officer.get("/nominations/no-such-id"), 404, "not-found");
        // nothing of a refused request stays: the plaque's nomination is still one draft
        assertEquals(1, officer.get("/nominations?awardCode=HONOUR_PLAQUE").json().get("items").size());
        assertEquals("DRAFT", officer.get("/nominations/" + id).json().get("status").asText());
        // honours from before the platform: the ministry's records only; a class four years ago is too recent
        FiscalYear before = FiscalYear.of(THIS_YEAR.buddhistYear() - 4);
        String earlier = "{\"awardCode\": \"DIREKGUNABHORN\", \"awardClass\": \"SILVER_MEDAL\", \"fiscalYear\": "
                + before + ", \"conferredOn\": \"" + before.start().plusMonths(9) + "\"}";
        assertProblem(officer.post("/volunteers/" + v + "/awards", earlier), 403,
                "forbidden");
        HttpAnswer recorded = central.post("/volunteers/" + v + "/awards", earlier);
        assertEquals(recorded.toString(), 201, recorded.status());
        assertEquals(List.of("CLASS_TOO_SOON"), reasons(eligibility(officer, v).get("DIREKGUNABHORN")));
        assertProblem(central.post("/volunteers/" + v + "/awards", earlier), 409,
                "already-recorded");
    }

    @Test
    public void aProvincesAdminsSubmittingAtOnceNeverPassTheQuota() throws Exception {
        Http officer = person("rec-officer-50c", "province-officer", "50");
        Http admin = person("rec-admin-50c", "province-admin", "50");
        List<String> people = servingVolunteers(officer, 16);
        List<String> ids = new ArrayList<>();
        for (String v : people) {
            ids.add(ok(officer.post("/nominations", nomination("OUTSTANDING_PROVINCIAL", v))).get("id").asText());
        }
        // 16 submissions for a quota of 10, with reads of the pipeline and the lists between them
        List<Callable<HttpAnswer>> calls = new ArrayList<>();
        for (String id : ids) {
            calls.add(() -> move(admin.copy(), id, "submit"));
            calls.add(() -> officer.copy().get("/nominations/summary?fiscalYear=" + YEAR));
        }
        List<HttpAnswer> answers = AtOnce.run(calls);
        Map<Integer, Integer> submitted = new TreeMap<>();
        for (int i = 0; i < answers.size(); i += 2) {
            submitted.merge(answers.get(i).status(), 1, Integer::sum);
            assertEquals(answers.get(i + 1).toString(), 200, answers.get(i + 1).status());
        }
        assertEquals(answers.toString(), Map.of(200, 10, 409, 6), submitted);
        JsonNode pipeline = find(officer.get("/nominations/summary?fiscalYear=" + YEAR).json().get("items"),
                "OUTSTANDING_PROVINCIAL");
        assertEquals(10, pipeline.get("quotaUsed").asInt());
        assertEquals(10, pipeline.get("byStatus").get("SUBMITTED").asInt());
        assertEquals(6, pipeline.get("byStatus").get("DRAFT").asInt());
        // a place given back is a place to take
        String rejected = firstIn(admin, ids, "SUBMITTED");
        assertEquals("REJECTED", ok(admin.post("/nominations/" + rejected + "/transitions",
                "{\"action\": \"reject\", \"comment\": \"ไม่ผ่านการคัดเลือกของจังหวัด\"}")).get("status").asText());
        String waiting = firstIn(admin, ids, "DRAFT");
        assertEquals("SUBMITTED", ok(move(admin, waiting, "submit")).get("status").asText());
    }

    @Test
    public void aNetworkRegistersAsAnOrganisationOnceReadyAndTheGradingCountsIt() throws Exception {
        Http officer = person("rec-officer-50d", "province-officer", "50");
        Http central = asAdmin();
        List<String> people = servingVolunteers(officer, 4);
        String network = lastNetwork;
        JsonNode before = registration(officer, network, "PUBLIC_BENEFIT");
        assertEquals("NOT_STARTED", before.get("status").asText());
        assertEquals("องค์กรสาธารณประโยชน์", before.get("kindName").get("th").asText());
        assertEquals(List.of("NO_COMMITTEE", "NOT_GRADED"), missing(before));

        assertEquals("PREPARING", ok(officer.send("PUT", "/networks/" + network + "/registration/PUBLIC_BENEFIT",
                "application/json", "{\"status\": \"PREPARING\"}")).get("status").asText());
        assertProblem(officer.send("PUT", "/networks/" + network + "/registration/PUBLIC_BENEFIT", "application/json",
                "{\"status\": \"REGISTERED\", \"registrationNumber\": \"1\", \"registeredOn\": \"2026-01-01\", "
                        + "\"registeringBody\": \"พมจ.\"}"), 409, "illegal-transition");
        HttpAnswer notReady = officer.send("PUT", "/networks/" + network + "/registration/PUBLIC_BENEFIT",
                "application/json", "{\"status\": \"SUBMITTED\"}");
        assertProblem(notReady, 422, "not-ready");
        assertEquals("NO_COMMITTEE", notReady.json().get("errors").get(0).get("code").asText());
        assertProblem(officer.send("PUT", "/networks/" + network + "/registration/CHARITY", "application/json",
                "{\"status\": \"PREPARING\"}"), 404, "not-found");
        assertProblem(person("rec-officer-40d", "province-officer", "40").get("/networks/" + network
                + "/registration"), 404, "not-found");

        // a committee in term with every officer, and a grading: ready
        assertEquals(200, officer.copy().with("If-Match", "*").send("PUT", "/networks/" + network + "/committee",
                "application/json", "{\"termStart\": \"2024-01-01\", \"termEnd\": \"2028-12-31\", \"seats\": ["
                        + seat(people.get(0), "CHAIR") + ", " + seat(people.get(1), "VICE_CHAIR") + ", "
                        + seat(people.get(2), "SECRETARY") + ", " + seat(people.get(3), "TREASURER") + "]}").status());
        assertEquals("DONE", grade(central).get("status").asText());
        assertTrue(registration(officer, network, "PUBLIC_BENEFIT").get("readiness").get("ready").asBoolean());
        assertEquals("SUBMITTED", ok(officer.send("PUT", "/networks/" + network + "/registration/PUBLIC_BENEFIT",
                "application/json", "{\"status\": \"SUBMITTED\"}")).get("status").asText());
        assertEquals(Set.of("registrationNumber", "registeredOn", "registeringBody"), fields(officer.send("PUT",
                "/networks/" + network + "/registration/PUBLIC_BENEFIT", "application/json",
                "{\"status\": \"REGISTERED\"}")));
        // granted before it was asked for: it would count in years past
        assertEquals(Set.of("registeredOn"), fields(officer.send("PUT", "/networks/" + network
                + "/registration/PUBLIC_BENEFIT", "application/json", "{\"status\": \"REGISTERED\", "
                + "\"registrationNumber\": \"1\", \"registeredOn\": \"2020-01-01\", \"registeringBody\": \"พมจ.\"}")));
        JsonNode registered = ok(officer.send("PUT", "/networks/" + network + "/registration/PUBLIC_BENEFIT",
                "application/json", "{\"status\": \"REGISTERED\", \"registrationNumber\": \"สป. 12/2569\", "
                        + "\"registeredOn\": \"" + LocalDate.now(ZoneId.of("Asia/Bangkok"))
                        + "\", \"registeringBody\": \"สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงใหม่\"}"));
        assertEquals("REGISTERED", registered.get("status").asText());
        assertEquals("สป. 12/2569", registered.get("registrationNumber").asText());
        assertEquals("NOT_STARTED", registration(officer, network, "COMMUNITY_WELFARE").get("status").asText());

        // the grading's criterion reads it
        assertEquals("DONE", grade(central).get("status").asText());
        JsonNode criterion = null;
        for (JsonNode a : central.get("/networks/" + network + "/assessments?fiscalYear=" + YEAR).json()
                .get("items")) {
            if (a.get("current").asBoolean()) {
                for (JsonNode c : a.get("criteria")) {
                    if (c.get("code").asText().equals("REGISTERED_ORGANISATION")) {
                        criterion = c;
                    }
                }
            }
        }
        assertTrue(String.valueOf(criterion), criterion != null && criterion.get("score").asDouble() == 100);
        awaitAuditSealed();
        String feed = officer.get("/changes?types=registration&limit=500").body();
        assertTrue(feed, feed.contains(network + "/PUBLIC_BENEFIT"));
    }

    @Test
    public void theDirekgunabhornDossierHoldsWhatTheProvinceEndorsedAsCsvAndAsAThaiPdf() throws Exception {
        Http officer = person("rec-officer-50e", "province-officer", "50");
        Http admin = person("rec-admin-50e", "province-admin", "50");
        Http central = asAdmin();
        List<String> people = servingVolunteers(officer, 2);
        // the first holds the lowest class from six years ago: the dossier shows it, and the next is asked for
        FiscalYear earlier = FiscalYear.of(THIS_YEAR.buddhistYear() - 6);
        assertEquals(201, central.post("/volunteers/" + people.get(0) + "/awards", "{\"awardCode\": "
                + "\"DIREKGUNABHORN\", \"awardClass\": \"SILVER_MEDAL\", \"fiscalYear\": " + earlier
                + ", \"conferredOn\": \"" + earlier.start().plusMonths(9) + "\", \"gazetteReference\": "
                + "\"เล่ม 137 ตอนที่ 12 ข\"}").status());
        String endorsed = ok(officer.post("/nominations", nomination("DIREKGUNABHORN", people.get(0)))).get("id")
                .asText();
        String submitted = ok(officer.post("/nominations", nomination("DIREKGUNABHORN", people.get(1)))).get("id")
                .asText();
        ok(move(admin, endorsed, "submit"));
        ok(admin.post("/nominations/" + endorsed + "/transitions", "{\"action\": \"endorse\", \"comment\": "
                + "\"จังหวัดเชียงใหม่รับรองความประพฤติ\"}"));
        ok(move(admin, submitted, "submit"));
        String query = "/nominations/dossier?fiscalYear=" + YEAR + "&province=50";

        HttpAnswer csv = central.copy().with("Accept", "text/csv").get(query);
        assertEquals(csv.toString(), 200, csv.status());
        assertTrue(csv.contentType(), csv.contentType().startsWith("text/csv"));
        assertEquals("attachment; filename=\"apom-direkgunabhorn-" + YEAR + "-50.csv\"",
                csv.header("Content-Disposition"));
        assertTrue(csv.body().startsWith("\uFEFFnomination_id,province,province_name,fiscal_year,status,"));
        String row = line(csv.body(), endorsed);
        for (String expected : List.of(people.get(0), ",50,เชียงใหม่," + YEAR + ",ENDORSED,", ",นาง,บุญมี,ใจงาม,",
                ",SILVER_MEDAL,เหรียญเงินดิเรกคุณาภรณ์ (ร.ง.ภ.)," + earlier + ",เล่ม 137 ตอนที่ 12 ข,GOLD_MEDAL,",
                "rec-admin-50e", "จังหวัดเชียงใหม่รับรองความประพฤติ", "เครือข่ายเกียรติยศ")) {
            assertTrue(expected + " in " + row, row.contains(expected));
        }
        // by default only what a province endorsed; the province's own list of submissions on asking
        assertFalse(csv.body(), csv.body().contains(submitted));
        HttpAnswer asked = admin.copy().with("Accept", "text/csv").get(query + "&status=SUBMITTED");
        assertTrue(asked.toString(), asked.body().contains(submitted) && !asked.body().contains(endorsed));

        Http.Download pdf = central.copy().with("Accept", "application/pdf").download(query);
        assertEquals(pdf.answer().toString(), 200, pdf.answer().status());
        assertEquals("application/pdf", pdf.answer().contentType());
        PdfPages read = PdfPages.read("dossier-" + endorsed, pdf.bytes());
        long rows = csv.body().lines().count() - 1;
        assertEquals("a cover page, then one page per nominee", rows + 1, read.pages().size());
        int page = -1;
        for (int p = 1; p < read.pages().size(); p++) {
            page = read.pages().get(p).contains(endorsed) ? p : page;
            assertFalse(read.pages().get(p), read.pages().get(p).contains(submitted));
        }
        assertTrue("the endorsed nominee's page", page > 0);
        String content = read.pages().get(page);
        // the Thai exactly as a reader copies it from the page, marks and all
        for (String expected : List.of("นางบุญมี ใจงาม", "จังหวัดเชียงใหม่", "เหรียญเงินดิเรกคุณาภรณ์ (ร.ง.ภ.)",
                "ปีงบประมาณ " + earlier, "เหรียญทองดิเรกคุณาภรณ์ (ร.ท.ภ.)", "รับรองโดย rec-admin-50e",
                "จังหวัดเชียงใหม่รับรองความประพฤติ", "ทำงานเพื่อชุมชนอย่างต่อเนื่อง")) {
            assertTrue(expected + " on the page:\n" + content, content.contains(expected));
        }
        assertTrue("the fonts are embedded", read.fontsEmbedded());
        // rendered as a reader's screen shows it (itests/target/pdf-pages/), the page is not blank
        assertTrue("ink on the nominee's page: " + read.ink(), read.ink().get(page) > 0.01);

        // another province's admin gets an empty dossier; a role without the rights, 403; bad input, 400 or 406
        HttpAnswer other = person("rec-admin-40e", "province-admin", "40").copy().with("Accept", "text/csv")
                .get(query);
        assertEquals(other.toString(), 1, other.body().lines().count());
        HttpAnswer auditor = asAdmin().post("/users", "{\"username\": \"rec-auditor-e\", \"password\": \""
                + PASSWORD + "\", \"roles\": [\"auditor\"]}");
        assertTrue(auditor.toString(), auditor.status() == 201 || auditor.status() == 409);
        assertProblem(http().as("rec-auditor-e", PASSWORD).get(query), 403, "forbidden");
        assertProblem(central.get(query + "&status=LOST"), 400, "invalid-parameter");
        assertProblem(central.get("/nominations/dossier?fiscalYear=two"), 400, "invalid-parameter");
        assertProblem(central.copy().with("Accept", "application/json").get(query), 406, "not-acceptable");
        awaitAuditSealed();
        assertTrue(central.get("/audit?entity=nomination-dossier&limit=500").body().contains("nomination.dossier"));
    }

    private static String line(String csv, String id) {
        return csv.lines().filter(l -> l.startsWith(id + ",")).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + csv));
    }

    private String lastNetwork;

    private JsonNode grade(Http central) throws Exception {
        HttpAnswer started = central.post("/tiering/runs", "{\"fiscalYear\": " + YEAR + ", \"province\": \"50\"}");
        assertEquals(started.toString(), 202, started.status());
        JsonNode run = started.json();
        for (int i = 0; i < 600 && List.of("QUEUED", "RUNNING").contains(run.get("status").asText()); i++) {
            Thread.sleep(100);
            run = central.get("/tiering/runs/" + run.get("id").asText()).json();
        }
        return run;
    }

    private static JsonNode registration(Http as, String network, String kind) throws Exception {
        HttpAnswer answer = as.get("/networks/" + network + "/registration");
        assertEquals(answer.toString(), 200, answer.status());
        for (JsonNode r : answer.json().get("items")) {
            if (r.get("kind").asText().equals(kind)) {
                return r;
            }
        }
        throw new AssertionError(kind + " not in " + answer);
    }

    private static List<String> missing(JsonNode registration) {
        List<String> codes = new ArrayList<>();
        registration.get("readiness").get("missing").forEach(m -> codes.add(m.get("code").asText()));
        return codes;
    }

    private static String seat(String volunteer, String position) {
        return "{\"volunteerId\": \"" + volunteer + "\", \"position\": \"" + position + "\"}";
    }

    /** Volunteers of subdistrict 500101 registered in 2015, members of one network, active in the last 3 years. */
    private List<String> servingVolunteers(Http officer, int count) throws Exception {
        HttpAnswer made = officer.post("/networks", "{\"name\": \"เครือข่ายเกียรติยศ " + UNIQUE.incrementAndGet()
                + "\", \"level\": \"SUBDISTRICT\", \"areaCode\": \"500101\", \"foundedOn\": \"1/1/2560\"}");
        assertEquals(made.toString(), 201, made.status());
        String net = made.json().get("id").asText();
        lastNetwork = net;
        List<String> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpAnswer created = officer.post("/volunteers", "{\"nationalId\": \"" + AccessMatrixIT.nationalId(
                    UNIQUE.incrementAndGet()) + "\", \"title\": \"นาง\", \"firstName\": \"บุญมี\", \"lastName\": "
                    + "\"ใจงาม\", \"birthDate\": \"1970-05-05\", \"gender\": \"FEMALE\", \"subdistrictCode\": "
                    + "\"500101\", \"registeredOn\": \"2015-01-01\"}");
            assertEquals(created.toString(), 201, created.status());
            String v = created.json().get("id").asText();
            assertEquals(201, officer.post("/networks/" + net + "/members", "{\"volunteerId\": \"" + v
                    + "\", \"since\": \"2020-01-01\"}").status());
            people.add(v);
        }
        for (int back = 3; back >= 1; back--) {
            String day = FiscalYear.of(THIS_YEAR.buddhistYear() - back).start().plusMonths(8).toString();
            HttpAnswer activity = officer.post("/networks/" + net + "/activities", "{\"date\": \"" + day
                    + "\", \"kind\": \"HOME_VISIT\", \"title\": \"เยี่ยมบ้านผู้สูงอายุ\", \"participants\": [\""
                    + String.join("\", \"", people) + "\"], \"beneficiaries\": 5, \"hours\": 3}");
            assertEquals(activity.toString(), 201, activity.status());
        }
        return people;
    }

    private static String firstIn(Http as, List<String> ids, String status) throws Exception {
        for (String id : ids) {
            if (as.get("/nominations/" + id).json().get("status").asText().equals(status)) {
                return id;
            }
        }
        throw new AssertionError("no nomination is " + status);
    }

    private static String nomination(String award, String volunteer) {
        return "{\"awardCode\": \"" + award + "\", \"volunteerId\": \"" + volunteer + "\", \"fiscalYear\": " + YEAR
                + ", \"justification\": \"ทำงานเพื่อชุมชนอย่างต่อเนื่อง เยี่ยมบ้านผู้สูงอายุทุกเดือน\"}";
    }

    private static HttpAnswer move(Http as, String id, String action) throws Exception {
        return as.post("/nominations/" + id + "/transitions", "{\"action\": \"" + action + "\", \"comment\": "
                + "\"ตามมติที่ประชุม\"}");
    }

    private static JsonNode ok(HttpAnswer answer) {
        assertTrue(answer.toString(), answer.status() == 200 || answer.status() == 201);
        return answer.json();
    }

    private static Map<String, JsonNode> eligibility(Http as, String volunteer) throws Exception {
        HttpAnswer answer = as.get("/volunteers/" + volunteer + "/eligibility?fiscalYear=" + YEAR);
        assertEquals(answer.toString(), 200, answer.status());
        Map<String, JsonNode> byCode = new TreeMap<>();
        answer.json().get("items").forEach(e -> byCode.put(e.get("awardCode").asText(), e));
        return byCode;
    }

    private static List<String> reasons(JsonNode eligibility) {
        assertFalse(eligibility.toString(), eligibility.get("eligible").asBoolean());
        List<String> codes = new ArrayList<>();
        eligibility.get("reasons").forEach(r -> codes.add(r.get("code").asText()));
        return codes;
    }

    private static JsonNode find(JsonNode pipelines, String award) {
        for (JsonNode p : pipelines) {
            if (p.get("province").asText().equals("50") && p.get("awardCode").asText().equals(award)) {
                return p;
            }
        }
        throw new AssertionError(award + " not in " + pipelines);
    }

    private static Set<String> fields(HttpAnswer answer) {
        assertProblem(answer, 422, "validation");
        Set<String> fields = new HashSet<>();
        answer.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private Http person(String username, String role, String province) throws Exception {
        HttpAnswer created = asAdmin().post("/users", "{\"username\": \"" + username + "\", \"password\": \""
                + PASSWORD + "\", \"roles\": [\"" + role + "\"], \"province\": \"" + province + "\"}");
        assertTrue(created.toString(), created.status() == 201 || created.status() == 409);
        return http().as(username, PASSWORD);
    }
}
