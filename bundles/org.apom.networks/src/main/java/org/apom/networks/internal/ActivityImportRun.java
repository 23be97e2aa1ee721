package org.apom.networks.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.NationalId;
import org.apom.core.api.UploadedText;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.networks.api.ActivityInput;
import org.apom.networks.api.ActivityKinds;
import org.apom.networks.internal.JpaNetworkActivities.ValidActivity;
import org.apom.networks.internal.jpa.ActivityImportEntity;
import org.apom.networks.internal.jpa.ActivityImportErrorEntity;
import org.apom.networks.internal.jpa.NetworkEntity;
import org.apom.registry.api.RowError;
import org.apom.registry.api.VolunteerStanding;
import org.apom.registry.api.VolunteerStandings;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;

/**
 * Runs one activity import, a chunk of rows at a time. Each chunk's activities, their audit entries, its rejected
 * rows and the import's new position commit in one transaction, so an import cut off by a stop or a crash resumes
 * after the last chunk that committed and records no row twice. Every row goes through the same checks as
 * {@code POST /networks/{id}/activities}, as the caller who posted the file.
 */
final class ActivityImportRun {

    static final int CHUNK = 200;
    /** Thirteen digits, Thai or Arabic, with dashes or spaces: what a national ID looks like, valid or not. */
    private static final java.util.regex.Pattern LOOKS_LIKE_AN_ID =
            java.util.regex.Pattern.compile("(?:[0-9\u0E50-\u0E59][- ]?){12}[0-9\u0E50-\u0E59]");
    /** Rejected rows whose errors are kept (every one is counted): a broken file of a million rows stays readable. */
    static final int MAX_REPORTED_ROWS = 1_000;

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final VolunteerStandings standings;
    private final ActivityKinds kinds;
    private final Clock clock;

    ActivityImportRun(JpaTemplate jpa, AuditTrail audit, VolunteerStandings standings, ActivityKinds kinds,
            Clock clock) {
        this.jpa = jpa;
        this.audit = audit;
        this.standings = standings;
        this.kinds = kinds;
        this.clock = clock;
    }

    void run(String importId, BooleanSupplier stopping) {
        ActivityImportEntity started = jpa.txExpr(TransactionType.Required, em -> {
            ActivityImportEntity i = em.find(ActivityImportEntity.class, importId);
            if (i == null || !(i.status().equals("QUEUED") || i.status().equals("RUNNING"))) {
                return null;
            }
            i.running();
            i.content(); // the file is read lazily: while the entity is managed
            return i;
        });
        if (started == null) {
            return;
        }
        Caller caller = started.caller().inRequest("import-" + importId);
        try {
            ActivityCsv csv = ActivityCsv.read(UploadedText.decode(started.content()).text());
            Set<String> seen = new HashSet<>();
            List<ActivityCsv.Row> chunk = new ArrayList<>();
            csv.forEachRow(started.processed(), row -> {
                chunk.add(row);
                if (chunk.size() == CHUNK) {
                    if (stopping.getAsBoolean()) {
                        throw new Stopped();
                    }
                    chunk(importId, started, caller, chunk, seen);
                    chunk.clear();
                }
            });
            if (!chunk.isEmpty()) {
                chunk(importId, started, caller, chunk, seen);
            }
            finish(importId, caller, null);
        } catch (Stopped e) {
            // left RUNNING with its file: the next start resumes after the last chunk that committed
        } catch (ProblemException e) {
            finish(importId, caller, e.code() + ": " + e.detail().en());
        } catch (RuntimeException e) {
            if (stopping.getAsBoolean()) {
                return;
            }
            finish(importId, caller, "failed: " + e.getClass().getSimpleName());
            throw e;
        }
    }

    private void chunk(String importId, ActivityImportEntity started, Caller caller, List<ActivityCsv.Row> rows,
            Set<String> seen) {
        jpa.tx(TransactionType.Required, em -> {
            // the import's row held, and its position checked: a second runner of the same import (a component
            // restarted while its old thread still worked, another node) finds the chunk done and stops
            ActivityImportEntity i = em.find(ActivityImportEntity.class, importId, LockModeType.PESSIMISTIC_WRITE);
            if (i.processed() != rows.get(0).index()) {
                throw new Stopped();
            }
            NetworkEntity network = NetworkAccess.findForChange(em, caller, started.networkId());
            // looked up in this chunk's transaction, so the lookups' audit entries commit with its records
            Map<String, String> byNationalId = participantIds(caller, rows);
            int accepted = 0;
            int rejected = 0;
            int reported = i.rejected();
            for (ActivityCsv.Row row : rows) {
                List<RowError> errors = row(em, caller, network, row, byNationalId, started.dryRun(), seen);
                if (errors.isEmpty()) {
                    accepted++;
                } else {
                    rejected++;
                    if (reported++ < MAX_REPORTED_ROWS) {
                        errors.forEach(e -> em.persist(new ActivityImportErrorEntity(UUID.randomUUID().toString(),
                                importId, e)));
                    }
                }
            }
            i.advance(rows.size(), accepted, rejected);
        });
    }

    /** One row: checked, then recorded unless it is a dry run; its errors, none when it went in. */
    private List<RowError> row(EntityManager em, Caller caller, NetworkEntity network, ActivityCsv.Row row,
            Map<String, String> byNationalId, boolean dryRun, Set<String> seen) {
        List<FieldError> errors = new ArrayList<>();
        List<String> participants = new ArrayList<>();
        for (String entry : row.participants()) {
            if (!NationalId.isValid(entry) && LOOKS_LIKE_AN_ID.matcher(entry).matches()) {
                // a national ID mistyped: never echoed whole (it is personal data), nor taken for a volunteer id
                errors.add(NetworkRules.error("participants", "invalid-national-id", "The national ID ending "
                        + last4(entry) + " is not a valid one (its check digit).", "เลขประจำตัวประชาชนที่ลงท้าย "
                                + last4(entry) + " ไม่ถูกต้อง"));
                continue;
            }
            String id = NationalId.isValid(entry) ? byNationalId.get(NationalId.parse(entry).value()) : entry;
            if (id == null) {
                errors.add(NetworkRules.error("participants", "unknown-participant", "No volunteer you may see has the "
                        + "national ID ending " + last4(entry) + ".", "ไม่พบอาสาสมัครที่มีเลขประจำตัวประชาชนลงท้าย "
                                + last4(entry)));
            } else {
                participants.add(id);
            }
        }
        ActivityInput input = new ActivityInput(row.get("date"), row.get("kind"), row.get("title"),
                errors.isEmpty() ? participants : List.of("-"), row.get("beneficiaries"), row.get("hours"));
        ValidActivity valid = JpaNetworkActivities.check(input, NetworkAccess.today(clock), kinds, errors);
        List<RowError> rowErrors = new ArrayList<>();
        if (valid != null && errors.isEmpty()) {
            errors.addAll(JpaNetworkActivities.checkIn(em, network, valid));
            String key = valid.date() + "|" + valid.kind() + "|" + NetworkEntity.nameKey(valid.title());
            if (errors.isEmpty() && (!seen.add(key) || JpaNetworkActivities.exists(em, network.id(), valid))) {
                // the row as a whole: the network has this activity, or an earlier line of the file did
                rowErrors.add(new RowError(row.line(), null, "duplicate", JpaNetworkActivities.duplicate(valid)));
            }
            if (errors.isEmpty() && rowErrors.isEmpty() && !dryRun) {
                JpaNetworkActivities.insert(em, audit, caller, network, valid, clock.instant());
            }
        }
        Set<String> reported = new HashSet<>();
        for (FieldError e : errors) {
            String column = e.field() == null ? null : e.field().replaceAll("\\[\\d+]$", "");
            // one message per column and code: a row of 40 participants who are not members is one line to fix
            if (reported.add(column + "|" + e.code())) {
                rowErrors.add(new RowError(row.line(), column, e.code(), e.message()));
            }
        }
        return rowErrors;
    }

    /**
     * The volunteer ids of the chunk's participants given by national ID, looked up in one call (a read of personal
     * data, audited by the register); none when the caller may not read personal data.
     */
    private Map<String, String> participantIds(Caller caller, List<ActivityCsv.Row> rows) {
        Set<NationalId> wanted = new HashSet<>();
        rows.forEach(r -> r.participants().stream().filter(NationalId::isValid).map(NationalId::parse)
                .forEach(wanted::add));
        Map<String, String> ids = new HashMap<>();
        if (!wanted.isEmpty() && AccessPolicy.reach(caller, Action.PERSONAL_DATA_READ) != Reach.NONE) {
            for (Map.Entry<NationalId, VolunteerStanding> e : standings.ofNationalIds(caller, wanted).entrySet()) {
                ids.put(e.getKey().value(), e.getValue().id());
            }
        }
        return ids;
    }

    private void finish(String importId, Caller caller, String failure) {
        jpa.tx(TransactionType.Required, em -> {
            ActivityImportEntity i = em.find(ActivityImportEntity.class, importId);
            i.finish(failure == null ? null : failure.length() > 500 ? failure.substring(0, 500) : failure,
                    clock.instant());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("import", importId);
            summary.put("status", i.status());
            summary.put("processed", i.processed());
            audit.record(caller, "activity.import", "network", i.networkId(), i.province(), null, summary);
        });
    }

    private static String last4(String entry) {
        String digits = entry.replaceAll("\\D", "");
        return digits.length() <= 4 ? digits : digits.substring(digits.length() - 4);
    }

    /** Thrown from inside the row loop when the node stops: the import resumes at the next start. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }
}
