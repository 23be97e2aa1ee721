package org.apom.networks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apom.areas.api.AreaDirectory;
import org.apom.core.api.FiscalYear;
import org.apom.core.api.NationalId;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.core.api.problem.Preconditions;
import org.apom.core.api.problem.ProblemException;
import org.apom.networks.api.ActivityInput;
import org.apom.networks.api.CommitteeInput;
import org.apom.networks.api.CurrentTier;
import org.apom.networks.api.Network;
import org.apom.networks.api.NetworkInput;
import org.apom.networks.api.NetworkQuery;
import org.apom.persistence.testing.TestDatabase;
import org.apom.registry.api.VolunteerStanding;
import org.apom.registry.api.VolunteerStandings;
import org.apom.registry.api.VolunteerStatus;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The networks' rules against a real (in-memory Derby) database built by the bundle's own changelog. */
class NetworkStoreTest {

    private static final Caller OFFICER = Caller.person("cm-officer", Set.of(Role.PROVINCE_OFFICER),
            ProvinceCode.of("50"));
    private static final Caller OTHER = Caller.person("kk-officer", Set.of(Role.PROVINCE_OFFICER),
            ProvinceCode.of("40"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC);

    private final List<String> audited = new CopyOnWriteArrayList<>();
    private final Map<String, VolunteerStanding> register = new HashMap<>();
    private final Map<NationalId, String> nationalIds = new HashMap<>();
    private VolunteerStandings standings;
    private AuditTrail audit;
    private TestDatabase db;
    private JpaNetworks networks;
    private JpaNetworkMembers members;
    private JpaNetworkCommittees committees;
    private JpaNetworkActivities activities;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase("apom-networks-test", "META-INF/test-persistence.xml", JpaNetworks.CHANGELOG);
        audit = audit(audited);
        networks = new JpaNetworks(db, audit, areas(), CLOCK);
        VolunteerStandings standings = new VolunteerStandings() {
            @Override
            public Map<String, VolunteerStanding> of(Caller caller, Collection<String> ids) {
                return standings(caller, ids);
            }

            @Override
            public Map<NationalId, VolunteerStanding> ofNationalIds(Caller caller, Collection<NationalId> ids) {
                Map<NationalId, VolunteerStanding> found = new HashMap<>();
                ids.stream().filter(nationalIds::containsKey).forEach(n -> found.put(n, register.get(nationalIds.get(n))));
                return found;
            }

            @Override
            public void forEach(Caller caller, ProvinceCode province,
                    java.util.function.Consumer<VolunteerStanding> consumer) {
                register.values().forEach(consumer);
            }
        };
        this.standings = standings;
        members = new JpaNetworkMembers(db, audit, standings, CLOCK);
        committees = new JpaNetworkCommittees(db, audit, CLOCK);
        activities = new JpaNetworkActivities(db, audit, new JpaActivityKinds(db, audit, CLOCK), CLOCK);
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void aNetworkBelongsToItsAreasProvince() {
        Network n = networks.create(OFFICER, new NetworkInput("ศรีภูมิ", "SUBDISTRICT", "500101", "1/1/2563"));
        assertEquals(ProvinceCode.of("50"), n.province());
        assertEquals(LocalDate.of(2020, 1, 1), n.foundedOn());
        assertEquals(404, assertThrows(ProblemException.class, () -> networks.get(OTHER, n.id())).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> networks.create(OFFICER,
                new NetworkInput("  ศรีภูมิ ", "SUBDISTRICT", "500101", null))).status());
        // the same name at another level is another network
        networks.create(OFFICER, new NetworkInput("ศรีภูมิ", "DISTRICT", "5001", null));
        assertEquals(List.of("network.create", "network.create"), audited);
    }

    @Test
    void membershipsKeepTheirHistoryAndTheirArea() {
        Network n = networks.create(OFFICER, new NetworkInput("ศรีภูมิ", "SUBDISTRICT", "500101", "2020-01-01"));
        volunteer("v1", "500101", VolunteerStatus.ACTIVE);
        volunteer("v2", "500102", VolunteerStatus.ACTIVE);
        volunteer("v3", "500101", VolunteerStatus.RESIGNED);
        members.join(OFFICER, n.id(), "v1", "2021-01-01");
        assertEquals("outside-area", code(() -> members.join(OFFICER, n.id(), "v2", null)));
        assertEquals("not-active", code(() -> members.join(OFFICER, n.id(), "v3", null)));
        assertEquals("before-founded", code(() -> members.join(OFFICER, n.id(), "v1", "2019-01-01")));
        assertEquals(409, assertThrows(ProblemException.class, () -> members.join(OFFICER, n.id(), "v1", null))
                .status());
        members.leave(OFFICER, n.id(), "v1", "2022-06-30", "ย้ายไปอยู่ที่อื่น");
        assertEquals("overlaps", code(() -> members.join(OFFICER, n.id(), "v1", "2022-06-30")));
        members.join(OFFICER, n.id(), "v1", "2023-01-01");
        assertEquals(2, members.memberships(OFFICER, n.id(), "v1").size());
        assertEquals(1, networks.get(OFFICER, n.id()).memberCount());
    }

    @Test
    void aCommitteeIsOfMembersAndReplacedNotLost() {
        Network n = networks.create(OFFICER, new NetworkInput("ศรีภูมิ", "SUBDISTRICT", "500101", "2020-01-01"));
        for (String v : List.of("v1", "v2", "v3")) {
            volunteer(v, "500101", VolunteerStatus.ACTIVE);
            members.join(OFFICER, n.id(), v, "2020-01-01");
        }
        CommitteeInput first = committee("v1", "CHAIR", "v2", "TREASURER");
        assertEquals(1, committees.appoint(OFFICER, n.id(), first, Preconditions.ANY).version());
        assertEquals(412, assertThrows(ProblemException.class, () -> committees.appoint(OFFICER, n.id(), first, 0))
                .status());
        assertEquals(409, assertThrows(ProblemException.class, () -> members.leave(OFFICER, n.id(), "v2", null, null))
                .status());
        committees.appoint(OFFICER, n.id(), committee("v3", "CHAIR", "v1", "MEMBER"), 1);
        members.leave(OFFICER, n.id(), "v2", null, null);
        assertEquals(2, committees.history(OFFICER, n.id()).size());
        assertEquals("v3", committees.current(OFFICER, n.id()).orElseThrow().seats().get(0).volunteerId());
        assertEquals("not-a-member", code(() -> committees.appoint(OFFICER, n.id(), committee("v2", "CHAIR"), 2)));
        assertEquals("no-chair", code(() -> committees.appoint(OFFICER, n.id(), committee("v1", "MEMBER"), 2)));
    }

    @Test
    void anActivityNamesMembersOfItsDayOnce() {
        Network n = networks.create(OFFICER, new NetworkInput("ศรีภูมิ", "SUBDISTRICT", "500101", "2020-01-01"));
        volunteer("v1", "500101", VolunteerStatus.ACTIVE);
        volunteer("v2", "500101", VolunteerStatus.ACTIVE);
        members.join(OFFICER, n.id(), "v1", "2020-01-01");
        members.join(OFFICER, n.id(), "v2", "2025-01-01");
        ActivityInput early = new ActivityInput("2024-06-01", "HOME_VISIT", "เยี่ยมบ้าน", List.of("v1", "v2"), "4", "2");
        assertEquals("not-a-member", code(() -> activities.record(OFFICER, n.id(), early)));
        ActivityInput later = new ActivityInput("1/6/2568", "HOME_VISIT", "เยี่ยมบ้าน", List.of("v1", "v2"), "4", "2.5");
        assertEquals(2, activities.record(OFFICER, n.id(), later).participants().size());
        assertEquals(409, assertThrows(ProblemException.class, () -> activities.record(OFFICER, n.id(), later))
                .status());
        assertEquals(404, assertThrows(ProblemException.class, () -> activities.record(OTHER, n.id(), later))
                .status());
        assertEquals(1, activities.list(OFFICER, n.id(), org.apom.networks.api.ActivityQuery.all(),
                org.apom.core.api.PageRequest.of(null, null)).items().size());
    }

    @Test
    void aVolunteersServiceIsTheirSeatsAndTheirYears() {
        Network n = networks.create(OFFICER, new NetworkInput("ศรีภูมิ", "SUBDISTRICT", "500101", "2020-01-01"));
        Network left = networks.create(OFFICER, new NetworkInput("ช้างเผือก", "SUBDISTRICT", "500101", "2020-01-01"));
        for (String v : List.of("v1", "v2")) {
            volunteer(v, "500101", VolunteerStatus.ACTIVE);
            members.join(OFFICER, n.id(), v, "2020-01-01");
        }
        members.join(OFFICER, left.id(), "v1", "2020-01-01");
        committees.appoint(OFFICER, n.id(), committee("v2", "CHAIR", "v1", "SECRETARY"), Preconditions.ANY);
        activities.record(OFFICER, n.id(), new ActivityInput("2024-09-30", "HOME_VISIT", "เยี่ยมบ้าน", List.of("v1"),
                "3", "2"));
        activities.record(OFFICER, n.id(), new ActivityInput("2024-10-01", "HOME_VISIT", "เยี่ยมบ้าน", List.of("v1",
                "v2"), "4", "2.5"));
        activities.record(OFFICER, n.id(), new ActivityInput("2025-03-01", "TRAINING", "อบรม", List.of("v1"), "0", "6"));
        members.leave(OFFICER, left.id(), "v1", "2025-06-30", null);
        JpaServiceRecords records = new JpaServiceRecords(db, standings, CLOCK);

        org.apom.networks.api.ServiceRecord v1 = records.of(OFFICER, "v1", FiscalYear.of(2567), FiscalYear.of(2569));
        // 30 September 2024 ends fiscal year 2567; 1 October 2024 begins 2568
        assertEquals(List.of(1, 2, 0), v1.years().stream().map(y -> y.activities()).toList());
        assertEquals(0, v1.years().get(1).hours().compareTo(new java.math.BigDecimal("8.5")));
        assertEquals(4, v1.years().get(1).beneficiaries());
        assertEquals(Map.of("HOME_VISIT", 1, "TRAINING", 1), v1.years().get(1).byKind());
        // the network left is history, not a position
        assertEquals(List.of(n.id()), v1.positions().stream().map(p -> p.networkId()).toList());
        assertEquals(org.apom.networks.api.CommitteePosition.SECRETARY, v1.positions().get(0).seat());
        assertEquals(404, assertThrows(ProblemException.class, () -> records.of(OTHER, "v1", FiscalYear.of(2567),
                FiscalYear.of(2569))).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> records.of(OFFICER, "v1", FiscalYear.of(2569),
                FiscalYear.of(2567))).status());
    }

    @Test
    void hoursAndCountsHaveBounds() {
        List<org.apom.core.api.problem.FieldError> errors = new ArrayList<>();
        assertEquals(0, NetworkRules.hours("24", errors).compareTo(java.math.BigDecimal.valueOf(24)));
        assertEquals(null, NetworkRules.hours("24.01", errors));
        assertEquals(null, NetworkRules.hours("0", errors));
        assertEquals(null, NetworkRules.hours("1.125", errors));
        assertEquals(0, NetworkRules.hours("๒.๕", errors).compareTo(new java.math.BigDecimal("2.5")));
        assertEquals(3, errors.size());
        assertEquals(1_000_000, NetworkRules.count("b", "1000000", 1_000_000, errors));
        assertEquals(null, NetworkRules.count("b", "1000001", 1_000_000, errors));
    }

    @Test
    void aSpreadsheetOfActivitiesGoesInRowByRowAndSaysWhatItRefused() throws Exception {
        Network n = networks.create(OFFICER, new NetworkInput("ศรีภูมิ", "SUBDISTRICT", "500101", "2020-01-01"));
        for (String v : List.of("v1", "v2", "v3")) {
            volunteer(v, "500101", VolunteerStatus.ACTIVE);
            members.join(OFFICER, n.id(), v, "2020-01-01");
        }
        String csv = "date,kind,title,participants,beneficiaries,hours\r\n"
                + "1/10/2568,HOME_VISIT,เยี่ยมบ้าน,\"" + dashed(nationalId(1)) + "; " + nationalId(2) + "\",3,2\r\n"
                + "2025-10-02,PICNIC,เที่ยว,v1,,1\r\n"
                + "2025-10-03,MEETING,ประชุม,\"v1 " + nationalId(99) + "\",,1\r\n"
                + "1/10/2568,HOME_VISIT, เยี่ยมบ้าน ,v3,1,1\r\n"
                + "2025-10-04,TRAINING,อบรม,v3,10,๖\r\n";
        JpaActivityImports imports = new JpaActivityImports(db, audit, standings, new JpaActivityKinds(db, audit, CLOCK),
                CLOCK, java.util.concurrent.Executors.newSingleThreadExecutor());
        String id = imports.start(OFFICER, n.id(), csv.getBytes(java.nio.charset.Charset.forName("x-windows-874")),
                false).id();
        org.apom.networks.api.ActivityImport done = awaitDone(imports, n.id(), id);
        assertEquals("windows-874", done.encoding());
        assertEquals(List.of("DONE", 5, 2, 3), List.of(done.status(), done.processed(), done.accepted(),
                done.rejected()), String.valueOf(done.failure()));
        assertEquals(List.of("3:kind:unknown-kind", "4:participants:unknown-participant", "5:null:duplicate"),
                done.errors().stream().map(e -> e.line() + ":" + e.field() + ":" + e.code()).toList());
        assertEquals(2, activities.list(OFFICER, n.id(), org.apom.networks.api.ActivityQuery.all(),
                org.apom.core.api.PageRequest.of(null, null)).items().size());
        assertEquals(422, assertThrows(ProblemException.class, () -> imports.start(OFFICER, n.id(),
                "date,kind\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), false)).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> imports.start(OTHER, n.id(),
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), false)).status());
    }

    @Test
    void anImportCutOffResumesAfterItsLastChunkAndDoublesNothing() throws Exception {
        Network n = networks.create(OFFICER, new NetworkInput("ศรีภูมิ", "SUBDISTRICT", "500101", "2020-01-01"));
        volunteer("v1", "500101", VolunteerStatus.ACTIVE);
        members.join(OFFICER, n.id(), "v1", "2020-01-01");
        StringBuilder csv = new StringBuilder("date,kind,title,participants,hours\n");
        int rows = ActivityImportRun.CHUNK * 2 + 50;
        for (int i = 0; i < rows; i++) {
            csv.append("2025-01-01,MEETING,ประชุมครั้งที่ ").append(i).append(",v1,1\n");
        }
        // no executor: the test runs the import itself, and stops it after its first chunk
        java.util.concurrent.ExecutorService none = java.util.concurrent.Executors.newSingleThreadExecutor();
        none.shutdown();
        JpaActivityImports imports = new JpaActivityImports(db, audit, standings, new JpaActivityKinds(db, audit, CLOCK),
                CLOCK, none);
        String id = imports.start(OFFICER, n.id(), csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                false).id();
        ActivityImportRun run = new ActivityImportRun(db, audit, standings, new JpaActivityKinds(db, audit, CLOCK), CLOCK);
        java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
        run.run(id, () -> checks.incrementAndGet() > 1);
        org.apom.networks.api.ActivityImport cut = imports.get(OFFICER, n.id(), id);
        assertEquals("RUNNING", cut.status());
        assertEquals(ActivityImportRun.CHUNK, cut.processed());
        run.run(id, () -> false);
        org.apom.networks.api.ActivityImport done = imports.get(OFFICER, n.id(), id);
        assertEquals("DONE", done.status());
        assertEquals(List.of(rows, rows, 0), List.of(done.processed(), done.accepted(), done.rejected()));
        assertEquals(rows, audited.stream().filter("activity.create"::equals).count());
    }

    private static org.apom.networks.api.ActivityImport awaitDone(JpaActivityImports imports, String network,
            String id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            org.apom.networks.api.ActivityImport report = imports.get(OFFICER, network, id);
            if (report.status().equals("DONE") || report.status().equals("FAILED")) {
                return report;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the import did not end");
    }

    private static String dashed(String id) {
        return id.charAt(0) + "-" + id.substring(1, 5) + "-" + id.substring(5, 10) + "-" + id.substring(10, 12) + "-"
                + id.charAt(12);
    }

    private static String nationalId(int n) {
        String first12 = "3" + String.format("%011d", n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (first12.charAt(i) - '0') * (13 - i);
        }
        return first12 + (11 - sum % 11) % 10;
    }

    private static String code(Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        assertEquals(422, e.status(), e.getMessage());
        return e.errors().get(0).code();
    }

    private static CommitteeInput committee(String... seats) {
        List<CommitteeInput.Seat> list = new ArrayList<>();
        for (int i = 0; i < seats.length; i += 2) {
            list.add(new CommitteeInput.Seat(seats[i], seats[i + 1]));
        }
        return new CommitteeInput("2024-01-01", "2027-12-31", list);
    }

    private void volunteer(String id, String subdistrict, VolunteerStatus status) {
        nationalIds.put(NationalId.parse(nationalId(register.size() + 1)), id);
        register.put(id, new VolunteerStanding(id, SubdistrictCode.of(subdistrict), ProvinceCode.of(subdistrict
                .substring(0, 2)), status, LocalDate.of(2019, 1, 1), null, null));
    }

    private Map<String, VolunteerStanding> standings(Caller caller, Collection<String> ids) {
        Map<String, VolunteerStanding> found = new HashMap<>();
        ids.stream().filter(register::containsKey).forEach(id -> found.put(id, register.get(id)));
        return found;
    }

    /** Every area of Chiang Mai's first district exists, and nothing else. */
    private static AreaDirectory areas() {
        return (AreaDirectory) Proxy.newProxyInstance(NetworkStoreTest.class.getClassLoader(),
                new Class<?>[] {AreaDirectory.class}, (proxy, method, args) -> {
                    String code = String.valueOf(args[0]).replaceAll("\\D", "");
                    return code.startsWith("50") && (code.length() == 2 || code.startsWith("5001"))
                            ? Optional.of(new Object()) : Optional.empty();
                });
    }

    private static AuditTrail audit(List<String> actions) {
        return (AuditTrail) Proxy.newProxyInstance(NetworkStoreTest.class.getClassLoader(),
                new Class<?>[] {AuditTrail.class}, (proxy, method, args) -> {
                    if (method.getName().equals("record")) {
                        actions.add((String) args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aNetworkShowsItsLatestYearsTierAndListsFilterByIt() {
        JpaNetworkTiers tiers = new JpaNetworkTiers(db);
        Network a = networks.create(OFFICER, new NetworkInput("ศรีภูมิ", "SUBDISTRICT", "500101", null));
        Network b = networks.create(OFFICER, new NetworkInput("พระสิงห์", "SUBDISTRICT", "500102", null));
        Network c = networks.create(OFFICER, new NetworkInput("ช้างม่อย", "SUBDISTRICT", "500103", null));
        assertEquals(null, a.currentTier());
        tiers.recordRun("r2569", FiscalYear.of(2569), Map.of(a.id(), "A", b.id(), "C"));
        tiers.recordOverride(b.id(), FiscalYear.of(2569), "B");
        assertEquals(new CurrentTier(2569, "C", "r2569", "B"), networks.get(OFFICER, b.id()).currentTier());
        // a later run of the same year replaces the tier and keeps the year's override
        tiers.recordRun("r2569b", FiscalYear.of(2569), Map.of(b.id(), "A", c.id(), "C"));
        assertEquals(new CurrentTier(2569, "A", "r2569b", "B"), networks.get(OFFICER, b.id()).currentTier());
        // grading an earlier year again never takes a network back to it; a later year drops the old override
        tiers.recordRun("r2568", FiscalYear.of(2568), Map.of(a.id(), "C", b.id(), "C"));
        assertEquals(new CurrentTier(2569, "A", "r2569", null), networks.get(OFFICER, a.id()).currentTier());
        tiers.recordRun("r2570", FiscalYear.of(2570), Map.of(b.id(), "B"));
        tiers.recordOverride(a.id(), FiscalYear.of(2570), "C"); // a is not graded for 2570: nothing to show it beside
        assertEquals(new CurrentTier(2570, "B", "r2570", null), networks.get(OFFICER, b.id()).currentTier());
        assertEquals(null, networks.get(OFFICER, a.id()).currentTier().override());
        assertEquals(List.of(a.id()), ids(new NetworkQuery(null, null, null, "A")));
        assertEquals(List.of(c.id()), ids(new NetworkQuery(ProvinceCode.of("50"), null, null, "C")));
        assertEquals(0, networks.search(OTHER, new NetworkQuery(null, null, null, "A"),
                org.apom.core.api.PageRequest.of(null, null)).items().size());
        // the grading moves no ETag: a client's If-Match on the name still holds
        assertEquals(a.version(), networks.get(OFFICER, a.id()).version());
    }

    @Test
    void aNetworkWithoutItsGradingRowIsStillRecorded() {
        JpaNetworkTiers tiers = new JpaNetworkTiers(db);
        Network a = networks.create(OFFICER, new NetworkInput("ศรีภูมิ", "SUBDISTRICT", "500101", null));
        Network b = networks.create(OFFICER, new NetworkInput("พระสิงห์", "SUBDISTRICT", "500102", null));
        // as a node of an older version would have left it: the network without its row
        db.tx(org.apache.aries.jpa.template.TransactionType.Required, em -> em.createNativeQuery(
                "DELETE FROM NET_NETWORK_TIER WHERE NETWORK_ID = '" + b.id() + "'").executeUpdate());
        tiers.recordRun("r2569", FiscalYear.of(2569), Map.of(a.id(), "A", b.id(), "A"));
        assertEquals(new CurrentTier(2569, "A", "r2569", null), networks.get(OFFICER, a.id()).currentTier());
        assertEquals(new CurrentTier(2569, "A", "r2569", null), networks.get(OFFICER, b.id()).currentTier());
    }

    private List<String> ids(NetworkQuery query) {
        return networks.search(OFFICER, query, org.apom.core.api.PageRequest.of(null, null)).items().stream()
                .map(Network::id).toList();
    }
}
