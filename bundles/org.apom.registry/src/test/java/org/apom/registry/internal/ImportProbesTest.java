package org.apom.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apom.areas.api.Subdistrict;
import org.apom.core.api.DistrictCode;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.persistence.testing.TestDatabase;
import org.apom.registry.api.ImportOptions;
import org.apom.registry.api.ImportReport;
import org.apom.registry.api.ImportStatus;
import org.apom.registry.api.VolunteerInput;
import org.apom.registry.internal.demo.DemoRecord;
import org.apom.registry.internal.demo.DemoRegister;
import org.apom.security.api.Caller;
import org.apom.security.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Imports (dry runs too) that run into national IDs of other provinces: probes, reported and limited. */
class ImportProbesTest {

    private static final Caller CM_OFFICER = Caller.person("cm", Set.of(Role.PROVINCE_OFFICER), ProvinceCode.of("50"));
    private static final Caller KK_OFFICER = Caller.person("kk", Set.of(Role.PROVINCE_OFFICER), ProvinceCode.of("40"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T03:00:00Z"), JpaVolunteerRegistry.THAILAND);
    private static final Subdistrict NAI_MUEANG_KK = new Subdistrict(SubdistrictCode.of("400101"),
            DistrictCode.of("4001"), "ในเมือง", "Nai Mueang", "40000", null, null);

    private TestDatabase db;
    private ExecutorService executor;
    private final List<String> audited = Collections.synchronizedList(new ArrayList<>());
    private JpaVolunteerFiles files;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase("apom-registry-test", "META-INF/test-persistence.xml", JpaVolunteerRegistry.CHANGELOG);
        VolunteerRules rules = new VolunteerRules(code -> code.equals(NAI_MUEANG_KK.code()) ? Optional.of(NAI_MUEANG_KK)
                : code.equals(VolunteerRulesTest.SI_PHUM.code()) ? Optional.of(VolunteerRulesTest.SI_PHUM)
                : Optional.empty(), 18);
        executor = Executors.newSingleThreadExecutor();
        files = new JpaVolunteerFiles(db, rules, new RecordingAudit(audited), CLOCK, executor, 7,
                java.time.Duration.ofDays(14));
    }

    @AfterEach
    void tearDown() throws Exception {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(30, TimeUnit.SECONDS));
        db.close();
    }

    @Test
    void rowsHeldElsewhereAreProbesUntilTheDailyLimitRefusesTheRun() throws Exception {
        List<VolunteerInput> chiangMai = DemoRegister.generate(5, List.of("500101"), LocalDate.of(2026, 11, 29), 7)
                .stream().map(DemoRecord::input).toList();
        assertEquals(5, finished(files.startImport(CM_OFFICER, JpaVolunteerFilesTest.csv(chiangMai),
                ImportOptions.DEFAULT), CM_OFFICER).accepted());
        List<VolunteerInput> moved = chiangMai.stream().map(v -> new VolunteerInput(v.nationalId(), v.title(),
                v.firstName(), v.lastName(), v.firstNameEn(), v.lastNameEn(), v.birthDate(), v.gender(), v.phone(),
                "400101", v.address(), v.registeredOn())).toList();
        audited.clear();

        ImportReport dryRun = finished(files.startImport(KK_OFFICER, JpaVolunteerFilesTest.csv(moved),
                new ImportOptions(null, true, false)), KK_OFFICER);
        assertEquals(ImportStatus.DONE, dryRun.status());
        assertEquals(5, dryRun.rejected());
        assertTrue(dryRun.errors().stream().allMatch(e -> e.code().equals("registered-elsewhere")
                && !e.message().en().contains("50")), dryRun.errors().toString());
        assertEquals(5, audited.stream().filter(a -> a.equals("volunteer.probe")).count());

        // 2 probes left today, and this run would make 5: refused, its rows unreported, all 5 audited
        ImportReport refused = finished(files.startImport(KK_OFFICER, JpaVolunteerFilesTest.csv(moved),
                new ImportOptions(null, true, true)), KK_OFFICER);
        assertEquals(ImportStatus.FAILED, refused.status());
        assertTrue(refused.failure().startsWith("probe-limit"), refused.failure());
        assertEquals(List.of(), refused.errors());
        assertEquals(10, audited.stream().filter(a -> a.equals("volunteer.probe")).count());

        // none left: every run is refused before a row is read, whether its IDs are held elsewhere or nowhere,
        // so that the outcome tells nothing
        ImportReport none = finished(files.startImport(KK_OFFICER, JpaVolunteerFilesTest.csv(moved.subList(0, 1)),
                new ImportOptions(null, true, false)), KK_OFFICER);
        assertEquals(ImportStatus.FAILED, none.status());
        assertTrue(none.failure().startsWith("probe-limit"), none.failure());
        List<VolunteerInput> nowhere = DemoRegister.generate(1, List.of("400101"), LocalDate.of(2026, 11, 29), 99)
                .stream().map(DemoRecord::input).toList();
        ImportReport unknown = finished(files.startImport(KK_OFFICER, JpaVolunteerFilesTest.csv(nowhere),
                new ImportOptions(null, true, false)), KK_OFFICER);
        assertEquals(ImportStatus.FAILED, unknown.status());
        assertEquals(0, unknown.processed());
        assertEquals(10, audited.stream().filter(a -> a.equals("volunteer.probe")).count());

        // the province that holds the records still sees plain duplicates, and has no limit of its own spent
        ImportReport again = finished(files.startImport(CM_OFFICER, JpaVolunteerFilesTest.csv(chiangMai),
                new ImportOptions(null, true, false)), CM_OFFICER);
        assertTrue(again.errors().stream().allMatch(r -> r.code().equals("duplicate")), again.errors().toString());
    }

    private ImportReport finished(ImportReport started, Caller caller) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        ImportReport report = started;
        while (!report.finished() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            report = files.importReport(caller, report.id());
        }
        assertTrue(report.finished(), report.toString());
        return report;
    }
}
