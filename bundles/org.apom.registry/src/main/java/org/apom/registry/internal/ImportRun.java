package org.apom.registry.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.UploadedText;
import org.apom.registry.api.ImportStatus;
import org.apom.registry.api.RowError;
import org.apom.registry.api.Volunteer;
import org.apom.registry.internal.jpa.ImportEntity;
import org.apom.registry.internal.jpa.ImportErrorEntity;
import org.apom.registry.internal.jpa.VolunteerEntity;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one import. Rows go in chunks; each chunk's records, audit entries, errors and the import's position
 * commit in one transaction, so a platform that dies mid-import resumes from the last committed chunk with no
 * row lost and none doubled. An all-or-nothing import is one transaction (flushed per chunk), which a crash
 * rolls back whole, so its resumption starts again from the first row.
 */
final class ImportRun {

    static final int CHUNK = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ImportRun.class);

    /** Rows checked so far by all-or-nothing imports, whose position commits only at the end. */
    private final Map<String, Integer> uncommittedProgress = new ConcurrentHashMap<>();
    private final JpaTemplate jpa;
    private final VolunteerRules rules;
    private final AuditTrail audit;
    private final Clock clock;
    private final ProbeGuard probes;
    private final Duration keepRejectedFor;

    /**
     * @param keepRejectedFor how long after its end an import's rejected rows may be downloaded
     */
    ImportRun(JpaTemplate jpa, VolunteerRules rules, AuditTrail audit, Clock clock, ProbeGuard probes,
            Duration keepRejectedFor) {
        this.keepRejectedFor = keepRejectedFor;
        this.jpa = jpa;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
        this.probes = probes;
    }

    /** One row whose national ID is held in a province the caller may not read. */
    private record Probe(ValidVolunteer volunteer, ProvinceCode heldIn) {
    }

    /**
     * The probes a run may still make (the caller's allowance for the day, counted at its start) and, for an
     * all-or-nothing import, those to audit when it ends (its one transaction rolls back).
     */
    private static final class Probing {
        int left;
        final List<Probe> pending = new ArrayList<>();

        Probing(int left) {
            this.left = left;
        }
    }

    /** An import that would run into more national IDs of other provinces than its caller has left today. */
    private static final class ProbeLimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient List<Probe> spent;

        ProbeLimitReached(List<Probe> spent) {
            super("probe-limit", null, false, false);
            this.spent = spent;
        }
    }

    /** Rows checked by a running all-or-nothing import, or {@code null}. */
    Integer uncommittedProgress(String id) {
        return uncommittedProgress.get(id);
    }

    /**
     * Runs (or resumes) the import to its end.
     *
     * @param stopping whether the platform is stopping: an import stopped that way stays RUNNING, to resume
     */
    void run(String id, BooleanSupplier stopping) {
        try {
            ImportEntity start = jpa.txExpr(TransactionType.Required, em -> {
                ImportEntity i = em.find(ImportEntity.class, id);
                if (i != null && (i.status() == ImportStatus.QUEUED || i.status() == ImportStatus.RUNNING)) {
                    i.running();
                    i.content(); // loaded here, for the rows below
                    return i;
                }
                return null;
            });
            if (start == null) {
                return;
            }
            RegisterCsv csv = RegisterCsv.read(UploadedText.decode(start.content()).text());
            Caller caller = JpaVolunteerFiles.restore(start.caller());
            ProvinceCode only = start.provinceCode() == null ? null : ProvinceCode.of(start.provinceCode());
            ImportRows rows = new ImportRows(rules, caller, only, LocalDate.now(clock));
            Probing probing = new Probing(ProbeGuard.mayProbe(caller) ? probes.remaining(caller) : Integer.MAX_VALUE);
            if (probing.left <= 0) {
                // refused whatever the file holds: a run's outcome must not tell which IDs are held elsewhere
                throw new ProbeLimitReached(List.of());
            }
            if (start.atomic()) {
                allOrNothing(start, csv, rows, caller, stopping, probing);
            } else {
                inChunks(start, csv, rows, caller, stopping, probing);
            }
        } catch (ProbeLimitReached e) {
            refuse(id, e);
        } catch (RuntimeException e) {
            if (stopping.getAsBoolean()) {
                LOG.info("Import {} stopped with the platform; it resumes at the next start", id);
                return;
            }
            LOG.error("Import {} failed: {}", id, e.toString(), e);
            fail(id, e);
        } finally {
            uncommittedProgress.remove(id);
        }
    }

    private void inChunks(ImportEntity start, RegisterCsv csv, ImportRows rows, Caller caller,
            BooleanSupplier stopping, Probing probing) {
        int alreadyDone = start.processed();
        List<RegisterCsv.Row> chunk = new ArrayList<>(CHUNK);
        csv.forEachRow(row -> {
            if (row.index() < alreadyDone) {
                rows.skip(row);
                return;
            }
            chunk.add(row);
            if (chunk.size() == CHUNK) {
                if (stopping.getAsBoolean()) {
                    throw new IllegalStateException("stopping");
                }
                int from = chunk.get(0).index();
                jpa.tx(TransactionType.Required, em -> commit(em, start, from, rows, chunk, caller, probing));
                chunk.clear();
            }
        });
        jpa.tx(TransactionType.Required, em -> {
            if (!chunk.isEmpty()) {
                commit(em, start, chunk.get(0).index(), rows, chunk, caller, probing);
            }
            ImportEntity end = em.find(ImportEntity.class, start.id());
            if (end.rejected() > 0 && !keepRejectedFor.isZero()) {
                Set<Integer> lines = new HashSet<>(em.createQuery("SELECT DISTINCT e.line FROM ImportErrorEntity e"
                        + " WHERE e.importId = :id", Integer.class).setParameter("id", start.id()).getResultList());
                end.keepRejected(csv.keep(lines::contains), clock.instant().plus(keepRejectedFor));
            }
            end.done(clock.instant());
        });
    }

    private void allOrNothing(ImportEntity start, RegisterCsv csv, ImportRows rows, Caller caller,
            BooleanSupplier stopping, Probing probing) {
        List<RowError> errors = new ArrayList<>();
        int[] rejected = {0};
        int[] accepted = {0};
        try {
            jpa.tx(TransactionType.Required, em -> {
                List<RegisterCsv.Row> chunk = new ArrayList<>(CHUNK);
                csv.forEachRow(row -> {
                    chunk.add(row);
                    if (chunk.size() == CHUNK) {
                        if (stopping.getAsBoolean()) {
                            throw new IllegalStateException("stopping");
                        }
                        Tally t = commitAtomicChunk(em, start, rows, chunk, caller, errors, probing);
                        accepted[0] += t.accepted();
                        rejected[0] += t.rejected();
                    }
                });
                if (!chunk.isEmpty()) {
                    Tally t = commitAtomicChunk(em, start, rows, chunk, caller, errors, probing);
                    accepted[0] += t.accepted();
                    rejected[0] += t.rejected();
                }
                if (rejected[0] > 0) {
                    throw new RejectedRows();
                }
                ImportEntity done = em.find(ImportEntity.class, start.id());
                done.advance(csv.rows(), accepted[0], 0);
                done.done(clock.instant());
            });
        } catch (RejectedRows rolledBack) {
            // nothing went in; what stays is the report of every rejected row
            jpa.tx(TransactionType.Required, em -> {
                ImportEntity i = em.find(ImportEntity.class, start.id());
                i.advance(csv.rows(), 0, rejected[0]);
                storeErrors(em, start.id(), errors);
                audit(caller, start.id(), probing.pending);
                // nothing went in, so every row is to send again; a dry run's officer keeps the file, and needs
                // only the rows to fix
                Set<Integer> lines = errors.stream().map(RowError::line).collect(Collectors.toSet());
                if (!keepRejectedFor.isZero()) {
                    i.keepRejected(csv.keep(start.dryRun() ? lines::contains : line -> true),
                            clock.instant().plus(keepRejectedFor));
                }
                i.done(clock.instant());
            });
        }
    }

    private Tally commitAtomicChunk(EntityManager em, ImportEntity start, ImportRows rows, List<RegisterCsv.Row> chunk,
            Caller caller, List<RowError> errors, Probing probing) {
        int from = chunk.get(0).index();
        Tally tally = check(em, start, from, rows, chunk, caller, !start.dryRun(), errors, probing);
        em.flush();
        em.clear(); // an all-or-nothing import of 100,000 rows must not keep 100,000 entities in memory
        uncommittedProgress.put(start.id(), from + chunk.size());
        chunk.clear();
        return tally;
    }

    /** Checks, stores and records one chunk, with its errors and the import's new position. */
    private void commit(EntityManager em, ImportEntity start, int from, ImportRows rows,
            List<RegisterCsv.Row> chunk, Caller caller, Probing probing) {
        List<RowError> errors = new ArrayList<>();
        check(em, start, from, rows, chunk, caller, !start.dryRun(), errors, probing);
        storeErrors(em, start.id(), errors);
    }

    /** How many rows of a chunk went in and how many were rejected. */
    private record Tally(int accepted, int rejected) {
    }

    /**
     * Checks and stores a chunk; the errors of its rejected rows are added to {@code errors}. A chunked import's
     * position advances in the same transaction; an all-or-nothing import's is counted by its caller and written
     * once at the end, so that its import row is not locked (and its status not unreadable) for the whole run.
     */
    private Tally check(EntityManager em, ImportEntity start, int from, ImportRows rows, List<RegisterCsv.Row> chunk,
            Caller caller, boolean write, List<RowError> errors, Probing probing) {
        ImportEntity current = start.atomic() ? null : em.find(ImportEntity.class, start.id());
        if (current != null && current.processed() != from) {
            // another runner moved this import on: never process a row twice
            throw new IllegalStateException("import " + start.id() + " is at row " + current.processed()
                    + ", not " + from);
        }
        List<ImportRows.Checked> checked = chunk.stream().map(rows::check).toList();
        Map<String, String> registered = registered(em, checked);
        int accepted = 0;
        int rejected = 0;
        List<Probe> found = new ArrayList<>();
        List<VolunteerEntity> stored = new ArrayList<>();
        for (ImportRows.Checked c : checked) {
            String heldIn = c.passed() ? registered.get(c.volunteer().nationalId().value()) : null;
            if (heldIn != null && ProbeGuard.isProbe(caller, ProvinceCode.of(heldIn))) {
                errors.add(ImportRows.registeredElsewhere(c.row()));
                found.add(new Probe(c.volunteer(), ProvinceCode.of(heldIn)));
                rejected++;
            } else if (heldIn != null) {
                errors.add(ImportRows.alreadyRegistered(c.row()));
                rejected++;
            } else if (c.passed()) {
                accepted++;
                if (write) {
                    stored.add(store(em, c.volunteer()));
                }
            } else {
                errors.addAll(c.errors());
                rejected++;
            }
        }
        auditStored(em, stored, caller, start.id());
        if (found.size() > probing.left) {
            // refused before this chunk's report is kept, so the caller learns nothing of its rows; every probe
            // it found is audited, those beyond the limit too
            throw new ProbeLimitReached(found);
        }
        probing.left -= found.size();
        if (start.atomic()) {
            probing.pending.addAll(found);
        } else {
            audit(caller, start.id(), found);
        }
        if (current != null) {
            current.advance(chunk.size(), accepted, rejected);
        }
        return new Tally(accepted, rejected);
    }

    private VolunteerEntity store(EntityManager em, ValidVolunteer v) {
        VolunteerEntity entity = VolunteerEntities.create(v, clock.instant());
        em.persist(entity);
        return entity;
    }

    /** Audits the chunk's new records once they are written, so that each entry has the version the record got. */
    private void auditStored(EntityManager em, List<VolunteerEntity> stored, Caller caller, String importId) {
        if (stored.isEmpty()) {
            return;
        }
        em.flush();
        for (VolunteerEntity entity : stored) {
            Volunteer saved = entity.toDTO();
            Map<String, Object> after = PersonalData.auditState(saved);
            after.put("import", importId);
            audit.record(caller, "volunteer.import", "volunteer", saved.id(), saved.provinceCode(), null, after);
        }
    }

    /** The rows' national IDs that are registered already, with the province of their record. */
    private static Map<String, String> registered(EntityManager em, List<ImportRows.Checked> checked) {
        List<String> ids = checked.stream().filter(ImportRows.Checked::passed)
                .map(c -> c.volunteer().nationalId().value()).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> held = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT v.nationalId, v.provinceCode FROM VolunteerEntity v"
                + " WHERE v.nationalId IN :ids", Object[].class).setParameter("ids", ids).getResultList()) {
            held.put((String) row[0], (String) row[1]);
        }
        return held;
    }

    /** Audits probes in the current transaction. */
    private void audit(Caller caller, String importId, List<Probe> found) {
        for (Probe p : found) {
            probes.record(caller, "import " + importId, p.volunteer().nationalId(), p.heldIn());
        }
    }

    /**
     * Ends an import that ran into more national IDs of other provinces than its caller has left today, or that
     * started with none left: FAILED with {@code probe-limit}, its last chunk unreported, every probe it found
     * audited.
     */
    private void refuse(String id, ProbeLimitReached limit) {
        LOG.warn("Import {} refused: its caller reached the daily limit of national IDs held elsewhere", id);
        jpa.tx(TransactionType.Required, em -> {
            ImportEntity i = em.find(ImportEntity.class, id);
            audit(JpaVolunteerFiles.restore(i.caller()), id, limit.spent);
            i.failed("probe-limit: refused after " + i.processed() + " rows, because its caller reached today's"
                    + " limit of national IDs registered in other provinces", clock.instant());
        });
    }

    private static void storeErrors(EntityManager em, String importId, List<RowError> errors) {
        int seq = 0;
        for (RowError e : errors) {
            em.persist(new ImportErrorEntity(UUID.randomUUID().toString(), importId, seq++, e));
        }
    }

    private void fail(String id, RuntimeException cause) {
        try {
            jpa.tx(TransactionType.Required, em -> {
                ImportEntity i = em.find(ImportEntity.class, id);
                if (i != null) {
                    i.failed("Stopped after " + i.processed() + " rows (" + i.accepted() + " went in): "
                            + cause.getClass().getSimpleName(), clock.instant());
                }
            });
        } catch (RuntimeException e) {
            LOG.error("Could not record that import {} failed; it resumes at the next start", id, e);
        }
    }

    /** Rolls an all-or-nothing import back when any row was rejected. */
    private static final class RejectedRows extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RejectedRows() {
            super("rows were rejected", null, false, false);
        }
    }
}
