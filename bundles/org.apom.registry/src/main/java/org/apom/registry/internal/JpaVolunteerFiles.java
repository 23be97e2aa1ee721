package org.apom.registry.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.transaction.TransactionManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.commons.csv.CSVPrinter;
import org.apom.areas.api.AreaDirectory;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.UploadedText;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.ImportActivity;
import org.apom.registry.api.ImportOptions;
import org.apom.registry.api.ImportReport;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerFiles;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.registry.api.VolunteerSearch;
import org.apom.registry.internal.jpa.ImportEntity;
import org.apom.registry.internal.jpa.ImportEntity.StoredCaller;
import org.apom.registry.internal.jpa.ImportErrorEntity;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;
import org.apom.security.api.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Imports and exports of the register, over the register's tables. */
@Component(service = VolunteerFiles.class, configurationPid = "org.apom.registry")
public final class JpaVolunteerFiles implements VolunteerFiles {

    /** Larger than the REST body limit, for files central IT imports from the shell. */
    static final int MAX_FILE_BYTES = 64 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(JpaVolunteerFiles.class);

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final Clock clock;
    private final ImportRun runner;
    private final ImportQueue imports;
    private volatile boolean stopping;
    private ScheduledExecutorService sweeper;

    /**
     * @param registry the register, whose activation has migrated the schema these tables are in
     */
    @Activate
    public JpaVolunteerFiles(@Reference(target = "(osgi.unit.name=apom-registry)") JpaTemplate jpa,
            @Reference VolunteerRegistry registry, @Reference AreaDirectory areas, @Reference AuditTrail audit,
            @Reference TransactionManager transactions, RegistryConfig config) {
        // one import at a time, in the order they came: they compete for the same national IDs
        this(jpa, new VolunteerRules(areas::subdistrict, config.minimumAge()), audit,
                Clock.system(JpaVolunteerRegistry.THAILAND),
                Executors.newSingleThreadExecutor(r -> new Thread(r, "apom-import")), config.probesPerDay(),
                Duration.ofDays(Math.max(0, config.rejectedRowsDays())));
        forgetExpiredRejectedRows();
        resumeUnfinished();
        // a platform that imports nothing for weeks still clears what passed its time; on its own thread, which
        // may wait on a running chunk's lock without any request waiting behind it
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apom-import-sweep");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::forgetExpiredQuietly, 1, 1, TimeUnit.HOURS);
    }

    private void forgetExpiredQuietly() {
        try {
            forgetExpiredRejectedRows();
        } catch (RuntimeException e) {
            LOG.warn("Could not clear the expired rejected rows of imports; the next sweep tries again", e);
        }
    }

    JpaVolunteerFiles(JpaTemplate jpa, VolunteerRules rules, AuditTrail audit, Clock clock, ExecutorService imports) {
        this(jpa, rules, audit, clock, imports, 20, Duration.ofDays(14));
    }

    JpaVolunteerFiles(JpaTemplate jpa, VolunteerRules rules, AuditTrail audit, Clock clock, ExecutorService imports,
            int probesPerDay, Duration keepRejectedFor) {
        this.jpa = jpa;
        this.audit = audit;
        this.clock = clock;
        // counted when a run starts, not when it is posted: runs go one at a time, so the count's read of the
        // audit trail never waits behind another province's open all-or-nothing import (Derby, stack.md 32a)
        this.runner = new ImportRun(jpa, rules, audit, clock, new ProbeGuard(audit, clock, probesPerDay),
                keepRejectedFor);
        this.imports = new ImportQueue(imports);
    }

    @Deactivate
    void deactivate() {
        stopping = true;
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        imports.shutdownNow();
    }

    @Override
    public ImportReport startImport(Caller caller, byte[] file, ImportOptions options) {
        Reach reach = AccessPolicy.requireAny(caller, Action.VOLUNTEERS_WRITE);
        if (options.province() != null && !AccessPolicy.allows(caller, Action.VOLUNTEERS_WRITE, options.province())) {
            throw AccessPolicy.forbidden(Action.VOLUNTEERS_WRITE);
        }
        if (file == null || file.length == 0) {
            throw UploadedText.unreadable("empty-file", LocalizedText.of("The file is empty.", "แฟ้มว่างเปล่า"));
        }
        if (file.length > MAX_FILE_BYTES) {
            throw new ProblemException(413, "too-large", LocalizedText.of(
                    "A file has at most " + MAX_FILE_BYTES / (1024 * 1024) + " MiB; split it.",
                    "แฟ้มมีขนาดได้ไม่เกิน " + MAX_FILE_BYTES / (1024 * 1024) + " MiB กรุณาแบ่งแฟ้ม"), List.of());
        }
        UploadedText decoded = UploadedText.decode(file);
        RegisterCsv csv = RegisterCsv.read(decoded.text());
        ProvinceCode scope = options.province() != null ? options.province()
                : reach == Reach.OWN ? caller.province() : null;
        String id = UUID.randomUUID().toString();
        jpa.tx(TransactionType.Required, em -> {
            em.persist(new ImportEntity(id, store(caller), scope == null ? null : scope.value(), options.dryRun(),
                    options.atomic(), decoded.encoding(), sha256(file), String.join("\n", csv.unknownColumns()),
                    csv.rows(), file, clock.instant()));
            audit.record(caller, "volunteer.import-start", "import", id, scope, null, Map.of("rows", csv.rows(),
                    "dryRun", options.dryRun(), "atomic", options.atomic(), "sha256", sha256(file)));
        });
        imports.submit(() -> {
            // on the import thread, which alone writes import rows while a run goes: the sweep never waits on a
            // chunk's lock, and no request waits on the sweep
            forgetExpiredRejectedRows();
            runner.run(id, () -> stopping);
        });
        return importReport(caller, id);
    }

    @Override
    public ImportActivity activity() {
        return imports.activity();
    }

    @Override
    public ImportReport importReport(Caller caller, String id) {
        AccessPolicy.requireAny(caller, Action.VOLUNTEERS_WRITE);
        return readWhileImportsMove(em -> {
            ImportEntity i = id == null ? null : em.find(ImportEntity.class, id);
            if (i == null || !mayRead(caller, i)) {
                throw ProblemException.notFound("not-found", LocalizedText.of("There is no such import.",
                        "ไม่พบการนำเข้าที่ระบุ"));
            }
            return report(em, i, true);
        });
    }

    @Override
    public Page<ImportReport> imports(Caller caller, PageRequest page) {
        Reach reach = AccessPolicy.requireAny(caller, Action.VOLUNTEERS_WRITE);
        if (reach != Reach.ALL && caller.province() == null) {
            return new Page<>(List.of(), null);
        }
        // newest first; the position is the last item's creation time and id (ids break ties)
        String[] after = page.after() == null ? null : page.after().split(" ", 2);
        Instant afterAt = after == null ? null : positionTime(after);
        return readWhileImportsMove(em -> {
            var query = em.createQuery("SELECT i FROM ImportEntity i WHERE 1 = 1"
                    + (reach == Reach.ALL ? "" : " AND (i.provinceCode = :province"
                            + " OR (i.provinceCode IS NULL AND i.callerProvince = :province))")
                    + (after == null ? "" : " AND (i.createdAt < :at OR (i.createdAt = :at AND i.id < :id))")
                    + " ORDER BY i.createdAt DESC, i.id DESC", ImportEntity.class).setMaxResults(page.limit() + 1);
            if (reach != Reach.ALL) {
                query.setParameter("province", caller.province().value());
            }
            if (after != null) {
                query.setParameter("at", Timestamp.from(afterAt)).setParameter("id", after[1]);
            }
            List<ImportEntity> found = query.getResultList();
            List<ImportReport> items = found.stream().limit(page.limit()).map(i -> report(em, i, false)).toList();
            ImportReport last = items.isEmpty() ? null : items.get(items.size() - 1);
            return new Page<>(items, found.size() > page.limit()
                    ? PageRequest.encode(last.createdAt() + " " + last.id()) : null);
        });
    }

    private static Instant positionTime(String[] position) {
        try {
            if (position.length == 2) {
                return Instant.parse(position[0]);
            }
        } catch (DateTimeParseException e) {
            // as any other cursor this server did not give out
        }
        throw ProblemException.badParameter("cursor", new InvalidValueException("cursor", LocalizedText.of(
                "The cursor is not one this server gave out.", "cursor ไม่ถูกต้อง")));
    }

    /**
     * Reads again when OpenJPA refuses a lazy field of a row that changed after the row was read: the import moved
     * on (its end is written while its report is read); a read answers, it never conflicts.
     */
    private <T> T readWhileImportsMove(Function<EntityManager, T> read) {
        for (int attempt = 1;; attempt++) {
            try {
                return jpa.txExpr(TransactionType.Supports, read::apply);
            } catch (RuntimeException changedWhileRead) {
                if (attempt == 3 || !optimisticLock(changedWhileRead)) {
                    throw changedWhileRead;
                }
            }
        }
    }

    @Override
    public int rejectedRows(Caller caller, String id, Locale language, OutputStream out) throws IOException {
        AccessPolicy.requireAny(caller, Action.VOLUNTEERS_WRITE);
        record Kept(ProvinceCode province, boolean sender, byte[] rows,
                Map<Integer, List<org.apom.registry.api.RowError>> errors) {
        }
        Kept kept = readWhileImportsMove(em -> {
            ImportEntity i = id == null ? null : em.find(ImportEntity.class, id);
            if (i == null || !mayRead(caller, i)) {
                throw ProblemException.notFound("not-found", LocalizedText.of("There is no such import.",
                        "ไม่พบการนำเข้าที่ระบุ"));
            }
            Instant until = i.rejectedRowsUntil();
            byte[] rows = until == null || !clock.instant().isBefore(until) ? null : i.rejectedRows();
            if (rows == null) {
                throw ProblemException.notFound("no-rejected-rows", LocalizedText.of("This import keeps no rejected"
                        + " rows: none was rejected, it has not ended, or they were cleared after their time.",
                        "การนำเข้านี้ไม่มีแถวที่ถูกปฏิเสธให้ดาวน์โหลด: ไม่มีแถวถูกปฏิเสธ ยังไม่เสร็จ"
                                + " หรือพ้นระยะเวลาเก็บแล้ว"));
            }
            String province = i.provinceCode() != null ? i.provinceCode() : i.caller().province();
            boolean sender = i.caller().name().equals(caller.name()) && i.caller().kind().equals(caller.kind().name());
            return new Kept(province == null ? null : ProvinceCode.of(province), sender, rows, errors(em, i.id())
                    .stream().collect(Collectors.groupingBy(org.apom.registry.api.RowError::line)));
        });
        // the rows are the sent file's personal data, and may be of any province (rows refused as another
        // province's, or as registered elsewhere): the one who sent them reads them back, with the right to read
        // the province's personal data; otherwise only who may read every province's
        boolean national = AccessPolicy.reach(caller, Action.PERSONAL_DATA_READ) == Reach.ALL;
        if (!national && (!kept.sender() || kept.province() == null
                || !AccessPolicy.allows(caller, Action.PERSONAL_DATA_READ, kept.province()))) {
            throw AccessPolicy.forbidden(Action.PERSONAL_DATA_READ);
        }
        // whole before the audit, so that the entry says how many rows were read, and committed before the first
        // byte goes out, as an export's
        java.io.StringWriter file = new java.io.StringWriter();
        int written = RegisterCsv.writeRejected(kept.rows(), kept.errors(), language, file);
        jpa.tx(TransactionType.Required, em -> audit.record(caller, "volunteer.import-rejected-read", "import", id,
                kept.province(), null, Map.of("rows", written)));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(file.toString());
        writer.flush();
        return written;
    }

    /**
     * Clears the rejected rows whose time to download passed: they are the sent files' personal data, kept only
     * for the officer to fix them. Run at each start, before each import runs, and every hour.
     */
    private void forgetExpiredRejectedRows() {
        jpa.tx(TransactionType.Required, em -> em.createQuery("UPDATE ImportEntity i SET i.rejectedRows = NULL,"
                + " i.rejectedRowsUntil = NULL WHERE i.rejectedRowsUntil IS NOT NULL AND i.rejectedRowsUntil <= :now")
                .setParameter("now", Timestamp.from(clock.instant())).executeUpdate());
    }

    @Override
    public void requireExport(Caller caller, ProvinceCode province) {
        AccessPolicy.requireAny(caller, Action.VOLUNTEERS_READ);
        if (AccessPolicy.reach(caller, Action.PERSONAL_DATA_READ) == Reach.NONE
                || province != null && !AccessPolicy.allows(caller, Action.PERSONAL_DATA_READ, province)) {
            throw AccessPolicy.forbidden(Action.PERSONAL_DATA_READ);
        }
    }

    @Override
    public int export(Caller caller, ProvinceCode province, OutputStream out) throws IOException {
        requireExport(caller, province);
        Reach reach = AccessPolicy.reach(caller, Action.PERSONAL_DATA_READ);
        // recorded (committed) before the first byte: an export cut off on its way still left the trail; the
        // count is not known yet, so the entry says what was asked for
        jpa.tx(TransactionType.Required, em -> audit.record(caller, "volunteer.export", "volunteer", "export",
                province, null, Map.of("records", "requested")));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // so that Excel reads the Thai as UTF-8
        CSVPrinter printer = new CSVPrinter(writer, RegisterCsv.FORMAT);
        printer.printRecord(RegisterCsv.COLUMNS.keySet());
        VolunteerSearch search = new VolunteerSearch(province, null, null, null, null, null);
        int written = jpa.txExpr(TransactionType.Supports, em -> {
            int count = 0;
            String cursor = null;
            do {
                Page<Volunteer> page = VolunteerQuery.run(em, search, reach, caller.province(),
                        PageRequest.of(PageRequest.MAX_LIMIT, cursor));
                for (Volunteer v : page.items()) {
                    print(printer, v);
                    count++;
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            return count;
        });
        printer.flush();
        return written;
    }

    /** Queues every import a stopped platform left unfinished, oldest first. */
    void resumeUnfinished() {
        List<String> unfinished = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT i.id FROM ImportEntity i WHERE i.status IN ('QUEUED', 'RUNNING') ORDER BY i.createdAt",
                String.class).getResultList());
        unfinished.forEach(id -> imports.submit(() -> runner.run(id, () -> stopping)));
    }

    private static List<org.apom.registry.api.RowError> errors(EntityManager em, String importId) {
        return em.createQuery("SELECT e FROM ImportErrorEntity e WHERE e.importId = :id ORDER BY e.line, e.seq",
                ImportErrorEntity.class).setParameter("id", importId).getResultList().stream()
                .map(ImportErrorEntity::toRowError).toList();
    }

    private ImportReport report(EntityManager em, ImportEntity i, boolean withErrors) {
        // a row's errors commit with the count of rejected rows that includes it, so an import with none rejected
        // has none to read: a report polled while a large import runs (Derby's page cache full of its pages) skips
        // a query whose cold pages took over 30 s to read
        List<org.apom.registry.api.RowError> errors = withErrors && i.rejected() > 0 ? errors(em, i.id()) : List.of();
        Instant rejectedUntil = i.rejectedRowsUntil() != null && clock.instant().isBefore(i.rejectedRowsUntil())
                ? i.rejectedRowsUntil() : null;
        Integer live = runner.uncommittedProgress(i.id());
        int processed = live != null ? Math.max(live, i.processed()) : i.processed();
        List<String> unknown = i.unknownColumns() == null || i.unknownColumns().isEmpty() ? List.of()
                : Arrays.asList(i.unknownColumns().split("\n"));
        return new ImportReport(i.id(), i.status(), i.provinceCode() == null ? null : ProvinceCode.of(i.provinceCode()),
                i.dryRun(), i.atomic(), i.encoding(), i.rowCount(), processed, i.accepted(), i.rejected(), unknown,
                errors, i.caller().name(), i.createdAt(), i.finishedAt(), i.failure(), rejectedUntil);
    }

    private static boolean optimisticLock(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /** Central callers read every import; a province's callers read the imports of their province. */
    private static boolean mayRead(Caller caller, ImportEntity i) {
        if (AccessPolicy.reach(caller, Action.VOLUNTEERS_WRITE) == Reach.ALL) {
            return true;
        }
        String province = i.provinceCode() != null ? i.provinceCode() : i.caller().province();
        return province != null && caller.province() != null && province.equals(caller.province().value());
    }

    private static void print(CSVPrinter printer, Volunteer v) {
        try {
            // every cell guarded against spreadsheet formulas (docs/api.md, "Import file"); the import undoes it
            printer.printRecord(Stream.of(v.nationalId().value(), v.title(), v.firstName(), v.lastName(),
                    v.firstNameEn(), v.lastNameEn(), v.birthDate(), v.gender().name(), v.phone(),
                    v.subdistrictCode().value(), v.address(), v.registeredOn()).map(RegisterCsv::guarded).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StoredCaller store(Caller caller) {
        return new StoredCaller(caller.name(), caller.kind().name(),
                caller.roles().stream().map(Role::id).sorted().collect(Collectors.joining(",")),
                caller.scopes().stream().sorted().collect(Collectors.joining(",")),
                caller.province() == null ? null : caller.province().value());
    }

    static Caller restore(StoredCaller stored) {
        Set<Role> roles = Arrays.stream(stored.roles().split(",")).filter(s -> !s.isEmpty()).map(Role::fromId)
                .collect(Collectors.toSet());
        Set<String> scopes = stored.scopes() == null ? Set.of()
                : Arrays.stream(stored.scopes().split(",")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new Caller(stored.name(), Caller.Kind.valueOf(stored.kind()), roles,
                stored.province() == null ? null : ProvinceCode.of(stored.province()), scopes, null);
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
