package org.apom.itests;

import static org.apom.itests.PlatformContract.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/** The register over HTTP: registration, masking per role, province scope, and what bad input gets. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VolunteersIT extends ApomContainerTest {

    private static final String PASSWORD = "a long enough passphrase";

    private static final String SOMCHAI = "{\"nationalId\": \"3-1006-00445-63-5\", \"title\": \"นาย\", "
            + "\"firstName\": \"สมชาย\", \"lastName\": \"ใจดี\", \"firstNameEn\": \"Somchai\", \"lastNameEn\": \"Jaidee\", "
            + "\"birthDate\": \"15/3/2510\", \"gender\": \"ชาย\", \"phone\": \"081-234-5678\", "
            + "\"subdistrictCode\": \"500101\", \"address\": \"99 หมู่ 1\"}";

    @Test
    public void officersSeeTheirProvinceUnmaskedAndIntegratorsMasked() throws Exception {
        Http officer = person("cm-officer", "province-officer", "50");
        HttpAnswer created = officer.post("/volunteers", SOMCHAI);
        assertEquals(created.toString(), 201, created.status());
        JsonNode v = created.json();
        assertEquals("3100600445635", v.get("nationalId").asText());
        assertEquals("1967-03-15", v.get("birthDate").asText());
        assertEquals("0812345678", v.get("phone").asText());
        assertFalse(v.get("masked").asBoolean());
        assertTrue(created.header("Location").endsWith("/volunteers/" + v.get("id").asText()));

        String token = asAdmin().post("/tokens", "{\"name\": \"app\", \"scopes\": [\"volunteers:read\"], "
                + "\"expiresOn\": \"" + LocalDate.now().plusDays(10) + "\"}").json().get("secret").asText();
        JsonNode seen = http().with("Authorization", "Bearer " + token).get("/volunteers/" + v.get("id").asText()).json();
        assertEquals("x-xxxx-xxxx5-63-5", seen.get("nationalId").asText());
        assertEquals("08x-xxx-5678", seen.get("phone").asText());
        assertEquals("1967", seen.get("birthDate").asText());
        assertEquals("xxx", seen.get("address").asText());
        assertTrue(seen.get("masked").asBoolean());

        assertProblem(person("kk-officer", "province-officer", "40").get("/volunteers/" + v.get("id").asText()), 404,
                "not-found");
        awaitAuditSealed();
        JsonNode reads = asAdmin().get("/audit?entity=volunteer&id=" + v.get("id").asText()).json().get("items");
        assertTrue(reads.toString(), reads.toString().contains("volunteer.create"));
        assertProblem(officer.post("/volunteers", SOMCHAI.replace("3-1006-00445-63-5", "๓๑๐๐๖๐๐๔๔๕๖๓๕")), 409,
                "duplicate");
    }

    @Test
    public void anotherProvincesIdIsAProbeAndAMoveIsATransfer() throws Exception {
        String nationalId = AccessMatrixIT.nationalId(710_001);
        Http chiangMai = person("cm-mover", "province-officer", "50");
        Http khonKaen = person("kk-mover", "province-officer", "40");
        HttpAnswer created = chiangMai.post("/volunteers", SOMCHAI.replace("3-1006-00445-63-5", nationalId)
                .replace("สมชาย", "ย้ายบ้าน"));
        assertEquals(created.toString(), 201, created.status());
        String id = created.json().get("id").asText();
        String inKhonKaen = SOMCHAI.replace("3-1006-00445-63-5", nationalId).replace("500101", "400101");

        HttpAnswer clash = khonKaen.post("/volunteers", inKhonKaen);
        assertProblem(clash, 409, "registered-elsewhere");
        assertFalse(clash.body(), clash.body().contains(id) || clash.body().contains("เชียงใหม่")
                || clash.body().contains("Chiang Mai"));
        assertProblem(khonKaen.get("/volunteers?q=" + nationalId + "&province=50"), 403, "national-id-search");
        String token = asAdmin().post("/tokens", "{\"name\": \"reader\", \"scopes\": [\"volunteers:read\"], "
                + "\"expiresOn\": \"" + LocalDate.now().plusDays(10) + "\"}").json().get("secret").asText();
        assertProblem(http().with("Authorization", "Bearer " + token).get("/volunteers?q=" + nationalId), 403,
                "national-id-search");
        assertEquals(1, chiangMai.get("/volunteers?q=" + nationalId).json().get("items").size());

        HttpAnswer asked = khonKaen.post("/volunteers/transfers", "{\"nationalId\": \"" + nationalId
                + "\", \"subdistrictCode\": \"400101\", \"reason\": \"ย้ายไปอยู่ขอนแก่น\"}");
        assertEquals(asked.toString(), 201, asked.status());
        assertTrue(asked.json().get("fromProvince").isNull());
        assertTrue(asked.json().get("volunteerId").isNull());
        String transfer = asked.json().get("id").asText();
        assertTrue(asked.header("Location").endsWith("/volunteers/transfers/" + transfer));
        assertTrue(chiangMai.get("/volunteers/transfers?province=50").body().contains(transfer));
        assertProblem(khonKaen.post("/volunteers/transfers/" + transfer + "/approval", "{\"approve\": true}"), 403,
                "forbidden");
        assertProblem(chiangMai.post("/volunteers/transfers/" + transfer + "/approval", "{\"approve\": false}"), 422,
                "validation");
        HttpAnswer approved = chiangMai.post("/volunteers/transfers/" + transfer + "/approval", "{\"approve\": true}");
        assertEquals(approved.toString(), 200, approved.status());
        assertEquals("APPROVED", approved.json().get("status").asText());
        assertProblem(chiangMai.post("/volunteers/transfers/" + transfer + "/approval",
                "{\"approve\": false, \"reason\": \"late\"}"), 409, "illegal-transition");

        JsonNode moved = khonKaen.get("/volunteers/" + id).json();
        assertEquals("40", moved.get("provinceCode").asText());
        assertEquals("400101", moved.get("subdistrictCode").asText());
        assertProblem(chiangMai.get("/volunteers/" + id), 404, "not-found");
        JsonNode history = khonKaen.get("/volunteers/" + id + "/history").json().get("items");
        assertTrue(history.toString(), history.toString().contains("volunteer.create")
                && history.toString().contains("volunteer.transfer"));

        awaitAuditSealed();
        JsonNode probes = asAdmin().get("/audit?entity=volunteer-probe&actor=kk-mover").json().get("items");
        assertEquals(probes.toString(), 2, probes.size());
        assertFalse(probes.toString(), probes.toString().contains(id));
    }

    @Test
    public void searchFindsByNamePrefixAndIdInAnyForm() throws Exception {
        HttpAnswer created = asAdmin().post("/volunteers", SOMCHAI.replace("3-1006-00445-63-5", "1234545678781")
                .replace("สมชาย", "ประยุทธ").replace("Somchai", "Prayut"));
        assertEquals(created.toString(), 201, created.status());
        assertEquals(1, asAdmin().get("/volunteers?q=" + enc("ประยุ")).json().get("items").size());
        assertEquals(1, asAdmin().get("/volunteers?q=prayut").json().get("items").size());
        assertEquals(1, asAdmin().get("/volunteers?q=1-2345-45678-78-1").json().get("items").size());
        assertEquals(0, asAdmin().get("/volunteers?province=40&q=prayut").json().get("items").size());
        assertProblem(asAdmin().get("/volunteers?status=SLEEPING"), 400, "invalid-parameter");
        assertProblem(asAdmin().get("/volunteers?province=5x"), 400, "invalid-parameter");
        assertProblem(asAdmin().get("/volunteers?verifiedBefore=yesterday"), 400, "invalid-parameter");
        assertProblem(asAdmin().get("/volunteers?q=" + "a".repeat(101)), 400, "invalid-parameter");
    }

    @Test
    public void hostileInputGetsA4xxAndWritesNothing() throws Exception {
        int before = asAdmin().get("/volunteers?limit=500").json().get("items").size();
        String[] bodies = {
            "{\"nationalId\": ",
            "{\"nationalId\": 3100600445635, \"title\": []}",
            "{\"nationalId\": \"3100600445635\", \"sneaky\": true}",
            SOMCHAI.replace("สมชาย", "'; DROP TABLE registry_volunteer; --"),
            SOMCHAI.replace("สมชาย", "<script>alert(1)</script>"),
            SOMCHAI.replace("สมชาย", "ส".repeat(10_000)),
            SOMCHAI.replace("สมชาย", "สม\\u0000ชาย"),
            SOMCHAI.replace("500101", "999999"),
            "null",
            "[]",
        };
        for (String body : bodies) {
            HttpAnswer answer = asAdmin().post("/volunteers", body);
            assertTrue(body.substring(0, Math.min(80, body.length())) + " → " + answer,
                    answer.status() >= 400 && answer.status() < 500);
            assertTrue(answer.toString(), answer.contentType().startsWith("application/problem+json"));
        }
        assertProblem(asAdmin().send("POST", "/volunteers", "text/csv", "a,b"), 415, "unsupported-media-type");
        assertEquals(before, asAdmin().get("/volunteers?limit=500").json().get("items").size());
    }

    @Test
    public void statusChangesFollowTheRules() throws Exception {
        String id = asAdmin().post("/volunteers", SOMCHAI.replace("3-1006-00445-63-5", "1101700203450")
                .replace("สมชาย", "สมศรี")).json().get("id").asText();
        assertEquals(200, asAdmin().post("/volunteers/" + id + "/status",
                "{\"status\": \"DECEASED\", \"reason\": \"แจ้งจากญาติ\"}").status());
        assertProblem(asAdmin().post("/volunteers/" + id + "/status", "{\"status\": \"ACTIVE\", \"reason\": \"x\"}"),
                409, "illegal-transition");
        assertProblem(asAdmin().post("/volunteers/" + id + "/status", "{\"status\": \"ALIVE\", \"reason\": \"x\"}"),
                400, "invalid-parameter");
        JsonNode verified = asAdmin().send("POST", "/volunteers/" + id + "/verifications", null, null).json();
        assertEquals(LocalDate.now(java.time.ZoneId.of("Asia/Bangkok")).toString(),
                verified.get("lastVerifiedOn").asText());
        assertEquals("admin", verified.get("lastVerifiedBy").asText());
    }

    @Test
    public void changesNeedTheCurrentETagAndMakeAHistory() throws Exception {
        HttpAnswer created = asAdmin().post("/volunteers", SOMCHAI.replace("3-1006-00445-63-5", "3100600445627")
                .replace("สมชาย", "สมพร"));
        assertEquals(created.toString(), 201, created.status());
        String id = created.json().get("id").asText();
        String path = "/volunteers/" + id;
        String patch = "{\"phone\": null, \"address\": \"12 ถนนนิมมานเหมินท์\"}";
        assertProblem(asAdmin().send("PATCH", path, "application/merge-patch+json", patch), 428, "precondition-required");
        HttpAnswer changed = asAdmin().with("If-Match", created.header("ETag"))
                .send("PATCH", path, "application/merge-patch+json", patch);
        assertEquals(changed.toString(), 200, changed.status());
        assertTrue(changed.json().get("phone").isNull());
        assertEquals("12 ถนนนิมมานเหมินท์", changed.json().get("address").asText());
        assertProblem(asAdmin().with("If-Match", created.header("ETag"))
                .send("PATCH", path, "application/merge-patch+json", "{\"address\": \"x\"}"), 412, "precondition-failed");
        assertProblem(asAdmin().with("If-Match", "*")
                .send("PATCH", path, "application/merge-patch+json", "{\"status\": \"ACTIVE\"}"), 400, "unknown-field");
        assertProblem(asAdmin().with("If-Match", "*")
                .send("PATCH", path, "application/merge-patch+json", "{\"subdistrictCode\": 500101}"), 400, "invalid-json");
        assertProblem(asAdmin().with("If-Match", "*")
                .send("PATCH", path, "application/merge-patch+json", "{\"birthDate\": \"2020-01-01\"}"), 422, "validation");

        JsonNode history = asAdmin().get(path + "/history").json().get("items");
        assertEquals(history.toString(), 2, history.size());
        assertEquals("volunteer.create", history.get(0).get("action").asText());
        assertEquals("volunteer.update", history.get(1).get("action").asText());
        assertTrue(history.get(1).get("before").asText().contains("08x-xxx-5678"));
        assertFalse(history.toString(), history.toString().contains("0812345678"));
        assertProblem(person("kk-officer-h", "province-officer", "40").get(path + "/history"), 404, "not-found");
    }

    @Test
    public void suspectedDuplicatesAreDismissedOrMergedWithBothHistoriesKept() throws Exception {
        String twin = SOMCHAI.replace("สมชาย", "มานพ").replace("ใจดี", "คู่แฝด");
        String a = asAdmin().post("/volunteers", twin.replace("3-1006-00445-63-5", AccessMatrixIT.nationalId(700001)))
                .json().get("id").asText();
        String b = asAdmin().post("/volunteers", twin.replace("3-1006-00445-63-5", AccessMatrixIT.nationalId(700002)))
                .json().get("id").asText();
        String c = asAdmin().post("/volunteers", twin.replace("3-1006-00445-63-5", AccessMatrixIT.nationalId(700003))
                .replace("\"phone\": \"081-234-5678\", ", "")).json().get("id").asText();
        JsonNode pairs = asAdmin().get("/volunteers/duplicates?province=50&limit=500").json().get("items");
        assertEquals(pairs.toString(), 3, pairsOf(pairs, a, b, c));
        assertEquals("same-names-and-birth-date", pairs.get(0).get("reason").asText());

        assertEquals(204, asAdmin().post("/volunteers/duplicates/dismissals", "{\"ids\": [\"" + a + "\", \"" + b
                + "\"], \"reason\": \"twins\"}").status());
        assertProblem(asAdmin().post("/volunteers/duplicates/dismissals", "{\"ids\": [\"" + a + "\"], \"reason\": \"x\"}"),
                422, "validation");
        assertEquals(2, pairsOf(asAdmin().get("/volunteers/duplicates?province=50&limit=500").json().get("items"), a, b, c));

        HttpAnswer merged = asAdmin().with("If-Match", "*").post("/volunteers/" + c + "/merges",
                "{\"merged\": \"" + b + "\", \"mergedIfMatch\": \"*\"}");
        assertEquals(merged.toString(), 200, merged.status());
        assertEquals("the survivor takes the phone it lacked", "0812345678", merged.json().get("phone").asText());
        assertEquals(c, asAdmin().get("/volunteers/" + b).json().get("mergedInto").asText());
        assertEquals("a and c remain suspected; b is merged", 1,
                pairsOf(asAdmin().get("/volunteers/duplicates?province=50&limit=500").json().get("items"), a, b, c));
        assertProblem(asAdmin().with("If-Match", "*").post("/volunteers/" + c + "/merges",
                "{\"merged\": \"" + b + "\", \"mergedIfMatch\": \"*\"}"), 409,
                "already-merged");
        JsonNode history = asAdmin().get("/volunteers/" + c + "/history").json().get("items");
        List<String> actions = new ArrayList<>();
        history.forEach(e -> actions.add(e.get("entityId").asText().equals(b) ? "b:" + e.get("action").asText()
                : e.get("action").asText()));
        assertTrue(actions.toString(), actions.containsAll(List.of("volunteer.create", "b:volunteer.create",
                "volunteer.merge", "b:volunteer.merged-into")));
    }

    /** How many of the pairs listed are pairs among the given records. */
    private static int pairsOf(JsonNode pairs, String... ids) {
        List<String> mine = List.of(ids);
        int n = 0;
        for (JsonNode p : pairs) {
            if (mine.contains(p.at("/first/id").asText()) && mine.contains(p.at("/second/id").asText())) {
                n++;
            }
        }
        return n;
    }

    private Http person(String username, String role, String province) throws Exception {
        asAdmin().post("/users", "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\", \"roles\": [\""
                + role + "\"], \"province\": \"" + province + "\"}");
        return http().as(username, PASSWORD);
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
