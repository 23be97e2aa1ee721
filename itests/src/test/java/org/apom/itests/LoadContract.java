package org.apom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apom.core.api.FiscalYear;
import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;
import org.apom.itests.support.TestJars;
import org.apom.itests.support.WebhookReceiver;
import org.apom.persistence.api.DatabasePool;
import org.apom.persistence.api.PoolState;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform as the country uses it: many callers at once, mixed reads and writes, an import and extension
 * swaps, on each supported database (see the subclasses). No timing is asserted; what must hold is that nothing
 * fails, nothing is lost, every write is in an audit chain that verifies, and the pool gives back every
 * connection.
 */
public abstract class LoadContract extends ApomContainerTest {

    private static final int CLIENTS = 64;
    private static final long LOAD_SECONDS = 30;
    private static final String[] PROVINCES = {"50", "40", "10"};
    private static final String PASSWORD = "a long enough passphrase";
    private static final String PATCH = "application/merge-patch+json";
    private static final AtomicInteger UNIQUE = new AtomicInteger(700_000);

    @Inject
    protected DatabasePool pool;

    @Inject
    @Filter("(osgi.jndi.service.name=apom)")
    protected DataSource dataSource;

    /** How this subclass points the platform at its database; none for the embedded default. */
    protected List<Option> databaseOptions() {
        return List.of();
    }

    @Override
    protected List<Option> extraOptions() {
        List<Option> options = new ArrayList<>(databaseOptions());
        // 64 clients of three people far exceed one person's rate limit, which is not what is tested here
        options.add(editConfigurationFilePut("etc/org.apom.security.limits.cfg", "requestsPerMinute", "10000000"));
        return options;
    }

    @Test
    public void sixtyFourClientsAtOnceLoseNothingAndNothingFails() throws Exception {
        Map<String, Http> officers = new HashMap<>();
        for (String p : PROVINCES) {
            officers.put(p, officer("load-" + p, p));
        }
        // an integrator's webhook of province 40, where clients and the import register: every record created
        // there during the load reaches it, signed, in one message each
        awaitAuditSealed();
        WebhookReceiver receiver = new WebhookReceiver();
        HttpAnswer hook = asAdmin().post("/webhooks", "{\"url\": \"" + receiver.url() + "\", \"types\": "
                + "[\"volunteer.created\"], \"province\": \"40\"}");
        assertEquals(hook.toString(), 201, hook.status());
        Set<String> before = column("SELECT id FROM registry_volunteer WHERE province_code = '40'");
        List<String> owned = new ArrayList<>();
        Map<String, List<String>> readable = new HashMap<>();
        for (int c = 0; c < CLIENTS; c++) {
            String province = PROVINCES[c % PROVINCES.length];
            String id = registered(officers.get(province), province);
            owned.add(id);
            readable.computeIfAbsent(province, p -> new ArrayList<>()).add(id);
        }
        Map<String, List<String>> shared = new HashMap<>();
        for (String province : PROVINCES) {
            for (int i = 0; i < 5; i++) {
                shared.computeIfAbsent(province, p -> new ArrayList<>()).add(registered(officers.get(province),
                        province));
            }
        }
        // a network per province whose members are the province's readable records: clients record its activities
        Map<String, String> networks = new HashMap<>();
        for (String province : PROVINCES) {
            HttpAnswer network = officers.get(province).post("/networks", "{\"name\": \"เครือข่ายโหลด " + province
                    + "\", \"level\": \"DISTRICT\", \"areaCode\": \"" + province + "01\", \"foundedOn\": \"2020-01-01\"}");
            assertEquals(network.toString(), 201, network.status());
            networks.put(province, network.json().get("id").asText());
            for (String member : readable.get(province)) {
                HttpAnswer joined = officers.get(province).post("/networks/" + networks.get(province) + "/members",
                        "{\"volunteerId\": \"" + member + "\", \"since\": \"2020-01-01\"}");
                assertEquals(joined.toString(), 201, joined.status());
            }
        }
        // candidates for the provincial award: registered in 2015, members who served in each of the last three years
        Map<String, List<String>> candidates = new HashMap<>();
        for (String province : PROVINCES) {
            candidates.put(province, candidates(officers.get(province), province, networks.get(province)));
        }
        Set<String> drafted = ConcurrentHashMap.newKeySet();
        Set<String> withdrawn = ConcurrentHashMap.newKeySet();
        Set<String> activities = ConcurrentHashMap.newKeySet();
        String yesterday = LocalDate.now().minusDays(1).toString();
        String extension = "org.apom.ext.load";
        HttpAnswer installed = asAdmin().sendBytes("POST", "/extensions", "application/java-archive",
                TestJars.extension(extension, "1.0.0", "50"));
        assertEquals(installed.toString(), 201, installed.status());

        Queue failures = new Queue();
        Set<String> created = ConcurrentHashMap.newKeySet();
        Map<String, String> lastAddress = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> patches = new ConcurrentHashMap<>();
        AtomicInteger requests = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_SECONDS);
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + 3);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            work.add(threads.submit(() -> {
                String province = PROVINCES[client % PROVINCES.length];
                Http as = officers.get(province);
                Random random = new Random(client);
                List<String> mine = readable.get(province);
                while (System.nanoTime() < deadline) {
                    int pick = random.nextInt(100);
                    try {
                        if (pick < 35) {
                            expect(failures, as.get("/volunteers/" + mine.get(random.nextInt(mine.size()))), 200);
                        } else if (pick < 50) {
                            expect(failures, as.get("/volunteers?province=" + province + "&limit=20"), 200);
                        } else if (pick < 55) {
                            // one activity for three members at once, on the province's network
                            String[] three = {mine.get(random.nextInt(mine.size())), mine.get(random.nextInt(
                                    mine.size())), mine.get(random.nextInt(mine.size()))};
                            HttpAnswer answer = as.post("/networks/" + networks.get(province) + "/activities",
                                    "{\"date\": \"" + yesterday + "\", \"kind\": \"HOME_VISIT\", \"title\": \"เยี่ยมบ้าน "
                                    + UNIQUE.incrementAndGet() + "\", \"participants\": [\"" + String.join("\", \"",
                                    new java.util.LinkedHashSet<>(List.of(three))) + "\"], \"hours\": 1.5}");
                            if (expect(failures, answer, 201)) {
                                activities.add(answer.json().get("id").asText());
                            }
                        } else if (pick < 60) {
                            expect(failures, as.get(pick < 57 ? "/networks/" + networks.get(province)
                                    + "/activities?limit=20" : pick < 58 ? "/networks?province=" + province + (random.nextBoolean() ? "&tier=C" : "")
                                    : pick < 59 ? "/networks/" + networks.get(province) + "/assessments"
                                    : "/tiering/summary"), 200);
                        } else if (pick < 63) {
                            nominate(as, candidates.get(province).get(random.nextInt(10)), networks.get(province),
                                    random, failures, drafted, withdrawn);
                        } else if (pick < 75) {
                            HttpAnswer answer = as.post("/volunteers", AccessMatrixIT.volunteerJson(province));
                            if (expect(failures, answer, 201)) {
                                created.add(answer.json().get("id").asText());
                            }
                        } else if (pick < 88) {
                            patchOwn(officers.get(province), owned.get(client), client, failures, lastAddress,
                                    patches);
                        } else {
                            // many clients change the same records at once: each change goes in or is refused
                            // as concurrent, never a server error
                            List<String> ours = shared.get(province);
                            String id = ours.get(random.nextInt(ours.size()));
                            HttpAnswer changed = as.copy().with("If-Match", "*").send("PATCH", "/volunteers/" + id,
                                    PATCH, "{\"address\": \"shared " + UNIQUE.incrementAndGet() + "\"}");
                            if (changed.status() == 200) {
                                patches.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                            } else if (changed.status() != 409) {
                                failures.add(changed.status() + " " + changed.body());
                            }
                        }
                    } catch (HttpTimeoutException e) {
                        failures.add("timeout: " + e.getMessage());
                    } catch (Exception e) {
                        failures.add("client " + client + ": " + e);
                    }
                    requests.incrementAndGet();
                }
                return null;
            }));
        }
        Set<String> imported = ConcurrentHashMap.newKeySet();
        work.add(threads.submit(() -> {
            StringBuilder csv = new StringBuilder("national_id,title,first_name,last_name,birth_date,gender,"
                    + "subdistrict_code\n");
            for (int i = 0; i < 500; i++) {
                String nationalId = AccessMatrixIT.nationalId(UNIQUE.incrementAndGet());
                imported.add(nationalId);
                csv.append(nationalId).append(",นาง,นำเข้า,พร้อมกัน,1/1/2520,หญิง,400101\n");
            }
            JsonNode report = RegisterFilesContract.importFile(asAdmin(), csv.toString().getBytes(StandardCharsets.UTF_8),
                    "");
            if (!"DONE".equals(report.get("status").asText()) || report.get("accepted").asInt() != 500) {
                failures.add("import: " + report);
            }
            return null;
        }));
        // the grading of the provinces, one run after another, while their activities are recorded
        List<String> tierRuns = new ArrayList<>();
        work.add(threads.submit(() -> {
            int year = org.apom.core.api.FiscalYear.of(LocalDate.now()).buddhistYear();
            for (int run = 0; System.nanoTime() < deadline; run++) {
                String province = PROVINCES[run % PROVINCES.length];
                HttpAnswer started = asAdmin().post("/tiering/runs", "{\"fiscalYear\": " + year
                        + ", \"province\": \"" + province + "\"}");
                if (!expect(failures, started, 202)) {
                    continue;
                }
                String id = started.json().get("id").asText();
                JsonNode state = started.json();
                while (state.get("status").asText().matches("QUEUED|RUNNING")) {
                    Thread.sleep(200);
                    state = asAdmin().get("/tiering/runs/" + id).json();
                }
                if (!"DONE".equals(state.get("status").asText()) || state.get("done").asInt() == 0) {
                    failures.add("tier run: " + state);
                }
                tierRuns.add(id);
            }
            return null;
        }));
        work.add(threads.submit(() -> {
            for (int swap = 0; swap < 10 && System.nanoTime() < deadline; swap++) {
                String version = swap % 2 == 0 ? "1.1.0" : "1.0.0";
                expect(failures, asAdmin().sendBytes("PUT", "/extensions/" + extension, "application/java-archive",
                        TestJars.extension(extension, version, "50")), 200);
                Thread.sleep(1_000);
            }
            return null;
        }));
        for (Future<?> w : work) {
            w.get(5, TimeUnit.MINUTES);
        }
        threads.shutdown();
        System.out.println("Load test: " + requests.get() + " requests from " + CLIENTS + " clients in "
                + LOAD_SECONDS + " s, " + created.size() + " registered, " + patches.values().stream()
                .mapToInt(AtomicInteger::get).sum() + " changed, " + imported.size() + " imported, "
                + activities.size() + " activities recorded, " + tierRuns.size() + " grading runs, "
                + drafted.size() + " nominations drafted, " + withdrawn.size() + " withdrawn");
        assertTrue("failed answers: " + failures.first(10) + " (" + failures.size() + " in all)", failures.isEmpty());
        assertTrue("some work was done", created.size() > 10 && !patches.isEmpty() && !tierRuns.isEmpty());

        awaitAuditSealed();
        JsonNode verification = asAdmin().get("/audit/verification").json();
        assertTrue(verification.toString(), verification.get("brokenAt").isNull());
        Set<String> stored = column("SELECT id FROM registry_volunteer");
        assertTrue("every acknowledged registration is stored", stored.containsAll(created));
        assertTrue("every imported row is stored",
                column("SELECT national_id FROM registry_volunteer").containsAll(imported));
        for (Map.Entry<String, String> change : lastAddress.entrySet()) {
            assertEquals("the last acknowledged change of " + change.getKey() + " is stored", change.getValue(),
                    column("SELECT address FROM registry_volunteer WHERE id = '" + change.getKey() + "'")
                            .iterator().next());
        }
        assertTrue("every registration is in the chain",
                column("SELECT entity_id FROM security_audit WHERE action = 'volunteer.create'").containsAll(created));
        assertTrue("every acknowledged activity is stored", column("SELECT id FROM net_activity")
                .containsAll(activities));
        assertTrue("every activity is in the chain", column("SELECT entity_id FROM security_audit WHERE action = "
                + "'activity.create'").containsAll(activities));
        assertTrue("every acknowledged nomination is stored", column("SELECT id FROM rec_nomination")
                .containsAll(drafted));
        assertEquals("every acknowledged withdrawal is stored", withdrawn, column("SELECT id FROM rec_nomination "
                + "WHERE status = 'WITHDRAWN'"));
        assertEquals("every withdrawal is in the chain", withdrawn, column("SELECT entity_id FROM security_audit "
                + "WHERE action = 'nomination.withdraw'"));
        assertEquals("one open nomination per person and year", count("SELECT COUNT(DISTINCT volunteer_id) FROM "
                + "rec_nomination WHERE status = 'DRAFT'"), count("SELECT COUNT(*) FROM rec_nomination WHERE "
                + "status = 'DRAFT'"));
        for (Map.Entry<String, AtomicInteger> changed : patches.entrySet()) {
            assertEquals("every change of " + changed.getKey() + " is in the chain", changed.getValue().get(),
                    count("SELECT COUNT(*) FROM security_audit WHERE action = 'volunteer.update' AND entity_id = '"
                            + changed.getKey() + "'"));
        }

        Set<String> registeredThere = column("SELECT id FROM registry_volunteer WHERE province_code = '40'");
        registeredThere.removeAll(before);
        Set<String> sent = new HashSet<>();
        receiver.awaitEvents(registeredThere.size(), hook.json().get("secret").asText(), 5).keySet()
                .forEach(event -> sent.add(event.split(" ")[0]));
        receiver.close();
        assertEquals("every record registered in province 40 reached its webhook", registeredThere, sent);
        System.out.println("Load test: " + sent.size() + " webhook messages delivered");

        // a minute later the platform answers as before, and holds no connection
        Thread.sleep(60_000);
        assertEquals(200, http().get("/health").status());
        expect(failures, officers.get("50").get("/volunteers/" + readable.get("50").get(0)), 200);
        assertTrue(failures.first(1).toString(), failures.isEmpty());
        assertPoolIdle();
    }

    @Test
    public void everyErrorPathEndsItsTransactionAndReturnsItsConnection() throws Exception {
        Http officer = officer("errors-50", "50");
        HttpAnswer created = officer.post("/volunteers", AccessMatrixIT.volunteerJson("50"));
        assertEquals(created.toString(), 201, created.status());
        String path = "/volunteers/" + created.json().get("id").asText();
        String etag = created.header("ETag");
        assertEquals(200, officer.copy().with("If-Match", etag).send("PATCH", path, PATCH, "{\"address\": \"1\"}")
                .status());
        List<Integer> statuses = List.of(
                officer.copy().get("/volunteers/no-such-volunteer").status(),
                officer.copy().send("POST", "/volunteers", "application/json", "{not json").status(),
                officer.copy().post("/volunteers", "{\"nationalId\": \"1\"}").status(),
                officer.copy().post("/volunteers", AccessMatrixIT.volunteerJson("50")
                        .replaceAll("\"nationalId\": \"[0-9]+\"", "\"nationalId\": \""
                                + created.json().get("nationalId").asText() + "\"")).status(),
                officer.copy().with("If-Match", etag).send("PATCH", path, PATCH, "{\"address\": \"2\"}")
                        .status(),
                officer("errors-40", "40").with("If-Match", "*").send("PATCH", path, PATCH, "{\"address\": \"3\"}")
                        .status(),
                http().as("errors-50", "wrong password!!").get(path).status(),
                officer.copy().get("/volunteers/imports/no-such-import").status());
        assertEquals(List.of(404, 400, 422, 409, 412, 404, 401, 404), statuses);
        assertPoolIdle();
        assertEquals(200, officer.copy().get(path).status());
    }

    @Test
    public void anAtomicImportOfFiftyThousandRowsStallsNoOtherProvince() throws Exception {
        Http chiangMai = officer("import-50", "50");
        Http bangkok = officer("import-10", "10");
        StringBuilder csv = new StringBuilder("national_id,title,first_name,last_name,birth_date,gender,"
                + "subdistrict_code\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append(AccessMatrixIT.nationalId(UNIQUE.incrementAndGet())).append(",นาย,สงขลา,นำเข้า,1/1/2520,ชาย,900101\n");
        }
        Queue failures = new Queue();
        List<Long> before = otherProvinces(chiangMai, bangkok, 8, () -> false, failures, 3);

        HttpAnswer started = asAdmin().sendBytes("POST", "/volunteers/imports?atomic=true", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(started.toString(), 202, started.status());
        String report = "/volunteers/imports/" + started.json().get("id").asText();
        long importStart = System.nanoTime();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        JsonNode[] done = new JsonNode[1];
        Thread poller = new Thread(() -> {
            try {
                while (running.get()) {
                    HttpAnswer answer = asAdmin().get(report);
                    if (answer.status() != 200) {
                        // reading an import's report while it runs answers, whatever it is doing
                        failures.add("import report: " + answer.status() + " " + answer.body());
                    } else if (Set.of("DONE", "FAILED").contains(answer.json().get("status").asText())) {
                        done[0] = answer.json();
                        running.set(false);
                    }
                    Thread.sleep(200);
                }
            } catch (Exception e) {
                failures.add("poller: " + e);
                running.set(false);
            }
        });
        poller.start();
        List<Long> during = otherProvinces(chiangMai, bangkok, 8, running::get, failures, 600);
        poller.join(TimeUnit.MINUTES.toMillis(10));
        long importMillis = (System.nanoTime() - importStart) / 1_000_000;
        System.out.println("Atomic import of 50,000 rows: " + importMillis + " ms; other provinces, " + before.size()
                + " requests in 3 s before it (median " + median(before) + " ms), " + during.size()
                + " while it ran (median " + median(during) + " ms)");
        assertTrue("failed answers: " + failures.first(10), failures.isEmpty());
        assertEquals(String.valueOf(done[0]), "DONE", done[0].get("status").asText());
        assertEquals(50_000, done[0].get("accepted").asInt());
        // before issue 9 every audited request of the country waited for the import's lock until it committed
        assertTrue("other provinces were served while the import ran: " + during.size(), during.size() >= 50);
        awaitAuditSealed();
        assertTrue(asAdmin().get("/audit/verification").json().get("brokenAt").isNull());
    }

    /**
     * Registers and reads in two other provinces from {@code clients} threads while {@code going} says so (or for
     * {@code seconds} when it never does); the time of each request in milliseconds.
     */
    private static List<Long> otherProvinces(Http chiangMai, Http bangkok, int clients,
            java.util.function.BooleanSupplier going, Queue failures, long seconds) throws Exception {
        List<Long> millis = java.util.Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        boolean untilDeadline = !going.getAsBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Http as = c % 2 == 0 ? chiangMai : bangkok;
            String province = c % 2 == 0 ? "50" : "10";
            work.add(threads.submit(() -> {
                while (System.nanoTime() < deadline && (untilDeadline || going.getAsBoolean())) {
                    long start = System.nanoTime();
                    HttpAnswer created = as.post("/volunteers", AccessMatrixIT.volunteerJson(province));
                    if (expect(failures, created, 201)) {
                        expect(failures, as.get("/volunteers/" + created.json().get("id").asText()), 200);
                    }
                    millis.add((System.nanoTime() - start) / 1_000_000);
                }
                return null;
            }));
        }
        for (Future<?> w : work) {
            w.get(15, TimeUnit.MINUTES);
        }
        threads.shutdown();
        return millis;
    }

    private static long median(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }

    /** Changes a record only this client changes, so that the last acknowledged value must be the stored one. */
    private static void patchOwn(Http as, String id, int client, Queue failures, Map<String, String> lastAddress,
            Map<String, AtomicInteger> patches) throws Exception {
        HttpAnswer current = as.get("/volunteers/" + id);
        if (!expect(failures, current, 200)) {
            return;
        }
        String address = "load " + client + "-" + UNIQUE.incrementAndGet();
        HttpAnswer changed = as.copy().with("If-Match", current.header("ETag"))
                .send("PATCH", "/volunteers/" + id, PATCH, "{\"address\": \"" + address + "\"}");
        if (expect(failures, changed, 200)) {
            lastAddress.put(id, address);
            patches.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static boolean expect(Queue failures, HttpAnswer answer, int status) {
        if (answer.status() == status) {
            return true;
        }
        failures.add(answer.status() + " " + answer.body());
        return false;
    }

    private Http officer(String username, String province) throws Exception {
        HttpAnswer made = asAdmin().post("/users", "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD
                + "\", \"roles\": [\"province-officer\"], \"province\": \"" + province + "\"}");
        assertTrue(made.toString(), made.status() == 201 || made.status() == 409);
        return http().as(username, PASSWORD);
    }

    /**
     * A round of recognition for one candidate: the catalogue, their eligibility or their network's registration as an
     * organisation read; the nominations listed, summed up or printed as the Direkgunabhorn dossier (CSV or PDF); or
     * a draft for the provincial award (409 while another client's is open), and the draft withdrawn, so that the
     * candidate comes round again.
     */
    private static void nominate(Http as, String candidate, String network, Random random, Queue failures,
            Set<String> drafted, Set<String> withdrawn) throws Exception {
        int pick = random.nextInt(4);
        if (pick == 0) {
            int read = random.nextInt(3);
            expect(failures, as.get(read == 0 ? "/awards" : read == 1 ? "/volunteers/" + candidate + "/eligibility"
                    : "/networks/" + network + "/registration"), 200);
            return;
        }
        if (pick == 1) {
            int read = random.nextInt(4);
            expect(failures, read < 2 ? as.get("/nominations?limit=20") : read == 2 ? as.get("/nominations/summary")
                    // the dossier as the province's officers print it, whole, in Thai
                    : as.copy().with("Accept", random.nextBoolean() ? "application/pdf" : "text/csv")
                            .get("/nominations/dossier"), 200);
            return;
        }
        HttpAnswer draft = as.post("/nominations", "{\"awardCode\": \"OUTSTANDING_PROVINCIAL\", \"volunteerId\": \""
                + candidate + "\", \"fiscalYear\": " + FiscalYear.of(LocalDate.now()) + ", \"justification\": "
                + "\"ทำงานต่อเนื่อง\"}");
        if (draft.status() == 409) {
            return;
        }
        if (expect(failures, draft, 201)) {
            String id = draft.json().get("id").asText();
            drafted.add(id);
            if (expect(failures, as.post("/nominations/" + id + "/transitions", "{\"action\": \"withdraw\", "
                    + "\"comment\": \"รอบหน้า\"}"), 200)) {
                withdrawn.add(id);
            }
        }
    }

    /** Ten volunteers registered in 2015, members of the network, each in an activity of the last three years. */
    private static List<String> candidates(Http as, String province, String network) throws Exception {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HttpAnswer created = as.post("/volunteers", AccessMatrixIT.volunteerJson(province).replace("}",
                    ", \"registeredOn\": \"2015-01-01\"}"));
            assertEquals(created.toString(), 201, created.status());
            String v = created.json().get("id").asText();
            assertEquals(201, as.post("/networks/" + network + "/members", "{\"volunteerId\": \"" + v
                    + "\", \"since\": \"2020-01-01\"}").status());
            people.add(v);
        }
        FiscalYear now = FiscalYear.of(LocalDate.now());
        for (int back = 3; back >= 1; back--) {
            HttpAnswer activity = as.post("/networks/" + network + "/activities", "{\"date\": \""
                    + FiscalYear.of(now.buddhistYear() - back).start().plusMonths(8) + "\", \"kind\": \"MEETING\", "
                    + "\"title\": \"ประชุมประจำปี\", \"participants\": [\"" + String.join("\", \"", people)
                    + "\"], \"hours\": 2}");
            assertEquals(activity.toString(), 201, activity.status());
        }
        return people;
    }

    private static String registered(Http as, String province) throws Exception {
        HttpAnswer created = as.post("/volunteers", AccessMatrixIT.volunteerJson(province));
        assertEquals(created.toString(), 201, created.status());
        return created.json().get("id").asText();
    }

    /** Every connection back in the pool once the requests are answered (the sequencer may hold one briefly). */
    private void assertPoolIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // one observation decides: read twice, the sequencer's next round could take a connection in between
        PoolState state = pool.state();
        while (state.active() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            state = pool.state();
        }
        assertEquals(state.toString(), 0, state.active());
    }

    private Set<String> column(String sql) throws Exception {
        Set<String> values = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private int count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Failures seen by many threads. */
    private static final class Queue {

        private final ConcurrentLinkedQueue<String> items = new ConcurrentLinkedQueue<>();

        void add(String failure) {
            items.add(failure);
        }

        boolean isEmpty() {
            return items.isEmpty();
        }

        int size() {
            return items.size();
        }

        List<String> first(int n) {
            return items.stream().limit(n).toList();
        }
    }
}
