package org.apom.itests;

import static org.apom.itests.PlatformContract.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The change feed as integrators use it: while many writers register, change, verify, suspend, import, merge,
 * transfer and move records between two provinces, a province's integrator and a national one poll {@code GET /changes}; from
 * cursor zero, applying what they read rebuilds exactly the register they may see, every version in order, no
 * change twice and none of another province.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ChangeFeedIT extends ApomContainerTest {

    private static final AtomicInteger UNIQUE = new AtomicInteger(660_000);

    @Test
    public void pollingFromTheStartDuringMixedWritesRebuildsTheRegisterExactly() throws Exception {
        String secret = asAdmin().post("/tokens", "{\"name\": \"mirror\", \"scopes\": [\"volunteers:read\"], "
                + "\"province\": \"50\", \"expiresOn\": \"" + java.time.LocalDate.now().plusDays(30) + "\"}").json()
                .get("secret").asText();
        Mirror chiangMai = new Mirror(http().with("Authorization", "Bearer " + secret));
        Mirror national = new Mirror(asAdmin());

        ExecutorService pool = Executors.newFixedThreadPool(10);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            Future<?> poller = pool.submit(() -> {
                while (writing.get()) {
                    chiangMai.poll();
                    national.poll();
                    Thread.sleep(20);
                }
                return null;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                writers.add(pool.submit(() -> {
                    Http admin = asAdmin();
                    for (int i = 0; i < 8; i++) {
                        writeALife(admin, i % 2 == 0 ? "50" : "40", i);
                    }
                    return null;
                }));
            }
            writers.add(pool.submit(() -> importFile(asAdmin(), "50", 30)));
            writers.add(pool.submit(() -> importFile(asAdmin(), "40", 30)));
            writers.add(pool.submit(() -> mergeTwins(asAdmin())));
            writers.add(pool.submit(() -> transfer(asAdmin(), "50", "400101")));
            writers.add(pool.submit(() -> transfer(asAdmin(), "40", "500101")));
            writers.add(pool.submit(() -> moveByChange(asAdmin())));
            for (Future<?> writer : writers) {
                writer.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            poller.get(1, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        awaitAuditSealed();
        chiangMai.pollToTheEnd();
        national.pollToTheEnd();

        assertEquals(register(asAdmin(), "?province=50"), chiangMai.records);
        assertEquals(register(asAdmin(), ""), national.records);
        assertEquals("nothing of another province: only what left it", Set.of("50"), chiangMai.provinces);
        assertTrue(chiangMai.kinds.containsAll(Set.of("created", "updated", "status", "merged", "deleted")));
        assertTrue(national.records.size() > chiangMai.records.size());

        assertProblem(asAdmin().get("/changes?after=not-a-cursor"), 400, "invalid-parameter");
        assertProblem(asAdmin().get("/changes?after=OTk5OTk5OTk5"), 400, "invalid-parameter"); // 999999999: past the end
        assertProblem(asAdmin().get("/changes?types=volunteer,meeting"), 400, "invalid-parameter");
        assertEquals("another province's feed is empty to a province's reader", 0,
                person("cm-reader", "province-officer", "50").get("/changes?province=40").json().get("items").size());
    }

    /** One record's life: registered, its English name given with If-Match, verified, sometimes suspended. */
    private static void writeALife(Http admin, String province, int i) throws Exception {
        HttpAnswer created = admin.post("/volunteers", AccessMatrixIT.volunteerJson(province,
                AccessMatrixIT.nationalId(UNIQUE.incrementAndGet())));
        assertEquals(created.toString(), 201, created.status());
        String path = "/volunteers/" + created.json().get("id").asText();
        HttpAnswer changed = admin.copy().with("If-Match", created.header("ETag"))
                .send("PATCH", path, "application/merge-patch+json", "{\"firstNameEn\": \"Test\"}");
        assertEquals(changed.toString(), 200, changed.status());
        assertEquals(200, admin.send("POST", path + "/verifications", null, null).status());
        if (i % 3 == 0) {
            assertEquals(200, admin.post(path + "/status", "{\"status\": \"SUSPENDED\", \"reason\": \"on leave\"}")
                    .status());
        }
    }

    private static Object importFile(Http admin, String province, int rows) throws Exception {
        StringBuilder csv = new StringBuilder(
                "national_id,title,first_name,last_name,birth_date,gender,subdistrict_code\n");
        for (int r = 0; r < rows; r++) {
            csv.append(AccessMatrixIT.nationalId(UNIQUE.incrementAndGet())).append(",นาย,นำเข้า,แฟ้ม")
                    .append("กขคงจฉช".charAt(r % 7))
                    .append(",1970-01-01,MALE,").append(province).append("0101\n");
        }
        HttpAnswer started = admin.sendBytes("POST", "/volunteers/imports?province=" + province, "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(started.toString(), 202, started.status());
        String report = "/volunteers/imports/" + started.json().get("id").asText();
        for (int i = 0; i < 600; i++) {
            JsonNode status = admin.get(report).json();
            if (status.get("status").asText().equals("DONE")) {
                assertEquals(status.toString(), rows, status.get("accepted").asInt());
                return null;
            }
            assertFalse(status.toString(), status.get("status").asText().equals("FAILED"));
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish");
    }

    private static Object mergeTwins(Http admin) throws Exception {
        String twin = "{\"title\": \"นาง\", \"firstName\": \"แฝด\", \"lastName\": \"เหมือนกัน\", "
                + "\"birthDate\": \"1977-07-07\", \"gender\": \"FEMALE\", \"subdistrictCode\": \"500101\", ";
        String a = admin.post("/volunteers", twin + "\"nationalId\": \"" + AccessMatrixIT.nationalId(
                UNIQUE.incrementAndGet()) + "\"}").json().get("id").asText();
        String b = admin.post("/volunteers", twin + "\"nationalId\": \"" + AccessMatrixIT.nationalId(
                UNIQUE.incrementAndGet()) + "\"}").json().get("id").asText();
        HttpAnswer merged = admin.copy().with("If-Match", "*").post("/volunteers/" + a + "/merges",
                "{\"merged\": \"" + b + "\", \"mergedIfMatch\": \"*\"}");
        assertEquals(merged.toString(), 200, merged.status());
        return null;
    }

    /** A record of {@code from} asked for by the province of {@code subdistrict}, and approved. */
    private static Object transfer(Http admin, String from, String subdistrict) throws Exception {
        String nationalId = AccessMatrixIT.nationalId(UNIQUE.incrementAndGet());
        assertEquals(201, admin.post("/volunteers", AccessMatrixIT.volunteerJson(from, nationalId)).status());
        HttpAnswer asked = admin.post("/volunteers/transfers", "{\"nationalId\": \"" + nationalId
                + "\", \"subdistrictCode\": \"" + subdistrict + "\", \"reason\": \"ย้ายบ้าน\"}");
        assertEquals(asked.toString(), 201, asked.status());
        HttpAnswer approved = admin.post("/volunteers/transfers/" + asked.json().get("id").asText() + "/approval",
                "{\"approve\": true}");
        assertEquals(approved.toString(), 200, approved.status());
        return null;
    }

    /** A record of province 50 whose subdistrict a central admin changes to one of province 40. */
    private static Object moveByChange(Http admin) throws Exception {
        HttpAnswer created = admin.post("/volunteers", AccessMatrixIT.volunteerJson("50",
                AccessMatrixIT.nationalId(UNIQUE.incrementAndGet())));
        HttpAnswer moved = admin.copy().with("If-Match", created.header("ETag")).send("PATCH",
                "/volunteers/" + created.json().get("id").asText(), "application/merge-patch+json",
                "{\"subdistrictCode\": \"400101\"}");
        assertEquals(moved.toString(), 200, moved.status());
        return null;
    }

    /** Every record the search lists (the register as its reader sees it), with its version. */
    private static Map<String, Long> register(Http reader, String query) throws Exception {
        Map<String, Long> records = new HashMap<>();
        String cursor = null;
        do {
            String sep = query.isEmpty() ? "?" : "&";
            JsonNode page = reader.get("/volunteers" + query + sep + "limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(v -> records.put(v.get("id").asText(), v.get("version").asLong()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return records;
    }

    private Http person(String username, String role, String province) throws Exception {
        String password = "Feed-reader-pass-2569!";
        assertEquals(201, asAdmin().post("/users", "{\"username\": \"" + username + "\", \"password\": \"" + password
                + "\", \"roles\": [\"" + role + "\"], \"province\": \"" + province + "\"}").status());
        return http().as(username, password);
    }

    /** What an integrator keeps: each record it was told of, with the version it was last told. */
    private static final class Mirror {

        private final Http reader;
        private final Map<String, Long> records = new HashMap<>();
        private final Map<String, Long> lastVersion = new HashMap<>();
        private final Set<String> cursors = new HashSet<>();
        private final Set<String> provinces = new HashSet<>();
        private final Set<String> kinds = new HashSet<>();
        private String after = "";

        Mirror(Http reader) {
            this.reader = reader;
        }

        /** Reads one page from where it stopped; true when there was nothing new. */
        synchronized boolean poll() throws Exception {
            HttpAnswer answer = reader.get("/changes?limit=200" + (after.isEmpty() ? "" : "&after=" + after));
            assertEquals(answer.toString(), 200, answer.status());
            JsonNode page = answer.json();
            for (JsonNode change : page.get("items")) {
                apply(change);
            }
            assertNotNull("the feed always says where to go on from", page.get("nextCursor").textValue());
            after = page.get("nextCursor").asText();
            return page.get("items").isEmpty();
        }

        void pollToTheEnd() throws Exception {
            while (!poll()) {
                // a page at a time, as an integrator catches up
            }
        }

        private void apply(JsonNode change) {
            assertTrue("no change twice: " + change, cursors.add(change.get("cursor").asText()));
            String id = change.get("id").asText();
            String kind = change.get("kind").asText();
            kinds.add(kind);
            provinces.add(change.get("province").asText());
            if (kind.equals("merged") || kind.equals("deleted")) {
                records.remove(id);
            }
            if (!change.get("version").isNull()) {
                long version = change.get("version").asLong();
                Long before = lastVersion.put(id, version);
                assertTrue("versions in order for " + id + ": " + before + " then " + version,
                        before == null || version > before);
                if (!kind.equals("merged")) {
                    records.put(id, version);
                }
            }
        }
    }
}
