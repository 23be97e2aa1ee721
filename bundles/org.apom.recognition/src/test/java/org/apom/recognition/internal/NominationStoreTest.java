package org.apom.recognition.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.NationalId;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.networks.api.ServiceRecord;
import org.apom.networks.api.ServiceRecords;
import org.apom.networks.api.ServiceYear;
import org.apom.persistence.testing.TestDatabase;
import org.apom.recognition.api.AwardProgram;
import org.apom.recognition.api.Nomination;
import org.apom.recognition.api.NominationInput;
import org.apom.recognition.api.NominationQuery;
import org.apom.recognition.api.NominationAction;
import org.apom.recognition.api.NominationStatus;
import org.apom.recognition.api.TransitionInput;
import org.apom.registry.api.VolunteerStanding;
import org.apom.registry.api.VolunteerStandings;
import org.apom.registry.api.VolunteerStatus;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** The nominations workflow against a real (in-memory Derby) database built by the bundle's own changelog. */
class NominationStoreTest {

    private static final ProvinceCode CM = ProvinceCode.of("50");
    private static final Caller OFFICER = Caller.person("cm-officer", Set.of(Role.PROVINCE_OFFICER), CM);
    private static final Caller ADMIN = Caller.person("cm-admin", Set.of(Role.PROVINCE_ADMIN), CM);
    private static final Caller KK_ADMIN = Caller.person("kk-admin", Set.of(Role.PROVINCE_ADMIN),
            ProvinceCode.of("40"));
    private static final Caller CENTRAL = Caller.person("central", Set.of(Role.CENTRAL_ADMIN), null);
    // 3 December 2026: fiscal year 2570
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T03:00:00Z"), ZoneOffset.UTC);

    private final List<String> audited = new CopyOnWriteArrayList<>();
    private final Map<String, VolunteerStanding> register = new HashMap<>();
    private TestDatabase db;
    private JpaNominations nominations;
    private JpaHonours honours;
    private JpaEligibility eligibilityCheck;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase("apom-recognition-test", "META-INF/test-persistence.xml", RecognitionSchema.CHANGELOG);
        Catalogue catalogue = new Catalogue();
        catalogue.addProgram(new CoreAwards(), reference("mvn:org.apom/org.apom.recognition"));
        RecognitionSettings settings = new RecognitionSettings(AwardRules.of(3, 5, 2000, new String[] {
            "HONOUR_PIN.requires=OUTSTANDING_NATIONAL, HONOUR_PIN.holdOnce=true"},
                new String[] {"OUTSTANDING_PROVINCIAL=2"}), ReadinessRulesTest.RULES);
        JpaEligibility eligibility = new JpaEligibility(db, null, catalogue, settings, standings(), service());
        eligibilityCheck = eligibility;
        AuditTrail audit = audit(audited);
        nominations = new JpaNominations(db, eligibility, catalogue, settings, audit, CLOCK);
        honours = new JpaHonours(db, eligibility, catalogue, settings, audit, CLOCK);
        for (String v : List.of("v1", "v2", "v3", "v4")) {
            register.put(v, new VolunteerStanding(v, SubdistrictCode.of("500101"), CM, VolunteerStatus.ACTIVE,
                    LocalDate.of(2010, 1, 1), null, null));
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void aNominationGoesFromTheOfficersDraftToTheMinistrysConferral() {
        Nomination n = nominations.draft(OFFICER, input("OUTSTANDING_NATIONAL", "v1"));
        assertEquals(NominationStatus.DRAFT, n.status());
        assertEquals(403, move(OFFICER, n, "submit").status());
        assertEquals(409, move(ADMIN, n, "endorse").status());
        nominations.transition(ADMIN, n.id(), new TransitionInput("submit", "ส่งชื่อ", null, null));
        nominations.transition(ADMIN, n.id(), new TransitionInput("endorse", null, null, null));
        assertEquals(403, move(ADMIN, n, "approve").status());
        // a province admin may no longer reject once endorsed: that is the ministry's
        assertEquals(403, move(ADMIN, n, "reject").status());
        nominations.transition(CENTRAL, n.id(), new TransitionInput("approve", null, null, null));
        Nomination conferred = nominations.transition(CENTRAL, n.id(), new TransitionInput("confer", null,
                "3/10/2569", "ราชกิจจานุเบกษา เล่ม 143"));
        assertEquals(NominationStatus.CONFERRED, conferred.status());
        assertEquals(LocalDate.of(2026, 10, 3), conferred.conferredOn());
        assertEquals(5, conferred.history().size());
        assertEquals("ส่งชื่อ", conferred.history().get(1).comment());
        assertEquals("cm-admin", conferred.history().get(1).by());
        assertEquals(409, move(CENTRAL, n, "withdraw").status());
        // a conferred nomination keeps its place: the quota counts what was given
        assertEquals(1, nominations.summary(CENTRAL, FiscalYear.of(2570), CM).stream()
                .filter(p -> p.awardCode().equals("OUTSTANDING_NATIONAL")).findFirst().orElseThrow().quotaUsed());
        int used = db.txExpr(org.apache.aries.jpa.template.TransactionType.Supports, em -> ((Number) em
                .createNativeQuery("SELECT USED FROM REC_QUOTA_USE WHERE AWARD_CODE = 'OUTSTANDING_NATIONAL'")
                .getSingleResult()).intValue());
        assertEquals(1, used);
        assertEquals(List.of("OUTSTANDING_NATIONAL"), honours.of(OFFICER, "v1").stream().map(h -> h.awardCode())
                .toList());
        assertEquals(List.of("nomination.create", "nomination.submit", "nomination.endorse", "nomination.approve",
                "honour.record", "nomination.confer"), audited);
        // another province's admin finds nothing to act on
        assertEquals(404, move(KK_ADMIN, n, "withdraw").status());
    }

    @Test
    void eachRoleIsOfferedTheActionsItMayTakeNow() {
        Nomination n = nominations.draft(OFFICER, input("OUTSTANDING_NATIONAL", "v1"));
        assertEquals(java.util.EnumSet.of(NominationAction.WITHDRAW), nominations.actions(OFFICER, n));
        assertEquals(java.util.EnumSet.of(NominationAction.SUBMIT, NominationAction.REJECT, NominationAction.WITHDRAW),
                nominations.actions(ADMIN, n));
        assertEquals(Set.of(), nominations.actions(KK_ADMIN, n), "another province's admin");
        nominations.transition(ADMIN, n.id(), new TransitionInput("submit", null, null, null));
        Nomination endorsed = nominations.transition(ADMIN, n.id(), new TransitionInput("endorse", null, null, null));
        assertEquals(java.util.EnumSet.of(NominationAction.WITHDRAW), nominations.actions(ADMIN, endorsed),
                "once endorsed, rejecting is the ministry's");
        assertEquals(java.util.EnumSet.of(NominationAction.APPROVE, NominationAction.REJECT,
                NominationAction.WITHDRAW), nominations.actions(CENTRAL, endorsed));
        assertEquals(Set.of(), nominations.actions(OFFICER, endorsed));
        // a click on the page as it was before the approval is refused, not applied to the approved nomination
        Nomination approved = nominations.transition(CENTRAL, n.id(), new TransitionInput("approve", null, null, null),
                endorsed.version());
        assertEquals(412, assertThrows(ProblemException.class, () -> nominations.transition(ADMIN, n.id(),
                new TransitionInput("withdraw", "ถอน", null, null), endorsed.version())).status());
        assertEquals(NominationStatus.APPROVED, nominations.get(CENTRAL, n.id()).status());
        assertEquals(approved.version(), nominations.get(CENTRAL, n.id()).version());
        // every action offered is one the workflow takes: the offer and the check are the same table
        for (NominationAction offered : nominations.actions(CENTRAL, endorsed)) {
            assertTrue(NominationWorkflow.move(endorsed.status(), offered).isPresent(), offered.name());
        }
    }

    @Test
    void thePinBecomesPossibleOnceTheNationalAwardIsConferred() {
        ProblemException refused = assertThrows(ProblemException.class, () -> nominations.draft(OFFICER,
                input("HONOUR_PIN", "v1")));
        assertEquals("not-eligible", refused.code());
        assertEquals("NOT_NATIONAL_OUTSTANDING", refused.errors().get(0).code());
        Nomination national = nominations.draft(OFFICER, input("OUTSTANDING_NATIONAL", "v1"));
        for (String action : List.of("submit", "endorse")) {
            nominations.transition(ADMIN, national.id(), new TransitionInput(action, null, null, null));
        }
        for (String action : List.of("approve", "confer")) {
            nominations.transition(CENTRAL, national.id(), new TransitionInput(action, null, null, null));
        }
        assertEquals(NominationStatus.DRAFT, nominations.draft(OFFICER, input("HONOUR_PIN", "v1")).status());
    }

    @Test
    void oneOpenNominationPerPersonAwardAndYear() {
        Nomination first = nominations.draft(OFFICER, input("OUTSTANDING_NATIONAL", "v1"));
        assertEquals("nomination-open", assertThrows(ProblemException.class, () -> nominations.draft(OFFICER,
                input("OUTSTANDING_NATIONAL", "v1"))).code());
        nominations.transition(OFFICER, first.id(), new TransitionInput("withdraw", "ผิดคน", null, null));
        assertEquals(NominationStatus.DRAFT, nominations.draft(OFFICER, input("OUTSTANDING_NATIONAL", "v1")).status());
        // withdrawing and rejecting need a reason
        assertEquals(422, assertThrows(ProblemException.class, () -> nominations.transition(OFFICER, first.id(),
                new TransitionInput("withdraw", " ", null, null))).status());
    }

    @Test
    void theQuotaIsTakenAtSubmissionAndGivenBackOnRejection() {
        List<Nomination> drafts = new ArrayList<>();
        for (String v : List.of("v1", "v2", "v3")) {
            drafts.add(nominations.draft(OFFICER, input("OUTSTANDING_PROVINCIAL", v)));
        }
        nominations.transition(ADMIN, drafts.get(0).id(), new TransitionInput("submit", null, null, null));
        nominations.transition(ADMIN, drafts.get(1).id(), new TransitionInput("submit", null, null, null));
        assertEquals("quota-reached", move(ADMIN, drafts.get(2), "submit").code());
        assertEquals(NominationStatus.DRAFT, nominations.get(OFFICER, drafts.get(2).id()).status());
        nominations.transition(ADMIN, drafts.get(1).id(), new TransitionInput("reject", "ไม่ผ่าน", null, null));
        nominations.transition(ADMIN, drafts.get(2).id(), new TransitionInput("submit", null, null, null));
        var pipeline = nominations.summary(OFFICER, FiscalYear.of(2570), null).stream()
                .filter(p -> p.awardCode().equals("OUTSTANDING_PROVINCIAL")).findFirst().orElseThrow();
        assertEquals(2, pipeline.quota());
        assertEquals(2, pipeline.quotaUsed());
        assertEquals(1, pipeline.byStatus().get(NominationStatus.REJECTED));
        assertEquals(2, nominations.search(OFFICER, new NominationQuery(FiscalYear.of(2570), null,
                NominationStatus.SUBMITTED, null), PageRequest.of(null, null)).items().size());
        assertEquals(0, nominations.search(KK_ADMIN, new NominationQuery(null, null, null, null),
                PageRequest.of(null, null)).items().size());
    }

    @Test
    void aDirekgunabhornNominationIsForTheNextClassOnly() {
        Nomination n = nominations.draft(OFFICER, new NominationInput("DIREKGUNABHORN", "v2", "2570", null,
                "ทำงานต่อเนื่อง"));
        assertEquals("SILVER_MEDAL", n.awardClass());
        ProblemException skip = assertThrows(ProblemException.class, () -> nominations.draft(OFFICER,
                new NominationInput("DIREKGUNABHORN", "v3", "2570", "FIRST_CLASS", "ข้ามชั้น")));
        assertEquals("not-next-class", skip.errors().get(0).code());
        honours.record(CENTRAL, "v4", new org.apom.recognition.api.HonourInput("DIREKGUNABHORN", "SILVER_MEDAL",
                "2566", "28/7/2566", null));
        assertEquals("CLASS_TOO_SOON", assertThrows(ProblemException.class, () -> nominations.draft(OFFICER,
                new NominationInput("DIREKGUNABHORN", "v4", "2570", null, "ต่อเนื่อง"))).errors().get(0).code());
        assertEquals("GOLD_MEDAL", nominations.draft(OFFICER, new NominationInput("DIREKGUNABHORN", "v4", "2571",
                null, "ต่อเนื่อง")).awardClass());
        assertEquals(403, assertThrows(ProblemException.class, () -> honours.record(ADMIN, "v4",
                new org.apom.recognition.api.HonourInput("HONOUR_PLAQUE", null, "2560", "1/1/2560", null))).status());
    }

    @Test
    void eligibilityTellsOfTheRecordOnlyToThoseWhoMayReadIt() {
        Caller honoursOnly = Caller.token("token:1", Set.of("recognition:read"), CM);
        Caller both = Caller.token("token:2", Set.of("recognition:read", "volunteers:read"), CM);
        assertEquals(404, assertThrows(ProblemException.class, () -> eligibility(honoursOnly)).status());
        assertTrue(eligibility(both).size() >= 5);
        // the honours held are recognition's own: recognition:read is enough
        assertEquals(List.of(), honours.of(honoursOnly, "v1"));
    }

    private List<org.apom.recognition.api.Eligibility> eligibility(Caller caller) {
        return eligibilityCheck.of(caller, "v1", FiscalYear.of(2570));
    }

    @Test
    void anAwardHeldOnceInALifeIsNominatedOnceAcrossYears() {
        // v1 holds the national award, so the pin is possible in 2570 and 2571; one open nomination for both years
        honours.record(CENTRAL, "v1", new org.apom.recognition.api.HonourInput("OUTSTANDING_NATIONAL", null, "2565",
                "1/10/2564", null));
        nominations.draft(OFFICER, input("HONOUR_PIN", "v1"));
        ProblemException second = assertThrows(ProblemException.class, () -> nominations.draft(OFFICER,
                new NominationInput("HONOUR_PIN", "v1", "2571", null, "อีกปี")));
        assertEquals("not-eligible", second.code());
        assertEquals("PENDING_NOMINATION", second.errors().get(0).code());
        // and a pin recorded from before is held: another of another year is refused
        honours.record(CENTRAL, "v2", new org.apom.recognition.api.HonourInput("HONOUR_PIN", null, "2560",
                "1/10/2559", null));
        assertEquals("already-recorded", assertThrows(ProblemException.class, () -> honours.record(CENTRAL, "v2",
                new org.apom.recognition.api.HonourInput("HONOUR_PIN", null, "2561", "1/10/2560", null))).code());
    }

    @Test
    void aProvinceOffersAwardsOfItsOwnCodesOnlyAndTheFirstOfTwoWins() {
        Catalogue catalogue = new Catalogue();
        catalogue.addProgram(new CoreAwards(), reference("mvn:org.apom/org.apom.recognition"));
        catalogue.addProgram(program("P50_TAKEN", List::of), reference("apom-extension:40/org.apom.ext.kk"));
        catalogue.addProgram(program("HONOUR_PIN", List::of), reference("apom-extension:50/org.apom.ext.cm"));
        catalogue.addProgram(program("P50_TWICE", List::of), reference("apom-extension:50/org.apom.ext.cm2"));
        catalogue.addProgram(program("P50_TWICE", List::of), reference("apom-extension:50/org.apom.ext.c"));
        List<Catalogue.Offered> offered = catalogue.offered();
        assertEquals(List.of("OUTSTANDING_PROVINCIAL", "OUTSTANDING_NATIONAL", "HONOUR_PIN", "HONOUR_PLAQUE",
                "DIREKGUNABHORN", "P50_TWICE"), offered.stream().map(o -> o.award().code()).toList());
        // the lower service id (the tests' references number by location length) wins
        assertEquals("core", offered.get(2).award().source());
        assertEquals("apom-extension:50/org.apom.ext.c".length(), offered.get(5).serviceId());
        assertEquals(404, assertThrows(ProblemException.class, () -> catalogue.awards(OFFICER, ProvinceCode.of("40")))
                .status());
    }

    @Test
    void aProvincesProgramThatFailsOrHangsCostsItsOwnAwardOnly() {
        Catalogue catalogue = new Catalogue();
        catalogue.addProgram(new CoreAwards(), reference("mvn:org.apom/org.apom.recognition"));
        catalogue.addProgram(program("P50_THROWS", () -> {
            throw new IllegalStateException("broken");
        }), reference("apom-extension:50/org.apom.ext.a"));
        catalogue.addProgram(program("P50_HANGS", () -> {
            Thread.sleep(10_000);
            return List.of();
        }), reference("apom-extension:50/org.apom.ext.b"));
        catalogue.addProgram(program("P40_OTHER", List::of), reference("apom-extension:40/org.apom.ext.c"));
        catalogue.addProgram(program("ALL_PROVINCES", List::of), reference("apom-extension:*/org.apom.ext.d"));
        JpaEligibility eligibility = new JpaEligibility(db, null, catalogue, new RecognitionSettings(
                AwardRules.of(3, 5, 100, new String[0], new String[0]), ReadinessRulesTest.RULES), standings(),
                service());
        try {
            Map<String, org.apom.recognition.api.Eligibility> byCode = new HashMap<>();
            eligibility.of(OFFICER, "v1", FiscalYear.of(2570)).forEach(e -> byCode.put(e.award().code(), e));
            assertEquals(Set.of("OUTSTANDING_PROVINCIAL", "OUTSTANDING_NATIONAL", "HONOUR_PIN", "HONOUR_PLAQUE",
                    "DIREKGUNABHORN", "P50_THROWS", "P50_HANGS"), byCode.keySet());
            assertEquals("NOT_CHECKED", byCode.get("P50_THROWS").reasons().get(0).code());
            assertEquals("NOT_CHECKED", byCode.get("P50_HANGS").reasons().get(0).code());
            assertTrue(byCode.get("OUTSTANDING_NATIONAL").eligible());
        } finally {
            eligibility.deactivate();
        }
    }

    private interface Check {
        List<org.apom.recognition.api.Reason> call() throws Exception;
    }

    private static AwardProgram program(String code, Check check) {
        return new AwardProgram() {
            @Override
            public List<org.apom.recognition.api.AwardDefinition> awards() {
                return List.of(org.apom.recognition.api.AwardDefinition.builder(code)
                        .name(org.apom.core.api.LocalizedText.of(code, code)).build());
            }

            @Override
            public List<org.apom.recognition.api.Reason> check(String awardCode, org.apom.recognition.api.Candidate c) {
                try {
                    return check.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    private ProblemException move(Caller caller, Nomination n, String action) {
        return assertThrows(ProblemException.class, () -> nominations.transition(caller, n.id(),
                new TransitionInput(action, "เหตุผล", null, null)));
    }

    private static NominationInput input(String award, String volunteer) {
        return new NominationInput(award, volunteer, "2570", null, "ทำงานเพื่อชุมชนต่อเนื่อง");
    }

    private VolunteerStandings standings() {
        return new VolunteerStandings() {
            @Override
            public Map<String, VolunteerStanding> of(Caller caller, Collection<String> ids) {
                Map<String, VolunteerStanding> found = new HashMap<>();
                ids.stream().filter(register::containsKey).forEach(id -> found.put(id, register.get(id)));
                return found;
            }

            @Override
            public Map<NationalId, VolunteerStanding> ofNationalIds(Caller caller, Collection<NationalId> ids) {
                return Map.of();
            }

            @Override
            public void forEach(Caller caller, ProvinceCode province,
                    java.util.function.Consumer<VolunteerStanding> consumer) {
                register.values().forEach(consumer);
            }
        };
    }

    /** Every volunteer took part in an activity in every year. */
    private static ServiceRecords service() {
        return (caller, volunteerId, from, to) -> {
            List<ServiceYear> years = new ArrayList<>();
            for (int y = from.buddhistYear(); y <= to.buddhistYear(); y++) {
                years.add(new ServiceYear(y, 2, BigDecimal.TEN, 4, Map.of("HOME_VISIT", 2)));
            }
            return new ServiceRecord(volunteerId, List.of(), years);
        };
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<AwardProgram> reference(String location) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(NominationStoreTest.class.getClassLoader(),
                new Class<?>[] {Bundle.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getLocation" -> location;
                    case "getSymbolicName" -> "org.apom.recognition";
                    case "hashCode" -> 1;
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ServiceReference<AwardProgram>) Proxy.newProxyInstance(NominationStoreTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "getProperty" -> "service.id".equals(args[0]) ? (long) location.length() : null;
                    case "hashCode" -> location.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static AuditTrail audit(List<String> actions) {
        return (AuditTrail) Proxy.newProxyInstance(NominationStoreTest.class.getClassLoader(),
                new Class<?>[] {AuditTrail.class}, (proxy, method, args) -> {
                    if (method.getName().equals("record")) {
                        actions.add((String) args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
