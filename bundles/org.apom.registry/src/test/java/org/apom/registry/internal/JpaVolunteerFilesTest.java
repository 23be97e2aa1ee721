package org.apom.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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

import org.apache.commons.csv.CSVPrinter;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.persistence.testing.TestDatabase;
import org.apom.registry.api.ImportOptions;
import org.apom.registry.api.ImportReport;
import org.apom.registry.api.ImportStatus;
import org.apom.registry.api.VolunteerInput;
import org.apom.registry.internal.demo.DemoRecord;
import org.apom.registry.internal.demo.DemoRegister;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JpaVolunteerFilesTest {

    private static final Caller CM_OFFICER = Caller.person("cm", Set.of(Role.PROVINCE_OFFICER), ProvinceCode.of("50"));
    private static final Caller KK_OFFICER = Caller.person("kk", Set.of(Role.PROVINCE_OFFICER), ProvinceCode.of("40"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T03:00:00Z"), JpaVolunteerRegistry.THAILAND);

    private TestDatabase db;
    private VolunteerRules rules;
    private final List<ExecutorService> executors = new ArrayList<>();
    private final List<String> audited = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase("apom-registry-test", "META-INF/test-persistence.xml", JpaVolunteerRegistry.CHANGELOG);
        rules = new VolunteerRules(code -> code.equals(VolunteerRulesTest.SI_PHUM.code())
                ? Optional.of(VolunteerRulesTest.SI_PHUM) : Optional.empty(), 18);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (ExecutorService executor : executors) {
            executor.shutdownNow();
            // an import reads DONE a moment before its worker has closed its entity manager
            assertTrue(executor.awaitTermination(30, TimeUnit.SECONDS));
        }
        db.close();
    }

    @Test
    void goodRowsGoInAndEveryBadRowIsReportedWithItsLineAndErrors() throws Exception {
        List<VolunteerInput> rows = new ArrayList<>(generated(5));
        VolunteerInput first = rows.get(0);
        rows.add(new VolunteerInput("1234567890123", "นาย", "Somchai", "ใจดี", null, null, "15/3/2600", "ชาย", null,
                "500101", null, null)); // bad checksum, name not in Thai, birth date in the future
        rows.add(first); // the same person typed twice
        JpaVolunteerFiles files = files(audit(-1, null));
        ImportReport report = finished(files, files.startImport(CM_OFFICER, csv(rows), ImportOptions.DEFAULT));
        assertEquals(ImportStatus.DONE, report.status());
        assertEquals(7, report.rows());
        assertEquals(7, report.processed());
        assertEquals(5, report.accepted());
        assertEquals(2, report.rejected());
        assertEquals(List.of("national_id checksum", "first_name not-thai", "birth_date future"),
                errorsOn(report, 7));
        assertEquals(List.of("national_id duplicate"), errorsOn(report, 8));
        assertTrue(report.errors().stream().filter(e -> e.line() == 8).findFirst().orElseThrow().message().en()
                .contains("line 2"));
        assertEquals(5, count("SELECT COUNT(v) FROM VolunteerEntity v"));
        assertEquals(5, audited.stream().filter("volunteer.import"::equals).count());
    }

    @Test
    void importingTheSameFileTwiceAddsNothing() throws Exception {
        byte[] file = csv(generated(20));
        JpaVolunteerFiles files = files(audit(-1, null));
        assertEquals(20, finished(files, files.startImport(CM_OFFICER, file, ImportOptions.DEFAULT)).accepted());
        ImportReport again = finished(files, files.startImport(CM_OFFICER, file, ImportOptions.DEFAULT));
        assertEquals(0, again.accepted());
        assertEquals(20, again.rejected());
        assertTrue(again.errors().stream().allMatch(e -> e.code().equals("duplicate")));
        assertEquals(20, count("SELECT COUNT(v) FROM VolunteerEntity v"));
    }

    @Test
    void allOrNothingTakesNothingWhenOneRowIsBadAndEverythingOtherwise() throws Exception {
        List<VolunteerInput> rows = new ArrayList<>(generated(1200));
        rows.add(1100, new VolunteerInput("", "นาย", "สมชาย", "ใจดี", null, null, "15/3/2510", "ชาย", null,
                "500101", null, null));
        JpaVolunteerFiles files = files(audit(-1, null));
        ImportReport refused = finished(files, files.startImport(CM_OFFICER, csv(rows),
                new ImportOptions(null, false, true)));
        assertEquals(0, refused.accepted());
        assertEquals(1, refused.rejected());
        assertEquals(List.of("national_id required"), errorsOn(refused, 1102));
        assertEquals(0, count("SELECT COUNT(v) FROM VolunteerEntity v"), "a chunk already flushed is rolled back");
        rows.remove(1100);
        ImportReport taken = finished(files, files.startImport(CM_OFFICER, csv(rows),
                new ImportOptions(null, false, true)));
        assertEquals(1200, taken.accepted());
        assertEquals(1200, count("SELECT COUNT(v) FROM VolunteerEntity v"));
    }

    @Test
    void aDryRunChecksEveryRowAndWritesNothing() throws Exception {
        List<VolunteerInput> rows = new ArrayList<>(generated(3));
        rows.add(rows.get(1));
        JpaVolunteerFiles files = files(audit(-1, null));
        ImportReport report = finished(files, files.startImport(CM_OFFICER, csv(rows), new ImportOptions(null, true, false)));
        assertTrue(report.dryRun());
        assertEquals(3, report.accepted());
        assertEquals(List.of("national_id duplicate"), errorsOn(report, 5));
        assertEquals(0, count("SELECT COUNT(v) FROM VolunteerEntity v"));
        assertFalse(audited.contains("volunteer.import"));
    }

    @Test
    void rowsOfAnotherProvinceAreRejectedAndAnotherProvincesImportIsNotFound() throws Exception {
        JpaVolunteerFiles files = files(audit(-1, null));
        ImportReport report = finished(files, files.startImport(KK_OFFICER, csv(generated(2)), ImportOptions.DEFAULT),
                KK_OFFICER);
        assertEquals(0, report.accepted());
        assertEquals(List.of("subdistrict_code wrong-province"), errorsOn(report, 2),
                "a province officer's import takes rows of the officer's province only");
        assertEquals(404, assertThrows(ProblemException.class,
                () -> files.importReport(CM_OFFICER, report.id())).status());
        assertEquals(403, assertThrows(ProblemException.class, () -> files.startImport(CM_OFFICER, csv(generated(1)),
                new ImportOptions(ProvinceCode.of("40"), false, false))).status());
    }

    @Test
    void importsAreListedNewestFirstPageByPageAndEachProvinceSeesOnlyItsOwn() throws Exception {
        JpaVolunteerFiles files = files(audit(-1, null));
        String cm = finished(files, files.startImport(CM_OFFICER, csv(generated(2)), ImportOptions.DEFAULT)).id();
        String kk = finished(files, files.startImport(KK_OFFICER, csv(generated(1)), ImportOptions.DEFAULT),
                KK_OFFICER).id();
        Caller central = Caller.system("karaf-shell:admin");
        Page<ImportReport> first = files.imports(central, PageRequest.of(1, null));
        Page<ImportReport> second = files.imports(central, PageRequest.of(1, first.nextCursor()));
        assertEquals(Set.of(cm, kk), Set.of(first.items().get(0).id(), second.items().get(0).id()));
        assertEquals(null, second.nextCursor());
        assertEquals(List.of(cm), files.imports(CM_OFFICER, PageRequest.of(50, null)).items().stream()
                .map(ImportReport::id).toList());
        ImportReport kkListed = files.imports(KK_OFFICER, PageRequest.of(50, null)).items().get(0);
        assertEquals(kk, kkListed.id());
        assertEquals(1, kkListed.rejected());
        assertEquals(List.of(), kkListed.errors(), "a listing leaves the errors to the import's own report");
        assertEquals(403, assertThrows(ProblemException.class, () -> files.imports(
                Caller.person("auditor", Set.of(Role.AUDITOR), null), PageRequest.of(50, null))).status());
    }

    @Test
    void importsAreListedByManyCallersWhileOneRunsChunkByChunk() throws Exception {
        JpaVolunteerFiles files = files(audit(-1, null));
        String running = files.startImport(CM_OFFICER, csv(generated(3 * ImportRun.CHUNK)), ImportOptions.DEFAULT).id();
        Caller central = Caller.system("karaf-shell:admin");
        ExecutorService callers = Executors.newFixedThreadPool(6);
        executors.add(callers);
        List<java.util.concurrent.Future<?>> readers = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            Caller caller = c % 2 == 0 ? central : CM_OFFICER;
            readers.add(callers.submit(() -> {
                for (int read = 0; read < 20; read++) {
                    // the import's row changes under each read, chunk after chunk; a listing still answers it
                    assertEquals(List.of(running), files.imports(caller, PageRequest.of(50, null)).items().stream()
                            .map(ImportReport::id).toList());
                }
                return null;
            }));
        }
        for (var reader : readers) {
            reader.get(60, TimeUnit.SECONDS);
        }
        assertEquals(3 * ImportRun.CHUNK, finished(files, files.importReport(CM_OFFICER, running)).accepted());
    }

    @Test
    void anImportCutOffMidwayResumesWithNoRowLostOrDoubled() throws Exception {
        List<VolunteerInput> rows = new ArrayList<>(generated(1700));
        rows.add(1300, rows.get(10)); // a duplicate after the cut, of a row before it
        byte[] file = csv(rows);
        // the platform stops while the third chunk is being written
        JpaVolunteerFiles[] first = new JpaVolunteerFiles[1];
        first[0] = files(audit(2 * ImportRun.CHUNK + 123, () -> first[0].deactivate()));
        String id = first[0].startImport(CM_OFFICER, file, ImportOptions.DEFAULT).id();
        executors.get(0).awaitTermination(30, TimeUnit.SECONDS);
        ImportReport cut = first[0].importReport(CM_OFFICER, id);
        assertEquals(ImportStatus.RUNNING, cut.status());
        assertEquals(2 * ImportRun.CHUNK, cut.processed(), "the two committed chunks, nothing of the third");
        assertEquals(2 * ImportRun.CHUNK, count("SELECT COUNT(v) FROM VolunteerEntity v"));

        JpaVolunteerFiles restarted = files(audit(-1, null));
        restarted.resumeUnfinished();
        ImportReport resumed = finished(restarted, cut);
        assertEquals(ImportStatus.DONE, resumed.status());
        assertEquals(1701, resumed.processed());
        assertEquals(1700, resumed.accepted());
        assertEquals(List.of("national_id duplicate"), errorsOn(resumed, 1302));
        assertEquals(1, resumed.errors().size(), "no error recorded twice");
        assertEquals(1700, count("SELECT COUNT(v) FROM VolunteerEntity v"));
        assertEquals(1700, count("SELECT COUNT(DISTINCT v.nationalId) FROM VolunteerEntity v"));
    }

    @Test
    void theExportImportsAgainAsItIs() throws Exception {
        JpaVolunteerFiles files = files(audit(-1, null));
        finished(files, files.startImport(CM_OFFICER, csv(generated(30)), ImportOptions.DEFAULT));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(30, files.export(CM_OFFICER, ProvinceCode.of("50"), out));
        byte[] exported = out.toByteArray();
        assertEquals(0xEF, exported[0] & 0xFF, "a UTF-8 byte-order mark, for Excel");
        assertTrue(new String(exported, StandardCharsets.UTF_8).contains("national_id,title,first_name"));
        ImportReport again = finished(files, files.startImport(CM_OFFICER, exported, new ImportOptions(null, true, false)));
        assertEquals(30, again.rows());
        assertTrue(again.errors().stream().allMatch(e -> e.code().equals("duplicate")), again.errors().toString());
        Caller integrator = Caller.token("app", Set.of("volunteers:read"), null);
        assertEquals(403, assertThrows(ProblemException.class,
                () -> files.export(integrator, null, new ByteArrayOutputStream())).status());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> files.export(KK_OFFICER, ProvinceCode.of("50"), new ByteArrayOutputStream())).status());
    }

    @Test
    void theExportQuotesFormulasForSpreadsheetsAndImportsThemBackAsTheyWere() throws Exception {
        List<VolunteerInput> rows = new ArrayList<>(generated(1));
        VolunteerInput v = rows.get(0);
        rows.set(0, new VolunteerInput(v.nationalId(), v.title(), v.firstName(), v.lastName(), v.firstNameEn(),
                v.lastNameEn(), v.birthDate(), v.gender(), v.phone(), v.subdistrictCode(), "=HYPERLINK(\"http://x\")",
                v.registeredOn()));
        JpaVolunteerFiles files = files(audit(-1, null));
        assertEquals(1, finished(files, files.startImport(CM_OFFICER, csv(rows), ImportOptions.DEFAULT)).accepted());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.export(CM_OFFICER, ProvinceCode.of("50"), out);
        String exported = out.toString(StandardCharsets.UTF_8);
        assertTrue(exported.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), exported);
        db.tx(em -> em.createQuery("DELETE FROM VolunteerEntity v").executeUpdate());
        ImportReport again = finished(files, files.startImport(CM_OFFICER, out.toByteArray(), ImportOptions.DEFAULT));
        assertEquals(1, again.accepted(), again.errors().toString());
        assertEquals("=HYPERLINK(\"http://x\")", db.txExpr(em -> em.createQuery(
                "SELECT v.address FROM VolunteerEntity v", String.class).getSingleResult()));
    }

    @Test
    void anExportIsAuditedBeforeItsFirstByteSoThatOneCutOffIsStillOnTheTrail() throws Exception {
        JpaVolunteerFiles files = files(audit(-1, null));
        finished(files, files.startImport(CM_OFFICER, csv(generated(3)), ImportOptions.DEFAULT));
        List<Boolean> auditedAtFirstByte = new ArrayList<>();
        java.io.OutputStream cutOff = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                auditedAtFirstByte.add(audited.contains("volunteer.export"));
                throw new IOException("the client went away");
            }
        };
        assertThrows(IOException.class, () -> files.export(CM_OFFICER, ProvinceCode.of("50"), cutOff));
        assertEquals(List.of(true), auditedAtFirstByte);
        assertEquals(1, audited.stream().filter("volunteer.export"::equals).count());
    }

    @Test
    void theStoredFileIsDeletedWhenTheImportEndsAndTheReportStays() throws Exception {
        List<VolunteerInput> rows = new ArrayList<>(generated(3));
        rows.add(rows.get(0));
        JpaVolunteerFiles files = files(audit(-1, null));
        ImportReport done = finished(files, files.startImport(CM_OFFICER, csv(rows), ImportOptions.DEFAULT));
        assertEquals(0, storedBytes(done.id()), "the file of a finished import is gone");
        ImportReport report = files.importReport(CM_OFFICER, done.id());
        assertEquals(ImportStatus.DONE, report.status());
        assertEquals(3, report.accepted());
        assertEquals(List.of("national_id duplicate"), errorsOn(report, 5), "the report keeps its rows' errors");

        ImportReport atomic = finished(files, files.startImport(CM_OFFICER, csv(rows), new ImportOptions(null, false,
                true)));
        assertEquals(0, storedBytes(atomic.id()), "and so is the file of an all-or-nothing import");
        assertEquals(4, files.importReport(CM_OFFICER, atomic.id()).rejected());
    }

    @Test
    void theStoredFileOfAFailedImportIsDeletedAndThatOfAnUnfinishedOneKept() throws Exception {
        // the audit fails for good at the 2nd record: the import fails (the platform is not stopping)
        JpaVolunteerFiles files = files(audit(2, () -> { }));
        ImportReport failed = finished(files, files.startImport(CM_OFFICER, csv(generated(3)), ImportOptions.DEFAULT));
        assertEquals(ImportStatus.FAILED, failed.status());
        assertEquals(0, storedBytes(failed.id()), "a failed import does not resume: its file goes");

        JpaVolunteerFiles[] stopped = new JpaVolunteerFiles[1];
        stopped[0] = files(audit(ImportRun.CHUNK + 10, () -> stopped[0].deactivate()));
        byte[] file = csv(generated(ImportRun.CHUNK + 100));
        String id = stopped[0].startImport(CM_OFFICER, file, ImportOptions.DEFAULT).id();
        executors.get(executors.size() - 1).awaitTermination(30, TimeUnit.SECONDS);
        assertEquals(ImportStatus.RUNNING, stopped[0].importReport(CM_OFFICER, id).status());
        assertEquals(file.length, storedBytes(id), "an import cut off by a stop resumes from its file");
    }

    @Test
    void theRejectedRowsComeBackAsAFileThatImportsOnceFixed() throws Exception {
        List<VolunteerInput> rows = new ArrayList<>(generated(4));
        VolunteerInput good = rows.get(2);
        VolunteerInput badPhone = new VolunteerInput(good.nationalId(), good.title(), good.firstName(), good.lastName(),
                good.firstNameEn(), good.lastNameEn(), good.birthDate(), good.gender(), "12", good.subdistrictCode(),
                "12 \"บ้านนา\", หมู่ 3", null);
        rows.set(2, badPhone);
        JpaVolunteerFiles files = files(audit(-1, null));
        ImportReport report = finished(files, files.startImport(CM_OFFICER, csv(rows), ImportOptions.DEFAULT));
        assertEquals(1, report.rejected());
        assertEquals(CLOCK.instant().plus(java.time.Duration.ofDays(14)), report.rejectedRowsUntil());

        ByteArrayOutputStream thai = new ByteArrayOutputStream();
        assertEquals(1, files.rejectedRows(CM_OFFICER, report.id(), java.util.Locale.forLanguageTag("th"), thai));
        String text = thai.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF" + String.join(",", RegisterCsv.COLUMNS.keySet()) + ",import_errors\r\n"),
                text);
        List<org.apache.commons.csv.CSVRecord> records = RegisterCsv.FORMAT.parse(new java.io.StringReader(
                text.substring(1))).getRecords();
        assertEquals(2, records.size(), "the header and the one rejected row");
        assertEquals(good.nationalId(), records.get(1).get(0), "the row's cells as they were sent");
        assertEquals("12 \"บ้านนา\", หมู่ 3", records.get(1).get(10));
        assertTrue(records.get(1).get(12).startsWith("บรรทัด 4; phone: "), records.get(1).get(12));
        assertTrue(audited.contains("volunteer.import-rejected-read"));

        assertEquals(404, assertThrows(ProblemException.class, () -> files.rejectedRows(KK_OFFICER, report.id(),
                java.util.Locale.ENGLISH, new ByteArrayOutputStream())).status(), "another province's import");
        Caller colleague = Caller.person("cm-2", Set.of(Role.PROVINCE_OFFICER), ProvinceCode.of("50"));
        assertEquals(403, assertThrows(ProblemException.class, () -> files.rejectedRows(colleague, report.id(),
                java.util.Locale.ENGLISH, new ByteArrayOutputStream())).status(),
                "the rows may hold other provinces' people: only the sender reads them back");

        // the officer fixes the phone in the downloaded file and sends it back, the errors column still in it
        String fixed = text.replace(",12,", ",0812345678,");
        ImportReport again = finished(files, files.startImport(CM_OFFICER, fixed.getBytes(StandardCharsets.UTF_8),
                ImportOptions.DEFAULT));
        assertEquals(List.of(), again.unknownColumns(), "import_errors is known, and ignored");
        assertEquals(1, again.accepted(), again.errors().toString());
        assertEquals(null, again.rejectedRowsUntil());
        assertEquals(4, count("SELECT COUNT(v) FROM VolunteerEntity v"));
    }

    @Test
    void anAllOrNothingImportGivesBackEveryRowAndTheRowsAreClearedAfterTheirTime() throws Exception {
        List<VolunteerInput> rows = new ArrayList<>(generated(3));
        rows.add(rows.get(0));
        JpaVolunteerFiles files = files(audit(-1, null));
        ImportReport refused = finished(files, files.startImport(CM_OFFICER, csv(rows),
                new ImportOptions(null, false, true)));
        ByteArrayOutputStream english = new ByteArrayOutputStream();
        assertEquals(4, files.rejectedRows(CM_OFFICER, refused.id(), java.util.Locale.ENGLISH, english),
                "none went in, so every row is to send again");
        assertTrue(english.toString(StandardCharsets.UTF_8).contains("line 5; national_id: "));

        ExecutorService executor = Executors.newSingleThreadExecutor();
        executors.add(executor);
        JpaVolunteerFiles later = new JpaVolunteerFiles(db, rules, audit(-1, null),
                Clock.offset(CLOCK, java.time.Duration.ofDays(15)), executor);
        assertEquals(null, later.importReport(CM_OFFICER, refused.id()).rejectedRowsUntil());
        assertEquals(404, assertThrows(ProblemException.class, () -> later.rejectedRows(CM_OFFICER, refused.id(),
                java.util.Locale.ENGLISH, new ByteArrayOutputStream())).status());
        finished(later, later.startImport(CM_OFFICER, csv(generated(1)), ImportOptions.DEFAULT));
        byte[] cleared = db.txExpr(em -> em.find(org.apom.registry.internal.jpa.ImportEntity.class, refused.id())
                .rejectedRows());
        assertEquals(null, cleared, "cleared from the database, not only hidden");
        assertEquals(1, later.importReport(CM_OFFICER, refused.id()).rejected(), "the report stays");
    }

    private int storedBytes(String importId) {
        return db.txExpr(em -> em.find(org.apom.registry.internal.jpa.ImportEntity.class, importId).content().length);
    }

    private JpaVolunteerFiles files(AuditTrail audit) {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executors.add(executor);
        return new JpaVolunteerFiles(db, rules, audit, CLOCK, executor);
    }

    private static ImportReport finished(JpaVolunteerFiles files, ImportReport started) throws InterruptedException {
        return finished(files, started, CM_OFFICER);
    }

    private static ImportReport finished(JpaVolunteerFiles files, ImportReport started, Caller caller)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        ImportReport report = started;
        while (!report.finished() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            report = files.importReport(caller, report.id());
        }
        assertTrue(report.finished(), report.toString());
        return report;
    }

    private static List<String> errorsOn(ImportReport report, int line) {
        return report.errors().stream().filter(e -> e.line() == line).map(e -> e.field() + " " + e.code()).toList();
    }

    private long count(String jpql) {
        return db.txExpr(em -> em.createQuery(jpql, Long.class).getSingleResult());
    }

    private static List<VolunteerInput> generated(int rows) {
        return DemoRegister.generate(rows, List.of("500101"), LocalDate.of(2026, 11, 29), 7).stream()
                .map(DemoRecord::input).toList();
    }

    static byte[] csv(List<VolunteerInput> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, RegisterCsv.FORMAT)) {
            printer.printRecord(RegisterCsv.COLUMNS.keySet());
            for (VolunteerInput v : rows) {
                printer.printRecord(v.nationalId(), v.title(), v.firstName(), v.lastName(), v.firstNameEn(),
                        v.lastNameEn(), v.birthDate(), v.gender(), v.phone(), v.subdistrictCode(), v.address(),
                        v.registeredOn());
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private AuditTrail audit(int cutAt, Runnable cut) {
        return new RecordingAudit(audited, cutAt, cut);
    }
}
