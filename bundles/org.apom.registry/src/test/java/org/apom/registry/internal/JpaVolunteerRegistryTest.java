package org.apom.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.areas.api.Subdistrict;
import org.apom.core.api.DistrictCode;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.persistence.testing.TestDatabase;
import org.apom.persistence.testing.TestJpaTemplate;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerInput;
import org.apom.registry.api.VolunteerSearch;
import org.apom.registry.api.VolunteerStatus;
import org.apom.security.api.AuditEntry;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JpaVolunteerRegistryTest {

    private static final Caller CM_OFFICER = Caller.person("cm", Set.of(Role.PROVINCE_OFFICER), ProvinceCode.of("50"));
    private static final Caller KK_OFFICER = Caller.person("kk", Set.of(Role.PROVINCE_OFFICER), ProvinceCode.of("40"));
    private static final Caller CENTRAL = Caller.system("test");

    private TestDatabase db;
    private final List<String> audited = new ArrayList<>();
    private JpaVolunteerRegistry registry;
    private VolunteerRules rules;

    private static final Subdistrict NAI_MUEANG_KK = new Subdistrict(SubdistrictCode.of("400101"),
            DistrictCode.of("4001"), "ในเมือง", "Nai Mueang", "40000", null, null);
    private static final Subdistrict BAN_LUANG = new Subdistrict(SubdistrictCode.of("500203"), DistrictCode.of("5002"),
            "บ้านหลวง", "Ban Luang", "50160", null, null);

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase("apom-registry-test", "META-INF/test-persistence.xml", JpaVolunteerRegistry.CHANGELOG);
        rules = new VolunteerRules(code -> Optional.of(List.of(VolunteerRulesTest.SI_PHUM, BAN_LUANG, NAI_MUEANG_KK))
                .flatMap(known -> known.stream().filter(s -> s.code().equals(code)).findFirst()), 18);
        registry = new JpaVolunteerRegistry(db, rules, recordingAudit(),
                Clock.fixed(Instant.parse("2026-11-29T03:00:00Z"), JpaVolunteerRegistry.THAILAND));
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void registersOncePerNationalId() {
        Volunteer v = registry.register(CM_OFFICER, VolunteerRulesTest.somchai());
        assertEquals(ProvinceCode.of("50"), v.provinceCode());
        assertEquals(VolunteerStatus.ACTIVE, v.status());
        assertEquals(List.of("volunteer.create"), audited);
        VolunteerInput again = new VolunteerInput("๓๑๐๐๖๐๐๔๔๕๖๓๕", "นาย", "สมชาย", "ใจดี", null, null,
                "1967-03-15", "MALE", null, "500101", null, null);
        ProblemException e = assertThrows(ProblemException.class, () -> registry.register(CENTRAL, again));
        assertEquals(409, e.status());
        assertEquals("duplicate", e.code());
    }

    @Test
    void anotherProvincesRecordIsNotFoundAndCannotBeRegistered() {
        Volunteer v = registry.register(CM_OFFICER, VolunteerRulesTest.somchai());
        assertEquals(404, assertThrows(ProblemException.class, () -> registry.get(KK_OFFICER, v.id())).status());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> registry.register(KK_OFFICER, VolunteerRulesTest.somchai())).status());
        assertEquals(0, registry.search(KK_OFFICER, VolunteerSearch.all(), PageRequest.of(null, null)).items().size());
    }

    @Test
    void concurrentRegistrationsOfOneIdMakeOneRecordAndAnswerDuplicate() throws Exception {
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Object>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                try {
                    return registry.register(CM_OFFICER, VolunteerRulesTest.somchai());
                } catch (ProblemException e) {
                    return e;
                }
            }));
        }
        start.countDown();
        int created = 0;
        for (var answer : answers) {
            Object a = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            if (a instanceof Volunteer) {
                created++;
            } else {
                ProblemException e = (ProblemException) a;
                assertEquals(409, e.status(), e.code());
                assertEquals("duplicate", e.code());
            }
        }
        pool.shutdown();
        assertEquals(1, created);
    }

    @Test
    void anIdHeldInAnotherProvinceIsRegisteredElsewhereAndAProbe() {
        registry.register(CM_OFFICER, VolunteerRulesTest.somchai());
        audited.clear();
        ProblemException e = assertThrows(ProblemException.class, () -> registry.register(KK_OFFICER, inKhonKaen()));
        assertEquals(409, e.status());
        assertEquals("registered-elsewhere", e.code());
        assertTrue(!e.getMessage().contains("50") && !e.getMessage().contains("เชียงใหม่"), e.getMessage());
        assertEquals(List.of("volunteer.probe"), audited);
        // the province that holds it answers as before
        assertEquals("duplicate", assertThrows(ProblemException.class,
                () -> registry.register(CM_OFFICER, VolunteerRulesTest.somchai())).code());
        assertEquals(List.of("volunteer.probe"), audited);
    }

    @Test
    void probesBeyondTheDailyLimitAnswer429() {
        registry = new JpaVolunteerRegistry(db, new VolunteerRules(code -> Optional.of(NAI_MUEANG_KK)
                .filter(s -> s.code().equals(code)).or(() -> Optional.of(VolunteerRulesTest.SI_PHUM)
                        .filter(s -> s.code().equals(code))), 18), recordingAudit(),
                Clock.fixed(Instant.parse("2026-11-29T03:00:00Z"), JpaVolunteerRegistry.THAILAND), 2);
        registry.register(CM_OFFICER, VolunteerRulesTest.somchai());
        for (int i = 0; i < 2; i++) {
            assertEquals("registered-elsewhere", assertThrows(ProblemException.class,
                    () -> registry.register(KK_OFFICER, inKhonKaen())).code());
        }
        ProblemException e = assertThrows(ProblemException.class, () -> registry.register(KK_OFFICER, inKhonKaen()));
        assertEquals(429, e.status());
        assertEquals("probe-limit", e.code());
        assertTrue(e.retryAfterSeconds() > 0);
        // at the limit, an ID held nowhere is refused too: "429 or 201" must not tell where an ID is held
        VolunteerInput nowhere = new VolunteerInput("1101700203450", "นาย", "ใหม่", "ไม่มีที่ไหน", null, null,
                "1980-01-01", "MALE", null, "400101", null, null);
        assertEquals("probe-limit", assertThrows(ProblemException.class,
                () -> registry.register(KK_OFFICER, nowhere)).code());
        // another caller has a limit of their own
        Caller other = Caller.person("kk2", Set.of(Role.PROVINCE_OFFICER), ProvinceCode.of("40"));
        assertEquals("registered-elsewhere", assertThrows(ProblemException.class,
                () -> registry.register(other, inKhonKaen())).code());
    }

    @Test
    void searchingByNationalIdNeedsPersonalDataOfTheProvince() {
        registry.register(CM_OFFICER, VolunteerRulesTest.somchai());
        Caller reader = Caller.token("app", Set.of("volunteers:read"), null);
        ProblemException e = assertThrows(ProblemException.class, () -> registry.search(reader,
                new VolunteerSearch(null, null, null, null, "3100600445635", null), PageRequest.of(null, null)));
        assertEquals(403, e.status());
        assertEquals("national-id-search", e.code());
        assertEquals(1, registry.search(reader, new VolunteerSearch(null, null, null, null, "สมชาย", null),
                PageRequest.of(null, null)).items().size(), "a name search needs no personal data");
        Caller personal = Caller.token("app", Set.of("volunteers:read", "personal-data:read"), ProvinceCode.of("50"));
        assertEquals(1, registry.search(personal, new VolunteerSearch(null, null, null, null, "3100600445635", null),
                PageRequest.of(null, null)).items().size());
        assertEquals(1, registry.search(CM_OFFICER, new VolunteerSearch(null, null, null, null, "3100600445635",
                null), PageRequest.of(null, null)).items().size());
        assertEquals(403, assertThrows(ProblemException.class, () -> registry.search(CM_OFFICER,
                new VolunteerSearch(ProvinceCode.of("40"), null, null, null, "3100600445635", null),
                PageRequest.of(null, null))).status());
    }

    private static VolunteerInput inKhonKaen() {
        return new VolunteerInput("3-1006-00445-63-5", "นาย", "สมชาย", "ใจดี", null, null, "15/3/2510", "ชาย", null,
                "400101", null, "2026-01-15");
    }

    @Test
    void unmaskedReadsAreAudited() {
        Volunteer v = registry.register(CM_OFFICER, VolunteerRulesTest.somchai());
        audited.clear();
        registry.get(CM_OFFICER, v.id());
        assertEquals(List.of("volunteer.read-personal"), audited);
        audited.clear();
        Caller integrator = Caller.token("app", Set.of("volunteers:read"), null);
        registry.get(integrator, v.id());
        assertEquals(List.of(), audited, "an integrator without personal-data:read sees it masked: nothing to audit");
    }

    @Test
    void statusFollowsItsLegalTransitions() {
        Volunteer v = registry.register(CM_OFFICER, VolunteerRulesTest.somchai());
        Volunteer resigned = registry.changeStatus(CM_OFFICER, v.id(), VolunteerStatus.RESIGNED, "moved away");
        assertEquals(VolunteerStatus.RESIGNED, resigned.status());
        assertEquals("moved away", resigned.statusReason());
        registry.changeStatus(CM_OFFICER, v.id(), VolunteerStatus.DECEASED, "passed away");
        ProblemException e = assertThrows(ProblemException.class,
                () -> registry.changeStatus(CM_OFFICER, v.id(), VolunteerStatus.ACTIVE, "mistake"));
        assertEquals(409, e.status());
        assertEquals("illegal-transition", e.code());
        assertEquals(422, assertThrows(ProblemException.class,
                () -> registry.changeStatus(CM_OFFICER, v.id(), VolunteerStatus.SUSPENDED, " ")).status());
    }

    @Test
    void searchesByNamePrefixIdAndStaleness() {
        Volunteer somchai = registry.register(CM_OFFICER, VolunteerRulesTest.somchai());
        registry.register(CM_OFFICER, new VolunteerInput("1234545678781", "นางสาว", "สมหญิง", "รักดี", "Somying",
                "Rakdee", "1990-02-01", "หญิง", null, "500101", null, null));
        assertEquals(2, search(null, null).items().size());
        assertEquals(List.of("สมหญิง"), names(search("รัก", null)));
        assertEquals(List.of("สมชาย", "สมหญิง"), names(search("สม", null)).stream().sorted().toList());
        assertEquals(List.of("สมหญิง"), names(search("RAKD", null)), "English in any case");
        assertEquals(List.of("สมชาย"), names(search("3-1006-00445-63-5", null)));
        assertEquals(List.of(), names(search("%", null)), "LIKE wildcards are text");
        registry.verify(CM_OFFICER, somchai.id());
        assertEquals(List.of("สมหญิง"), names(search(null, java.time.LocalDate.of(2026, 11, 1))));
    }

    @Test
    void pagesFollowTheCursor() {
        registry.register(CM_OFFICER, VolunteerRulesTest.somchai());
        registry.register(CM_OFFICER, new VolunteerInput("1234545678781", "นาง", "มาลี", "ก้องเกียรติ", null, null,
                "1980-01-01", "FEMALE", null, "500101", null, null));
        Page<Volunteer> first = registry.search(CENTRAL, VolunteerSearch.all(), PageRequest.of(1, null));
        assertEquals(1, first.items().size());
        Page<Volunteer> second = registry.search(CENTRAL, VolunteerSearch.all(), PageRequest.of(1, first.nextCursor()));
        assertEquals(1, second.items().size());
        assertNull(second.nextCursor());
        assertTrue(!first.items().get(0).id().equals(second.items().get(0).id()));
    }

    @Test
    void pagesWithinAProvinceOrADistrictVisitEveryRecordOnceInNameOrder() {
        for (String[] p : new String[][] {{"1234545678781", "มาลี", "ก้องเกียรติ"}, {"3100600445627", "สมพร", "ใจดี"},
                {"3100600445635", "สมชาย", "ใจดี"}, {"1101700203450", "อารี", "ใจดี"}}) {
            registry.register(CM_OFFICER, new VolunteerInput(p[0], "นาง", p[1], p[2], null, null, "1980-01-01",
                    "FEMALE", null, "500101", null, null));
        }
        for (VolunteerSearch search : List.of(new VolunteerSearch(ProvinceCode.of("50"), null, null, null, null, null),
                new VolunteerSearch(null, org.apom.core.api.DistrictCode.of("5001"), null, null, null, null))) {
            List<String> names = new ArrayList<>();
            String cursor = null;
            do {
                Page<Volunteer> page = registry.search(CM_OFFICER, search, PageRequest.of(1, cursor));
                page.items().forEach(v -> names.add(v.lastName() + " " + v.firstName()));
                cursor = page.nextCursor();
            } while (cursor != null);
            assertEquals(List.of("ก้องเกียรติ มาลี", "ใจดี สมชาย", "ใจดี สมพร", "ใจดี อารี"), names);
        }
        assertEquals(0, registry.search(CM_OFFICER, new VolunteerSearch(null, org.apom.core.api.DistrictCode.of("4001"),
                null, null, null, null), PageRequest.of(null, null)).items().size(), "a district of another province");
    }

    @Test
    void updatesAreCheckedAgainAndKeepToTheirProvince() {
        Volunteer v = registry.register(CM_OFFICER, VolunteerRulesTest.somchai());
        Volunteer changed = registry.update(CM_OFFICER, v.id(), Map.of("lastName", "ใจงาม"), v.version());
        assertEquals("ใจงาม", changed.lastName());
        assertTrue(changed.version() > v.version());
        assertEquals(412, assertThrows(ProblemException.class,
                () -> registry.update(CM_OFFICER, v.id(), Map.of("lastName", "ใจดี"), v.version())).status());
        assertEquals(422, assertThrows(ProblemException.class,
                () -> registry.update(CM_OFFICER, v.id(), Map.of("lastName", "Jaingam"), -1)).status());
        assertEquals("unknown-field", assertThrows(ProblemException.class,
                () -> registry.update(CM_OFFICER, v.id(), Map.of("status", "ACTIVE"), -1)).code());
        java.util.HashMap<String, String> clear = new java.util.HashMap<>();
        clear.put("phone", null);
        assertNull(registry.update(CM_OFFICER, v.id(), clear, -1).phone());
        registry.register(CM_OFFICER, new VolunteerInput("1234545678781", "นาง", "มาลี", "ดีงาม", null, null,
                "1980-01-01", "FEMALE", null, "500101", null, null));
        assertEquals("duplicate", assertThrows(ProblemException.class,
                () -> registry.update(CM_OFFICER, v.id(), Map.of("nationalId", "1234545678781"), -1)).code());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> registry.update(KK_OFFICER, v.id(), Map.of("lastName", "ใจงาม"), -1)).status());
    }

    @Test
    void dataQualityPerProvince() {
        Volunteer v = registry.register(CM_OFFICER, VolunteerRulesTest.somchai());
        registry.register(CM_OFFICER, new VolunteerInput("1234545678781", "นาย", "สมชาย", "ใจดี", null, null,
                "15/3/2510", "ชาย", null, "500101", null, null));
        registry.verify(CM_OFFICER, v.id());
        registry.changeStatus(CM_OFFICER, v.id(), VolunteerStatus.SUSPENDED, "on leave");
        var rows = registry.dataQuality(CM_OFFICER, null);
        assertEquals(1, rows.size());
        var q = rows.get(0);
        assertEquals(2, q.records());
        assertEquals(1L, q.byStatus().get(VolunteerStatus.SUSPENDED));
        assertEquals(50.0, q.completePercent(), "one has phone and address");
        assertEquals(50.0, q.verifiedWithin12MonthsPercent());
        assertEquals(1, q.suspectedDuplicates(), "same names and birth date, different IDs");
        assertEquals(List.of(), registry.dataQuality(KK_OFFICER, ProvinceCode.of("50")));
    }

    @Test
    void recordsPerDistrictByStatusOfAProvinceTheCallerMaySee() {
        Volunteer v = registry.register(CM_OFFICER, VolunteerRulesTest.somchai());
        registry.register(CM_OFFICER, new VolunteerInput("1234545678781", "นาง", "มาลี", "ดีงาม", null, null,
                "1980-01-01", "FEMALE", null, "500101", null, null));
        registry.register(CM_OFFICER, new VolunteerInput("3100800123453", "นาง", "ศรี", "ดีงาม", null, null,
                "1981-01-01", "FEMALE", null, "500203", null, null));
        registry.changeStatus(CM_OFFICER, v.id(), VolunteerStatus.SUSPENDED, "on leave");
        var counts = registry.countByDistrict(CM_OFFICER, ProvinceCode.of("50"));
        assertEquals(Map.of(VolunteerStatus.ACTIVE, 1L, VolunteerStatus.SUSPENDED, 1L),
                counts.get(v.districtCode()));
        assertEquals(Map.of(VolunteerStatus.ACTIVE, 1L), counts.get(DistrictCode.of("5002")));
        assertEquals(2, counts.size());
        assertEquals(Map.of(), registry.countByDistrict(KK_OFFICER, ProvinceCode.of("50")), "another province's");
    }

    @Test
    void theDemoRegisterIsStoredWithItsStatusesAndStaleness() {
        var records = org.apom.registry.internal.demo.DemoRegister.generate(300, List.of("500101"),
                java.time.LocalDate.of(2026, 11, 29), 3);
        assertEquals(300, registry.demoStore.store(records, "demo-1"));
        var q = registry.dataQuality(CENTRAL, null).get(0);
        assertEquals(300, q.records());
        assertTrue(q.suspectedDuplicates() > 0);
        assertTrue(q.verifiedWithin12MonthsPercent() > 20 && q.verifiedWithin12MonthsPercent() < 60,
                String.valueOf(q.verifiedWithin12MonthsPercent()));
        assertTrue(!registry.demoStore.isEmpty());
        assertEquals(java.util.Collections.nCopies(300, "volunteer.create"), audited,
                "each demo record is audited as a registration, so the change feed has it");
    }

    private Page<Volunteer> search(String q, java.time.LocalDate verifiedBefore) {
        return registry.search(CM_OFFICER, new VolunteerSearch(null, null, null, null, q, verifiedBefore),
                PageRequest.of(null, null));
    }

    private static List<String> names(Page<Volunteer> page) {
        return page.items().stream().map(Volunteer::firstName).toList();
    }

    @Test
    void suspectedDuplicatesAreListedUntilDismissedAndNotCountedAfter() {
        Volunteer a = registry.register(CM_OFFICER, VolunteerRulesTest.somchai());
        Volunteer b = registry.register(CM_OFFICER, sameSomchaiWithId("1234545678781"));
        List<org.apom.registry.api.DuplicatePair> pairs = registry.duplicates(CM_OFFICER, null,
                PageRequest.of(null, null)).items();
        assertEquals(1, pairs.size());
        assertEquals(Set.of(a.id(), b.id()), Set.of(pairs.get(0).first().id(), pairs.get(0).second().id()));
        assertEquals(1, registry.dataQuality(CM_OFFICER, null).get(0).suspectedDuplicates());
        assertEquals(0, registry.duplicates(KK_OFFICER, null, PageRequest.of(null, null)).items().size());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> registry.dismissDuplicate(KK_OFFICER, a.id(), b.id(), "two people")).status());
        assertEquals(422, assertThrows(ProblemException.class,
                () -> registry.dismissDuplicate(CM_OFFICER, a.id(), b.id(), " ")).status());
        registry.dismissDuplicate(CM_OFFICER, b.id(), a.id(), "twins, checked at the district office");
        registry.dismissDuplicate(CM_OFFICER, a.id(), b.id(), "said again: remembered once");
        assertEquals(0, registry.duplicates(CM_OFFICER, null, PageRequest.of(null, null)).items().size());
        assertEquals(0, registry.dataQuality(CM_OFFICER, null).get(0).suspectedDuplicates());
    }

    @Test
    void aMergeKeepsBothRecordsAndBothHistoriesAndTheSurvivorTakesWhatItLacked() {
        Volunteer survivor = registry.register(CM_OFFICER, new VolunteerInput("3100600445635", "นาย", "สมชาย", "ใจดี",
                null, null, "15/3/2510", "ชาย", null, "500101", null, null));
        Volunteer duplicate = registry.register(CM_OFFICER, sameSomchaiWithId("1234545678781"));
        Volunteer merged = registry.merge(CM_OFFICER, survivor.id(), duplicate.id());
        assertEquals(survivor.id(), merged.id());
        assertEquals("0812345678", merged.phone(), "the phone only the duplicate had");
        assertEquals("3100600445635", merged.nationalId().value());
        assertEquals(survivor.id(), registry.get(CM_OFFICER, duplicate.id()).mergedInto());
        assertEquals(List.of(survivor.id()), registry.search(CM_OFFICER, VolunteerSearch.all(), PageRequest.of(null, null))
                .items().stream().map(Volunteer::id).toList(), "a merged record leaves the searches");
        assertEquals(1, registry.dataQuality(CM_OFFICER, null).get(0).records());
        assertEquals(0, registry.duplicates(CM_OFFICER, null, PageRequest.of(null, null)).items().size());
        assertEquals(409, assertThrows(ProblemException.class,
                () -> registry.merge(CM_OFFICER, survivor.id(), duplicate.id())).status());
        assertEquals(422, assertThrows(ProblemException.class,
                () -> registry.merge(CM_OFFICER, survivor.id(), survivor.id())).status());
        assertTrue(audited.containsAll(List.of("volunteer.merge", "volunteer.merged-into")), audited.toString());
    }

    @Test
    void aMergeNeedsBothRecordsAsTheCallerReadThemAndMovesBothVersionsOn() {
        Volunteer survivor = registry.register(CM_OFFICER, sameSomchaiWithId("3100600445635"));
        Volunteer duplicate = registry.register(CM_OFFICER, sameSomchaiWithId("1234545678781"));
        registry.verify(CM_OFFICER, duplicate.id()); // someone changed the duplicate after it was read
        ProblemException stale = assertThrows(ProblemException.class, () -> registry.merge(CM_OFFICER, survivor.id(),
                survivor.version(), duplicate.id(), duplicate.version()));
        assertEquals(412, stale.status());
        assertNull(registry.get(CM_OFFICER, duplicate.id()).mergedInto(), "nothing merged from a stale read");
        Volunteer current = registry.get(CM_OFFICER, duplicate.id());
        assertEquals(412, assertThrows(ProblemException.class, () -> registry.merge(CM_OFFICER, survivor.id(),
                survivor.version() + 7, duplicate.id(), current.version())).status());
        Volunteer merged = registry.merge(CM_OFFICER, survivor.id(), survivor.version(), duplicate.id(),
                current.version());
        assertEquals(registry.get(CM_OFFICER, survivor.id()).version(), merged.version(), "the answer's ETag is current");
        assertTrue(merged.version() > survivor.version(), "the survivor's version moves on even with nothing taken");
        assertTrue(registry.get(CM_OFFICER, duplicate.id()).version() > current.version());
    }

    @Test
    void twoMergesCrossingTheSamePairLeaveExactlyOneRecordMerged() throws Exception {
        Volunteer a = registry.register(CM_OFFICER, sameSomchaiWithId("3100600445635"));
        Volunteer b = registry.register(CM_OFFICER, sameSomchaiWithId("1234545678781"));
        // each merge waits at its write until the other has read both records too (or 3 s, when it cannot)
        CyclicBarrier bothRead = new CyclicBarrier(2);
        JpaVolunteerRegistry racing = new JpaVolunteerRegistry(meetingAtFlush(bothRead), rules, recordingAudit(),
                Clock.fixed(Instant.parse("2026-11-29T03:00:00Z"), JpaVolunteerRegistry.THAILAND));
        ExecutorService officers = Executors.newFixedThreadPool(2);
        try {
            Future<Object> aIntoB = officers.submit(() -> outcome(() -> racing.merge(CM_OFFICER, b.id(), b.version(),
                    a.id(), a.version())));
            Future<Object> bIntoA = officers.submit(() -> outcome(() -> racing.merge(ANOTHER_CM_OFFICER, a.id(),
                    a.version(), b.id(), b.version())));
            List<Object> outcomes = List.of(aIntoB.get(60, TimeUnit.SECONDS), bIntoA.get(60, TimeUnit.SECONDS));
            assertEquals(1, outcomes.stream().filter(Volunteer.class::isInstance).count(), outcomes.toString());
            assertTrue(outcomes.stream().anyMatch(o -> o.equals(412) || o.equals(409)), outcomes.toString());
        } finally {
            officers.shutdownNow();
        }
        Volunteer nowA = registry.get(CM_OFFICER, a.id());
        Volunteer nowB = registry.get(CM_OFFICER, b.id());
        assertTrue(nowA.mergedInto() == null ^ nowB.mergedInto() == null,
                "exactly one record is merged: " + nowA.mergedInto() + " / " + nowB.mergedInto());
        assertEquals(1, registry.search(CM_OFFICER, VolunteerSearch.all(), PageRequest.of(null, null)).items().size(),
                "one record stays in the searches");
    }

    private static final Caller ANOTHER_CM_OFFICER = Caller.person("cm2", Set.of(Role.PROVINCE_OFFICER),
            ProvinceCode.of("50"));

    /** The merge's result, or the status of its refusal. */
    private static Object outcome(java.util.concurrent.Callable<Volunteer> merge) throws Exception {
        try {
            return merge.call();
        } catch (ProblemException e) {
            return e.status();
        }
    }

    /** The test database, whose entity managers wait at their first flush until the barrier's other party comes. */
    private JpaTemplate meetingAtFlush(CyclicBarrier barrier) {
        return new TestJpaTemplate() {
            @Override
            public <R> R txExpr(TransactionType type, EmFunction<R> work) {
                return db.txExpr(type, em -> work.apply(meeting(em, barrier)));
            }
        };
    }

    private static EntityManager meeting(EntityManager em, CyclicBarrier barrier) {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("flush")) {
                        try {
                            barrier.await(3, TimeUnit.SECONDS);
                        } catch (TimeoutException | BrokenBarrierException alone) {
                            // the other merge waits for this one's lock: go on alone
                        }
                    }
                    try {
                        return method.invoke(em, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static VolunteerInput sameSomchaiWithId(String nationalId) {
        VolunteerInput s = VolunteerRulesTest.somchai();
        return new VolunteerInput(nationalId, s.title(), s.firstName(), s.lastName(), null, null, s.birthDate(),
                s.gender(), s.phone(), s.subdistrictCode(), null, null);
    }

    private AuditTrail recordingAudit() {
        return new RecordingAudit(audited);
    }
}
