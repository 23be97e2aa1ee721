package org.apom.itests;

import static org.apom.itests.PlatformContract.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.AtOnce;
import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;
import org.apom.tiering.api.CriterionResult;
import org.apom.tiering.api.NetworkFacts;
import org.apom.tiering.api.TierCriterion;
import org.apom.tiering.api.TieredNetwork;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Networks as a province's officers keep them, over real HTTP in the real container: networks at every level in their
 * areas, members who live there, a committee of members replaced with its history kept, and activities of members;
 * every write audited and told by the change feed; bad input answered field by field; and many officers at once
 * neither doubling nor losing anything. Then their grading: a busy, well-run network above an idle one, each criterion
 * explained, criteria that come and go between runs, one that fails without sinking the run, a change of
 * configuration that never rewrites a result, and a central admin's tier beside the computed one. On the embedded
 * database ({@link NetworksIT}) and on PostgreSQL ({@link PostgresNetworksIT}).
 */
public abstract class NetworksContract extends ApomContainerTest {

    @Inject
    private BundleContext context;
    @Inject
    private ConfigurationAdmin configurations;

    /** How the subclass points the platform at its database; none for the embedded default. */
    protected List<Option> databaseOptions() {
        return List.of();
    }

    @Override
    protected List<Option> extraOptions() {
        return databaseOptions();
    }

    private static final AtomicInteger UNIQUE = new AtomicInteger(880_000);
    private static final String PASSWORD = "a long enough passphrase";

    @Test
    public void networksLiveAtTheirLevelInTheirArea() throws Exception {
        Http admin = asAdmin();
        Http officer = person("net-officer-50", "province-officer", "50");
        for (String[] level : new String[][] {{"SUBDISTRICT", "500101"}, {"DISTRICT", "5001"}, {"PROVINCE", "50"}}) {
            HttpAnswer created = officer.post("/networks", network("เครือข่าย " + level[0] + " " + UNIQUE.incrementAndGet(),
                    level[0], level[1]));
            assertEquals(created.toString(), 201, created.status());
            assertEquals("50", created.json().get("province").asText());
            assertEquals(level[1], created.json().get("areaCode").asText());
            assertTrue(created.header("Location").endsWith("/networks/" + created.json().get("id").asText()));
        }
        HttpAnswer national = admin.post("/networks", "{\"name\": \"เครือข่ายระดับชาติ " + UNIQUE.incrementAndGet()
                + "\", \"level\": \"NATIONAL\"}");
        assertEquals(national.toString(), 201, national.status());
        assertTrue(national.json().get("province").isNull());
        String nationalId = national.json().get("id").asText();
        assertProblem(officer.get("/networks/" + nationalId), 404, "not-found");
        assertProblem(officer.post("/networks", "{\"name\": \"ชาติ\", \"level\": \"NATIONAL\"}"), 403, "forbidden");
        assertProblem(officer.post("/networks", network("เชียงใหม่นอกเขต", "PROVINCE", "40")), 403, "forbidden");

        // every wrong field at once, each with its code
        HttpAnswer wrong = officer.post("/networks", "{\"name\": \"\", \"level\": \"VILLAGE\", \"foundedOn\": \"2030-01-01\"}");
        assertProblem(wrong, 422, "validation");
        assertEquals(Set.of("name", "level", "foundedOn"), fields(wrong));
        assertEquals(Set.of("areaCode"), fields(officer.post("/networks", network("อำเภอผิด", "DISTRICT", "500101"))));
        assertEquals(Set.of("areaCode"), fields(officer.post("/networks", network("ไม่มีอำเภอ", "DISTRICT", "5099"))));
        assertProblem(officer.send("POST", "/networks", "application/json", "{\"name\": 5"), 400, "malformed-json");

        String name = "เครือข่ายซ้ำ " + UNIQUE.incrementAndGet();
        assertEquals(201, officer.post("/networks", network(name, "SUBDISTRICT", "500101")).status());
        assertProblem(officer.post("/networks", network(" " + name + " ", "SUBDISTRICT", "500101")), 409,
                "duplicate-network");

        // a correction needs the version read; level and area do not change
        HttpAnswer made = officer.post("/networks", network("ชื่อเดิม " + UNIQUE.incrementAndGet(), "DISTRICT", "5001"));
        String id = made.json().get("id").asText();
        assertProblem(officer.send("PATCH", "/networks/" + id, "application/merge-patch+json", "{\"name\": \"ใหม่\"}"),
                428, "precondition-required");
        HttpAnswer renamed = officer.copy().with("If-Match", made.header("ETag")).send("PATCH", "/networks/" + id,
                "application/merge-patch+json", "{\"name\": \"ชื่อใหม่ " + UNIQUE.incrementAndGet() + "\"}");
        assertEquals(renamed.toString(), 200, renamed.status());
        assertProblem(person("net-officer-50", "province-officer", "50").with("If-Match", made.header("ETag"))
                .send("PATCH", "/networks/" + id, "application/merge-patch+json", "{\"name\": \"อีกชื่อ\"}"), 412,
                "precondition-failed");
        assertEquals(Set.of("level"), fields(officer.copy().with("If-Match", "*").send("PATCH", "/networks/" + id,
                "application/merge-patch+json", "{\"level\": \"PROVINCE\"}")));

        JsonNode listed = officer.get("/networks?level=DISTRICT&areaCode=5001&limit=500").json();
        assertTrue(listed.get("items").size() >= 2);
        for (JsonNode n : listed.get("items")) {
            assertEquals("DISTRICT", n.get("level").asText());
        }
        assertEquals(0, officer.get("/networks?province=40").json().get("items").size());
        assertProblem(officer.get("/networks?level=VILLAGE"), 400, "invalid-parameter");
    }

    @Test
    public void membersCommitteesAndActivitiesKeepTheirRules() throws Exception {
        Http officer = person("net-officer-50b", "province-officer", "50");
        String net = officer.post("/networks", network("ตำบลศรีภูมิ " + UNIQUE.incrementAndGet(), "SUBDISTRICT",
                "500101", "1/1/2560")).json().get("id").asText();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(volunteer(officer, "500101"));
        }
        for (String v : people) {
            HttpAnswer joined = officer.post("/networks/" + net + "/members", "{\"volunteerId\": \"" + v
                    + "\", \"since\": \"1/1/2567\"}");
            assertEquals(joined.toString(), 201, joined.status());
            assertEquals("2024-01-01", joined.json().get("since").asText());
        }
        assertProblem(officer.post("/networks/" + net + "/members", "{\"volunteerId\": \"" + people.get(0) + "\"}"), 409,
                "already-member");
        String elsewhere = volunteer(officer, "500102");
        assertEquals(List.of("outside-area"), codes(officer.post("/networks/" + net + "/members",
                "{\"volunteerId\": \"" + elsewhere + "\"}")));
        String suspended = volunteer(officer, "500101");
        officer.post("/volunteers/" + suspended + "/status", "{\"status\": \"SUSPENDED\", \"reason\": \"ลาพัก\"}");
        assertEquals(List.of("not-active"), codes(officer.post("/networks/" + net + "/members",
                "{\"volunteerId\": \"" + suspended + "\"}")));
        assertEquals(List.of("unknown-volunteer"), codes(officer.post("/networks/" + net + "/members",
                "{\"volunteerId\": \"no-such-volunteer\"}")));
        assertEquals(5, officer.get("/networks/" + net).json().get("memberCount").asInt());

        // the committee: members only, one chair, replaced with history kept, one appointment per reading
        String committee = "{\"termStart\": \"2024-01-01\", \"termEnd\": \"2027-12-31\", \"seats\": ["
                + seat(people.get(0), "CHAIR") + "," + seat(people.get(1), "SECRETARY") + ","
                + seat(people.get(2), "MEMBER") + "]}";
        assertProblem(officer.send("PUT", "/networks/" + net + "/committee", "application/json", committee), 428,
                "precondition-required");
        assertProblem(officer.get("/networks/" + net + "/committee"), 404, "no-committee");
        HttpAnswer first = officer.copy().with("If-Match", "*").send("PUT", "/networks/" + net + "/committee",
                "application/json", committee);
        assertEquals(first.toString(), 200, first.status());
        assertEquals("\"1\"", first.header("ETag"));
        assertEquals(Set.of("seats[1].volunteerId"), fields(officer.copy().with("If-Match", "\"1\"").send("PUT", "/networks/"
                + net + "/committee", "application/json", "{\"termStart\": \"2024-01-01\", \"termEnd\": \"2027-12-31\", "
                + "\"seats\": [" + seat(people.get(0), "CHAIR") + "," + seat(elsewhere, "MEMBER") + "]}")));
        assertEquals(List.of("twice", "no-chair"), codes(officer.copy().with("If-Match", "\"1\"").send("PUT", "/networks/" + net
                + "/committee", "application/json", "{\"termStart\": \"2024-01-01\", \"termEnd\": \"2027-12-31\", "
                + "\"seats\": [" + seat(people.get(0), "TREASURER") + "," + seat(people.get(1), "TREASURER") + "]}")));
        assertProblem(officer.send("DELETE", "/networks/" + net + "/members/" + people.get(2), null, null), 409,
                "on-committee");
        String second = "{\"termStart\": \"2025-01-01\", \"termEnd\": \"2028-12-31\", \"seats\": ["
                + seat(people.get(3), "CHAIR") + "," + seat(people.get(4), "TREASURER") + "]}";
        List<HttpAnswer> answers = parallel(8, () -> officer.copy().with("If-Match", "\"1\"").send("PUT",
                "/networks/" + net + "/committee", "application/json", second));
        assertEquals(answers.toString(), Map.of(200, 1, 412, 7), byStatus(answers));
        JsonNode history = officer.get("/networks/" + net + "/committees").json().get("items");
        assertEquals(2, history.size());
        assertTrue(history.get(0).get("replacedAt").isNull());
        assertTrue(history.get(1).get("replacedAt").isTextual());
        assertEquals(people.get(3), officer.get("/networks/" + net + "/committee").json().get("seats").get(0)
                .get("volunteerId").asText());

        // a member who leaves stays in history; activities name members of that day only
        HttpAnswer left = officer.send("DELETE", "/networks/" + net + "/members/" + people.get(2)
                + "?until=2025-06-30&reason=%E0%B8%A2%E0%B9%89%E0%B8%B2%E0%B8%A2", null, null);
        assertEquals(left.toString(), 200, left.status());
        assertEquals("2025-06-30", left.json().get("until").asText());
        assertEquals(4, officer.get("/networks/" + net).json().get("memberCount").asInt());
        assertEquals(5, officer.get("/networks/" + net + "/members?history=true").json().get("items").size());
        assertEquals(1, officer.get("/networks/" + net + "/members/" + people.get(2)).json().get("items").size());

        HttpAnswer visit = officer.post("/networks/" + net + "/activities", activity("2025-07-01", "HOME_VISIT",
                "เยี่ยมบ้านผู้สูงอายุ", List.of(people.get(0), people.get(2)), 12, "2.5"));
        assertEquals(List.of("not-a-member"), codes(visit));
        assertEquals(Set.of("participants[1]"), fields(visit));
        HttpAnswer recorded = officer.post("/networks/" + net + "/activities", activity("1/7/2568", "HOME_VISIT",
                "เยี่ยมบ้านผู้สูงอายุ", List.of(people.get(0), people.get(1)), 12, "2.5"));
        assertEquals(recorded.toString(), 201, recorded.status());
        assertEquals("2025-07-01", recorded.json().get("date").asText());
        assertEquals(2.5, recorded.json().get("hours").asDouble(), 0);
        assertProblem(officer.post("/networks/" + net + "/activities", activity("2025-07-01", "HOME_VISIT",
                " เยี่ยมบ้านผู้สูงอายุ ", List.of(people.get(0)), 1, "1")), 409, "duplicate-activity");
        HttpAnswer bad = officer.post("/networks/" + net + "/activities", activity("2030-01-01", "PICNIC", "",
                List.of(people.get(0), people.get(0)), -1, "25"));
        assertEquals(Set.of("date", "kind", "title", "participants[1]", "beneficiaries", "hours"), fields(bad));
        String activityUrl = recorded.header("Location").substring(recorded.header("Location").indexOf("/networks/"));
        assertEquals(2, officer.get(activityUrl).json().get("participants").size());

        // the catalogue is central IT's
        assertTrue(officer.get("/activity-kinds").json().get("items").toString().contains("HOME_VISIT"));
        String code = "KIND_" + UNIQUE.incrementAndGet();
        String kind = "{\"code\": \"" + code + "\", \"nameTh\": \"ปลูกป่า\", \"nameEn\": \"Tree planting\"}";
        assertProblem(officer.post("/activity-kinds", kind), 403, "forbidden");
        assertEquals(201, asAdmin().post("/activity-kinds", kind).status());
        assertProblem(asAdmin().post("/activity-kinds", kind), 409, "duplicate-kind");
        assertEquals(Set.of("code"), fields(asAdmin().post("/activity-kinds", "{\"code\": \"bad code\", \"nameTh\": "
                + "\"ก\", \"nameEn\": \"A\"}")));
        assertEquals(201, officer.post("/networks/" + net + "/activities", activity("2025-08-01", code, "ปลูกป่าชุมชน",
                List.of(people.get(0)), 0, "3")).status());

        // every write is on the trail, and the change feed tells of the network and its activities
        awaitAuditSealed();
        String trail = asAdmin().get("/audit?entity=network&id=" + net + "&limit=500").body();
        for (String action : List.of("network.create", "network.member-join", "network.member-leave",
                "network.committee")) {
            assertTrue(action + " in " + trail, trail.contains("\"" + action + "\""));
        }
        JsonNode feed = readFeed(officer, "network,activity");
        assertTrue(feed.toString(), feed.toString().contains(net));
        assertTrue(feed.toString(), feed.toString().contains(recorded.json().get("id").asText()));
        assertProblem(officer.get("/changes?types=network,unicorn"), 400, "invalid-parameter");
    }

    @Test
    public void manyOfficersAtOnceLoseAndDoubleNothing() throws Exception {
        Http officer = person("net-officer-50c", "province-officer", "50");
        String net = officer.post("/networks", network("เครือข่ายงานหนัก " + UNIQUE.incrementAndGet(), "DISTRICT", "5001",
                "1/1/2560")).json().get("id").asText();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(volunteer(officer, "500101"));
        }
        // the same volunteer joined by eight officers at once: one membership
        List<HttpAnswer> joins = parallel(8, () -> officer.copy().post("/networks/" + net + "/members",
                "{\"volunteerId\": \"" + people.get(0) + "\", \"since\": \"2024-01-01\"}"));
        assertEquals(joins.toString(), Map.of(201, 1, 409, 7), byStatus(joins));
        for (String v : people.subList(1, people.size())) {
            assertEquals(201, officer.post("/networks/" + net + "/members", "{\"volunteerId\": \"" + v
                    + "\", \"since\": \"2024-01-01\"}").status());
        }
        // 24 callers: distinct activities, the same activity eight times over, and reads, all at once
        AtomicInteger n = new AtomicInteger();
        List<Callable<HttpAnswer>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(() -> officer.copy().post("/networks/" + net + "/activities", activity("2025-03-01", "MEETING",
                    "ประชุมครั้งที่ " + n.incrementAndGet(), people, 0, "1.5")));
        }
        for (int i = 0; i < 8; i++) {
            calls.add(() -> officer.copy().post("/networks/" + net + "/activities", activity("2025-03-02", "TRAINING",
                    "อบรมร่วม", people, 30, "6")));
        }
        for (int i = 0; i < 8; i++) {
            calls.add(() -> officer.copy().get("/networks/" + net + "/activities?limit=500"));
        }
        List<HttpAnswer> answers = AtOnce.run(calls);
        Map<Integer, Integer> writes = byStatus(answers.subList(0, 24));
        assertEquals(answers.toString(), Map.of(201, 17, 409, 7), writes);
        for (HttpAnswer read : answers.subList(24, answers.size())) {
            assertEquals(read.toString(), 200, read.status());
        }
        JsonNode all = officer.get("/networks/" + net + "/activities?limit=500").json().get("items");
        assertEquals(17, all.size());
        for (JsonNode a : all) {
            assertEquals(people.size(), a.get("participantCount").asInt());
            assertTrue("a list names how many took part, not who", a.get("participants").isNull());
        }
        // newest first, and the cursor walks the rest without a gap or a repeat
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = officer.get("/networks/" + net + "/activities?limit=5"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(a -> assertTrue(seen.add(a.get("id").asText())));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertEquals(17, seen.size());
    }

    @Test
    public void activitiesArriveAsASpreadsheetInThaiEncodingAndSayWhatTheyRefused() throws Exception {
        Http officer = person("net-officer-50d", "province-officer", "50");
        String net = officer.post("/networks", network("เครือข่ายแฟ้ม " + UNIQUE.incrementAndGet(), "SUBDISTRICT",
                "500101", "1/1/2560")).json().get("id").asText();
        List<String> nationalIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String nationalId = AccessMatrixIT.nationalId(UNIQUE.incrementAndGet());
            HttpAnswer created = officer.post("/volunteers", "{\"nationalId\": \"" + nationalId + "\", \"title\": "
                    + "\"นาย\", \"firstName\": \"สมชาย\", \"lastName\": \"ขยัน\", \"birthDate\": \"1975-01-01\", "
                    + "\"gender\": \"MALE\", \"subdistrictCode\": \"500101\"}");
            assertEquals(201, officer.post("/networks/" + net + "/members", "{\"volunteerId\": \""
                    + created.json().get("id").asText() + "\", \"since\": \"2020-01-01\"}").status());
            nationalIds.add(nationalId);
        }
        String csv = "date,kind,title,participants,beneficiaries,hours\r\n"
                + "1/10/2568,HOME_VISIT,เยี่ยมบ้านผู้สูงอายุ,\"" + nationalIds.get(0) + "; " + nationalIds.get(1) + "\",4,2\r\n"
                + "2/10/2568,HOME_VISIT,เยี่ยมบ้าน,\"" + nationalIds.get(2) + "\",1,25\r\n"
                + "3/10/2568,MEETING,ประชุมประจำเดือน,\"" + String.join(" ", nationalIds) + "\",,๑.๕\r\n";
        byte[] tis620 = csv.getBytes(java.nio.charset.Charset.forName("x-windows-874"));
        HttpAnswer started = officer.sendBytes("POST", "/networks/" + net + "/activities/imports", "text/csv", tis620);
        assertEquals(started.toString(), 202, started.status());
        String location = started.header("Location").substring(started.header("Location").indexOf("/networks/"));
        JsonNode report = null;
        for (int i = 0; i < 300; i++) {
            report = officer.get(location).json();
            if (report.get("status").asText().equals("DONE")) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(report.toString(), "DONE", report.get("status").asText());
        assertEquals("windows-874", report.get("encoding").asText());
        assertEquals(List.of(2, 1), List.of(report.get("accepted").asInt(), report.get("rejected").asInt()));
        JsonNode error = report.get("errors").get(0);
        assertEquals(List.of(3, "hours"), List.of(error.get("line").asInt(), error.get("field").asText()));
        assertEquals(2, officer.get("/networks/" + net + "/activities").json().get("items").size());
        // the same file again: every row is a duplicate, nothing is counted twice
        HttpAnswer again = officer.sendBytes("POST", "/networks/" + net + "/activities/imports", "text/csv", tis620);
        String againUrl = again.header("Location").substring(again.header("Location").indexOf("/networks/"));
        for (int i = 0; i < 300 && !officer.get(againUrl).json().get("status").asText().equals("DONE"); i++) {
            Thread.sleep(100);
        }
        assertEquals(0, officer.get(againUrl).json().get("accepted").asInt());
        assertEquals(2, officer.get("/networks/" + net + "/activities").json().get("items").size());
        assertProblem(officer.sendBytes("POST", "/networks/" + net + "/activities/imports", "text/csv",
                "date,kind,title\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 422, "missing-column");
        assertProblem(officer.sendBytes("POST", "/networks/" + net + "/activities/imports", "text/csv",
                "date,kind,title,participants,hours\n2025-01-01,MEETING,\"ไม่ปิด,x,1\n".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)), 422, "malformed-csv");
    }

    @Test
    public void aBusyWellRunNetworkGradesAboveAnIdleOneEachCriterionExplained() throws Exception {
        Http admin = asAdmin();
        Http chiangMaiAdmin = person("tier-admin-50", "province-admin", "50");
        FiscalYear year = FiscalYear.of(LocalDate.now(ZoneId.of("Asia/Bangkok")));
        String busy = gradedNetwork(chiangMaiAdmin, "SUBDISTRICT", "500101", 20, true, true);
        String idle = gradedNetwork(chiangMaiAdmin, "DISTRICT", "5001", 5, false, false);
        String elsewhere = gradedNetwork(asAdmin(), "PROVINCE", "40", 4, false, false);

        JsonNode run = awaitRun(chiangMaiAdmin, chiangMaiAdmin.post("/tiering/runs", "{\"fiscalYear\": "
                + year.buddhistYear() + ", \"province\": \"50\"}"));
        assertEquals(run.toString(), "DONE", run.get("status").asText());
        assertEquals(run.get("total").asInt(), run.get("done").asInt());
        JsonNode strong = current(chiangMaiAdmin, busy, year);
        JsonNode weak = current(chiangMaiAdmin, idle, year);
        assertEquals(strong.toString(), "A", strong.get("tier").asText());
        assertEquals(weak.toString(), "C", weak.get("tier").asText());
        assertTrue(strong.get("score").asDouble() > weak.get("score").asDouble() + 40);
        Set<String> codes = new HashSet<>();
        for (JsonNode c : strong.get("criteria")) {
            codes.add(c.get("code").asText());
            assertEquals("core", c.get("source").asText());
            assertTrue(c.toString(), c.get("explanation").get("th").asText().codePoints()
                    .anyMatch(cp -> cp >= 0x0E00 && cp <= 0x0E7F) && !c.get("explanation").get("en").asText().isBlank());
        }
        assertEquals(Set.of("ACTIVE_MEMBERS", "VERIFIED_SHARE", "ACTIVITIES_PER_MEMBER", "CONTINUITY",
                "HOURS_PER_MEMBER", "BENEFICIARIES_PER_MEMBER", "COMMITTEE", "REGISTERED_ORGANISATION"), codes);
        // the latest grading stands beside each network, and lists filter by it
        JsonNode busyNow = chiangMaiAdmin.get("/networks/" + busy).json().get("currentTier");
        assertEquals(busyNow.toString(), "A", busyNow.get("tier").asText());
        assertEquals(run.get("id").asText(), busyNow.get("runId").asText());
        assertEquals(year.buddhistYear(), busyNow.get("fiscalYear").asInt());
        String tierA = allPages(chiangMaiAdmin, "/networks?province=50&tier=A").toString();
        assertTrue(tierA, tierA.contains(busy) && !tierA.contains(idle));
        assertTrue(allPages(chiangMaiAdmin, "/networks?tier=C").toString().contains(idle));
        HttpAnswer noSuchTier = chiangMaiAdmin.get("/networks?tier=D");
        assertProblem(noSuchTier, 400, "invalid-parameter");
        assertEquals("tier", noSuchTier.json().get("errors").get(0).get("field").asText());
        assertTrue(admin.get("/networks/" + elsewhere).json().path("currentTier").isMissingNode());
        // the grading is a right of its own: an integrator's token for networks alone reads no tier
        Http networksOnly = token(admin, "\"networks:read\"");
        assertEquals(200, networksOnly.get("/networks/" + busy).status());
        assertTrue(networksOnly.get("/networks/" + busy).json().path("currentTier").isMissingNode());
        assertTrue(networksOnly.get("/networks?province=50").body().contains(busy));
        assertFalse(networksOnly.get("/networks?province=50").body().contains("currentTier"));
        assertProblem(networksOnly.get("/networks?tier=A"), 403, "forbidden");
        Http withGrades = token(admin, "\"networks:read\", \"tiering:read\"");
        assertEquals("A", withGrades.get("/networks/" + busy).json().get("currentTier").get("tier").asText());
        assertTrue(allPages(withGrades, "/networks?province=50&tier=A").toString().contains(busy));
        assertEquals("a province's run grades its own networks only", 0,
                admin.get("/networks/" + elsewhere + "/assessments").json().get("items").size());
        JsonNode summary = chiangMaiAdmin.get("/tiering/summary?fiscalYear=" + year.buddhistYear()).json()
                .get("items");
        assertEquals(summary.toString(), 1, summary.size());
        assertTrue(summary.get(0).get("a").asInt() >= 1 && summary.get(0).get("c").asInt() >= 1);

        // who may grade what
        assertProblem(chiangMaiAdmin.post("/tiering/runs", "{\"fiscalYear\": " + year.buddhistYear() + "}"), 403,
                "forbidden");
        assertProblem(chiangMaiAdmin.post("/tiering/runs", "{\"fiscalYear\": " + year.buddhistYear()
                + ", \"province\": \"40\"}"), 403, "forbidden");
        assertEquals(Set.of("fiscalYear"), fields(chiangMaiAdmin.post("/tiering/runs", "{\"fiscalYear\": "
                + year.next().buddhistYear() + ", \"province\": \"50\"}")));
        assertEquals(Set.of("fiscalYear"), fields(chiangMaiAdmin.post("/tiering/runs", "{\"fiscalYear\": 2026, "
                + "\"province\": \"50\"}")));

        // a criterion that arrives counts from the next run; one that throws fails alone; both leave again
        ServiceRegistration<TierCriterion> extra = context.registerService(TierCriterion.class,
                criterion("IT_EXTRA", false), null);
        ServiceRegistration<TierCriterion> broken = context.registerService(TierCriterion.class,
                criterion("IT_BROKEN", true), null);
        JsonNode withThem;
        try {
            assertTrue(chiangMaiAdmin.get("/tiering/criteria").body().contains("IT_EXTRA"));
            withThem = awaitRun(chiangMaiAdmin, chiangMaiAdmin.post("/tiering/runs", "{\"fiscalYear\": "
                    + year.buddhistYear() + ", \"province\": \"50\"}"));
        } finally {
            extra.unregister();
            broken.unregister();
        }
        assertEquals(withThem.toString(), "DONE", withThem.get("status").asText());
        assertTrue(withThem.toString(), withThem.get("failedCriteria").toString().contains("IT_BROKEN"));
        JsonNode second = current(chiangMaiAdmin, busy, year);
        assertEquals(withThem.get("id").asText(), second.get("runId").asText());
        assertEquals(10, second.get("criteria").size());
        for (JsonNode c : second.get("criteria")) {
            assertEquals(c.toString(), c.get("code").asText().equals("IT_BROKEN"), c.get("failed").asBoolean());
            if (c.get("code").asText().equals("IT_EXTRA")) {
                assertEquals(explanationEn(busy, year), c.get("explanation").get("en").asText());
                assertEquals("ได้ครึ่งหนึ่ง {ทุกเครือข่าย} " + busy, c.get("explanation").get("th").asText());
                assertEquals("เกณฑ์ทดสอบ", c.get("name").get("th").asText());
            }
        }
        JsonNode without = awaitRun(chiangMaiAdmin, chiangMaiAdmin.post("/tiering/runs", "{\"fiscalYear\": "
                + year.buddhistYear() + ", \"province\": \"50\"}"));
        assertEquals(8, current(chiangMaiAdmin, busy, year).get("criteria").size());
        assertTrue(without.get("failedCriteria").isEmpty());

        // a change of configuration grades the next run differently and rewrites nothing before it
        Configuration tiering = configurations.getConfiguration("org.apom.tiering", null);
        Dictionary<String, Object> before = tiering.getProperties();
        Dictionary<String, Object> strict = new Hashtable<>();
        strict.put("thresholdA", "99");
        strict.put("thresholdB", "60");
        tiering.update(strict);
        try {
            JsonNode stricter = null;
            for (int i = 0; i < 50; i++) {
                stricter = awaitRun(chiangMaiAdmin, chiangMaiAdmin.post("/tiering/runs", "{\"fiscalYear\": "
                        + year.buddhistYear() + ", \"province\": \"50\"}"));
                if (new BigDecimal(stricter.get("configuration").get("thresholdA").asText()).intValue() == 99) {
                    break;
                }
                Thread.sleep(200);
            }
            assertEquals("B", current(chiangMaiAdmin, busy, year).get("tier").asText());
            assertEquals("B", chiangMaiAdmin.get("/networks/" + busy).json().get("currentTier").get("tier").asText());
        } finally {
            tiering.update(before);
        }
        JsonNode all = chiangMaiAdmin.get("/networks/" + busy + "/assessments?fiscalYear=" + year.buddhistYear()).json()
                .get("items");
        assertTrue(all.toString(), all.size() >= 4);
        JsonNode first = all.get(all.size() - 1);
        assertEquals("the first run's result stands", run.get("id").asText(), first.get("runId").asText());
        assertEquals("A", first.get("tier").asText());

        // a central admin's tier stands beside the computed one
        String override = "{\"fiscalYear\": " + year.buddhistYear() + ", \"tier\": \"B\", \"reason\": "
                + "\"ทำงานต่อเนื่องแต่ข้อมูลกิจกรรมบันทึกไม่ครบ\"}";
        assertProblem(chiangMaiAdmin.post("/networks/" + idle + "/assessments/overrides", override), 403, "forbidden");
        assertEquals(201, admin.post("/networks/" + idle + "/assessments/overrides", override).status());
        JsonNode overridden = current(admin, idle, year);
        assertEquals("C", overridden.get("tier").asText());
        assertEquals("B", overridden.get("override").get("tier").asText());
        JsonNode idleNow = chiangMaiAdmin.get("/networks/" + idle).json().get("currentTier");
        assertEquals(idleNow.toString(), List.of("C", "B"), List.of(idleNow.get("tier").asText(),
                idleNow.get("override").asText()));
        assertProblem(admin.post("/networks/" + elsewhere + "/assessments/overrides", override), 409, "not-assessed");
        assertEquals(Set.of("reason"), fields(admin.post("/networks/" + idle + "/assessments/overrides",
                "{\"fiscalYear\": " + year.buddhistYear() + ", \"tier\": \"A\"}")));

        // the runs are in the change feed and on the trail
        awaitAuditSealed();
        String feed = readFeed(chiangMaiAdmin, "tier-run").toString();
        assertTrue(feed, feed.contains(run.get("id").asText()));
        assertTrue(admin.get("/audit?entity=tier-override&id=" + idle).body().contains("tier.override"));
    }

    /** A network of the area with members (verified, in a complete committee, busy each month when asked). */
    private static String gradedNetwork(Http as, String level, String area, int members, boolean wellRun,
            boolean busy) throws Exception {
        HttpAnswer made = as.post("/networks", "{\"name\": \"เครือข่ายประเมิน " + UNIQUE.incrementAndGet()
                + "\", \"level\": \"" + level + "\", \"areaCode\": \"" + area + "\", \"foundedOn\": \"1/1/2560\"}");
        assertEquals(made.toString(), 201, made.status());
        String id = made.json().get("id").asText();
        String subdistrict = area.length() == 6 ? area : area.length() == 4 ? area + "01" : area + "0101";
        List<String> people = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String v = volunteer(as, subdistrict);
            if (wellRun) {
                assertEquals(200, as.send("POST", "/volunteers/" + v + "/verifications", null, null).status());
            }
            assertEquals(201, as.post("/networks/" + id + "/members", "{\"volunteerId\": \"" + v
                    + "\", \"since\": \"2020-01-01\"}").status());
            people.add(v);
        }
        if (wellRun) {
            assertEquals(200, as.copy().with("If-Match", "\"0\"").send("PUT", "/networks/" + id + "/committee",
                    "application/json", "{\"termStart\": \"2024-01-01\", \"termEnd\": \"2028-12-31\", \"seats\": ["
                            + seat(people.get(0), "CHAIR") + "," + seat(people.get(1), "VICE_CHAIR") + ","
                            + seat(people.get(2), "SECRETARY") + "," + seat(people.get(3), "TREASURER") + "]}")
                    .status());
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Bangkok"));
        FiscalYear year = FiscalYear.of(today);
        for (LocalDate day = year.start(); !day.isAfter(today); day = day.plusMonths(1)) {
            HttpAnswer recorded = as.post("/networks/" + id + "/activities", busy
                    ? activity(day.toString(), "HOME_VISIT", "เยี่ยมบ้าน " + day, people, 200, "24")
                    : activity(day.toString(), "MEETING", "ประชุม " + day, people.subList(0, 1), 0, "1"));
            assertEquals(recorded.toString(), 201, recorded.status());
            if (!busy) {
                break;
            }
        }
        return id;
    }

    private static JsonNode awaitRun(Http as, HttpAnswer started) throws Exception {
        assertEquals(started.toString(), 202, started.status());
        String url = started.header("Location").substring(started.header("Location").indexOf("/tiering/"));
        JsonNode run = started.json();
        for (int i = 0; i < 600 && (run.get("status").asText().equals("QUEUED")
                || run.get("status").asText().equals("RUNNING")); i++) {
            Thread.sleep(100);
            run = as.get(url).json();
        }
        return run;
    }

    private static JsonNode current(Http as, String network, FiscalYear year) throws Exception {
        for (JsonNode a : as.get("/networks/" + network + "/assessments?fiscalYear=" + year.buddhistYear()).json()
                .get("items")) {
            if (a.get("current").asBoolean()) {
                return a;
            }
        }
        throw new AssertionError("no current assessment of " + network);
    }

    /** A criterion registered by the test itself: the same score for everyone, or a failure. */
    private static String explanationEn(String networkId, FiscalYear year) {
        return "Half marks for network " + networkId + ": 1,250.5 of 2,501 points, 50% in fiscal year " + year + ".";
    }

    private static TierCriterion criterion(String code, boolean fails) {
        return new TierCriterion() {
            @Override
            public String code() {
                return code;
            }

            @Override
            public LocalizedText name() {
                return LocalizedText.of("A test's criterion", "เกณฑ์ทดสอบ");
            }

            @Override
            public int weight() {
                return 0;
            }

            @Override
            public CriterionResult score(TieredNetwork network, FiscalYear fiscalYear, NetworkFacts facts) {
                if (fails) {
                    throw new IllegalStateException("a criterion with a bug");
                }
                // numbers, an id of letters and digits, and braces: stored by the run's texts, read back exactly
                return CriterionResult.of(1, 50, explanationEn(network.id(), fiscalYear),
                        "ได้ครึ่งหนึ่ง {ทุกเครือข่าย} " + network.id());
            }
        };
    }

    private JsonNode readFeed(Http as, String types) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String after = null;
        for (int i = 0; i < 1000; i++) {
            JsonNode page = as.get("/changes?types=" + types + "&limit=500" + (after == null ? "" : "&after=" + after))
                    .json();
            page.get("items").forEach(items::add);
            if (page.get("nextCursor").asText().equals(after)) {
                break;
            }
            after = page.get("nextCursor").asText();
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(items);
    }

    private Http person(String username, String role, String province) throws Exception {
        HttpAnswer created = asAdmin().post("/users", "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD
                + "\", \"roles\": [\"" + role + "\"], \"province\": \"" + province + "\"}");
        assertTrue(created.toString(), created.status() == 201 || created.status() == 409);
        return http().as(username, PASSWORD);
    }

    private static String volunteer(Http as, String subdistrict) throws Exception {
        HttpAnswer created = as.post("/volunteers", "{\"nationalId\": \"" + AccessMatrixIT.nationalId(
                UNIQUE.incrementAndGet()) + "\", \"title\": \"นาง\", \"firstName\": \"สมศรี\", \"lastName\": \"ใจดี\", "
                + "\"birthDate\": \"1970-05-05\", \"gender\": \"FEMALE\", \"subdistrictCode\": \"" + subdistrict + "\"}");
        assertEquals(created.toString(), 201, created.status());
        return created.json().get("id").asText();
    }

    private static String network(String name, String level, String area) {
        return "{\"name\": \"" + name + "\", \"level\": \"" + level + "\", \"areaCode\": \"" + area + "\"}";
    }

    private static String network(String name, String level, String area, String foundedOn) {
        return "{\"name\": \"" + name + "\", \"level\": \"" + level + "\", \"areaCode\": \"" + area
                + "\", \"foundedOn\": \"" + foundedOn + "\"}";
    }

    private static String seat(String volunteer, String position) {
        return "{\"volunteerId\": \"" + volunteer + "\", \"position\": \"" + position + "\"}";
    }

    private static String activity(String date, String kind, String title, List<String> participants,
            int beneficiaries, String hours) {
        return "{\"date\": \"" + date + "\", \"kind\": \"" + kind + "\", \"title\": \"" + title
                + "\", \"participants\": [\"" + String.join("\", \"", participants) + "\"], \"beneficiaries\": "
                + beneficiaries + ", \"hours\": " + hours + "}";
    }

    /** An integrator of province 50 with a token of those scopes. */
    private Http token(Http admin, String scopes) throws Exception {
        HttpAnswer made = admin.post("/tokens", "{\"name\": \"grades " + UNIQUE.incrementAndGet() + "\", \"scopes\": ["
                + scopes + "], \"province\": \"50\", \"expiresOn\": \"" + LocalDate.now().plusDays(30) + "\"}");
        assertEquals(made.toString(), 201, made.status());
        return http().with("Authorization", "Bearer " + made.json().get("secret").asText());
    }

    /** Every item of a list, page after page. */
    private static List<JsonNode> allPages(Http as, String path) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = as.get(path + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(items::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return items;
    }

    private static Set<String> fields(HttpAnswer answer) {
        assertProblem(answer, 422, "validation");
        Set<String> fields = new HashSet<>();
        answer.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static List<String> codes(HttpAnswer answer) {
        assertProblem(answer, 422, "validation");
        List<String> codes = new ArrayList<>();
        answer.json().get("errors").forEach(e -> codes.add(e.get("code").asText()));
        return codes;
    }

    private static List<HttpAnswer> parallel(int times, Callable<HttpAnswer> call) throws Exception {
        List<Callable<HttpAnswer>> calls = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            calls.add(call);
        }
        return AtOnce.run(calls);
    }

    private static Map<Integer, Integer> byStatus(List<HttpAnswer> answers) {
        Map<Integer, Integer> counts = new TreeMap<>();
        answers.forEach(a -> counts.merge(a.status(), 1, Integer::sum));
        return counts;
    }
}
