package org.apom.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apom.areas.api.Subdistrict;
import org.apom.core.api.DistrictCode;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.persistence.testing.TestDatabase;
import org.apom.registry.api.Transfer;
import org.apom.registry.api.TransferStatus;
import org.apom.registry.api.Volunteer;
import org.apom.security.api.Caller;
import org.apom.security.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JpaVolunteerTransfersTest {

    private static final Caller CM_OFFICER = Caller.person("cm", Set.of(Role.PROVINCE_OFFICER), ProvinceCode.of("50"));
    private static final Caller KK_OFFICER = Caller.person("kk", Set.of(Role.PROVINCE_OFFICER), ProvinceCode.of("40"));
    private static final Caller BKK_OFFICER = Caller.person("bkk", Set.of(Role.PROVINCE_OFFICER),
            ProvinceCode.of("10"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T03:00:00Z"), JpaVolunteerRegistry.THAILAND);
    private static final Subdistrict NAI_MUEANG_KK = new Subdistrict(SubdistrictCode.of("400101"),
            DistrictCode.of("4001"), "ในเมือง", "Nai Mueang", "40000", null, null);
    private static final String SOMCHAI_ID = "3100600445635";

    private TestDatabase db;
    private final List<String> audited = new ArrayList<>();
    private JpaVolunteerRegistry registry;
    private JpaVolunteerTransfers transfers;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase("apom-registry-test", "META-INF/test-persistence.xml", JpaVolunteerRegistry.CHANGELOG);
        java.util.function.Function<SubdistrictCode, Optional<Subdistrict>> areas = code -> Optional.of(
                List.of(VolunteerRulesTest.SI_PHUM, NAI_MUEANG_KK)).flatMap(known -> known.stream()
                        .filter(s -> s.code().equals(code)).findFirst());
        RecordingAudit audit = new RecordingAudit(audited);
        registry = new JpaVolunteerRegistry(db, new VolunteerRules(areas, 18), audit, CLOCK, 3);
        transfers = new JpaVolunteerTransfers(db, areas, audit, CLOCK, 3);
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void theReceivingProvinceAsksAndTheSendingProvinceApprovesTheMove() {
        Volunteer v = registry.register(CM_OFFICER, VolunteerRulesTest.somchai());
        Transfer asked = transfers.request(KK_OFFICER, SOMCHAI_ID, "400101", "moved to Khon Kaen");
        assertEquals(TransferStatus.REQUESTED, asked.status());
        assertNull(asked.fromProvince(), "the asker learns neither where the record is");
        assertNull(asked.volunteerId(), "nor which record it is");
        assertEquals(asked.id(), transfers.list(CM_OFFICER, null).get(0).id(), "the sending province sees it");
        assertEquals(v.id(), transfers.get(CM_OFFICER, asked.id()).volunteerId());
        assertEquals(1, transfers.list(KK_OFFICER, null).size());
        assertEquals(List.of(), transfers.list(BKK_OFFICER, null));
        assertEquals(404, assertThrows(ProblemException.class, () -> transfers.get(BKK_OFFICER, asked.id())).status());

        assertEquals("transfer-pending", assertThrows(ProblemException.class,
                () -> transfers.request(KK_OFFICER, SOMCHAI_ID, "400101", "again")).code());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> transfers.decide(KK_OFFICER, asked.id(), true, null)).status(), "the asker cannot approve");

        audited.clear();
        Transfer approved = transfers.decide(CM_OFFICER, asked.id(), true, null);
        assertEquals(TransferStatus.APPROVED, approved.status());
        assertEquals(List.of("volunteer.transfer", "volunteer.transfer-approve"), audited);
        Volunteer moved = registry.get(KK_OFFICER, v.id());
        assertEquals(v.id(), moved.id(), "the record keeps its id");
        assertEquals(ProvinceCode.of("40"), moved.provinceCode());
        assertEquals(SubdistrictCode.of("400101"), moved.subdistrictCode());
        assertEquals(DistrictCode.of("4001"), moved.districtCode());
        assertEquals(404, assertThrows(ProblemException.class, () -> registry.get(CM_OFFICER, v.id())).status());

        ProblemException again = assertThrows(ProblemException.class,
                () -> transfers.decide(CM_OFFICER, asked.id(), false, "changed my mind"));
        assertEquals(409, again.status());
        assertEquals("illegal-transition", again.code());
        assertEquals("illegal-transition", assertThrows(ProblemException.class,
                () -> transfers.decide(Caller.system("test"), asked.id(), false, "no")).code());
    }

    @Test
    void aRejectionSaysWhyAndMovesNothing() {
        Volunteer v = registry.register(CM_OFFICER, VolunteerRulesTest.somchai());
        Transfer asked = transfers.request(KK_OFFICER, SOMCHAI_ID, "400101", "moved");
        ProblemException noReason = assertThrows(ProblemException.class,
                () -> transfers.decide(CM_OFFICER, asked.id(), false, " "));
        assertEquals(422, noReason.status());
        Transfer rejected = transfers.decide(CM_OFFICER, asked.id(), false, "still lives here");
        assertEquals(TransferStatus.REJECTED, rejected.status());
        assertEquals("still lives here", rejected.decisionReason());
        assertEquals(ProvinceCode.of("50"), registry.get(CM_OFFICER, v.id()).provinceCode());
        assertNull(transfers.get(KK_OFFICER, asked.id()).fromProvince(), "a rejection does not say where either");
    }

    @Test
    void everyRequestIsAProbeOfTheAsker() {
        registry.register(CM_OFFICER, VolunteerRulesTest.somchai());
        audited.clear();
        assertEquals(404, assertThrows(ProblemException.class,
                () -> transfers.request(KK_OFFICER, "1101700203450", "400101", "moved")).status());
        assertEquals(List.of("volunteer.probe"), audited);
        assertEquals(403, assertThrows(ProblemException.class,
                () -> transfers.request(KK_OFFICER, SOMCHAI_ID, "500101", "into Chiang Mai")).status(),
                "only into the caller's own province");
        assertEquals("already-in-province", assertThrows(ProblemException.class,
                () -> transfers.request(CM_OFFICER, SOMCHAI_ID, "500101", "moved")).code());
        transfers.request(KK_OFFICER, SOMCHAI_ID, "400101", "moved");
        assertEquals("transfer-pending", assertThrows(ProblemException.class,
                () -> transfers.request(KK_OFFICER, SOMCHAI_ID, "400101", "moved")).code());
        ProblemException limit = assertThrows(ProblemException.class,
                () -> transfers.request(KK_OFFICER, SOMCHAI_ID, "400101", "moved"));
        assertEquals(429, limit.status(), "three probes a day in this test");
        assertEquals("probe-limit", limit.code());
    }
}
