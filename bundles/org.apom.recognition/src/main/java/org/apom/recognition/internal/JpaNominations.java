package org.apom.recognition.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.Preconditions;
import org.apom.core.api.problem.ProblemException;
import org.apom.persistence.api.UniqueViolation;
import org.apom.recognition.api.AwardPipeline;
import org.apom.recognition.api.Candidate;
import org.apom.recognition.api.Eligibility;
import org.apom.recognition.api.Nomination;
import org.apom.recognition.api.NominationAction;
import org.apom.recognition.api.NominationInput;
import org.apom.recognition.api.NominationQuery;
import org.apom.recognition.api.NominationStatus;
import org.apom.recognition.api.NominationStep;
import org.apom.recognition.api.Nominations;
import org.apom.recognition.api.Reason;
import org.apom.recognition.api.TransitionInput;
import org.apom.recognition.internal.Catalogue.Offered;
import org.apom.recognition.internal.NominationWorkflow.Move;
import org.apom.recognition.internal.jpa.HonourEntity;
import org.apom.recognition.internal.jpa.NominationEntity;
import org.apom.recognition.internal.jpa.NominationStepEntity;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Nominations in the database (REC_NOMINATION and its steps): each transition locks its nomination's row, checks the
 * move against {@link NominationWorkflow}, takes or gives back a quota place, writes the step and the audit entry,
 * all in one transaction. What it needs from other bundles (the volunteer's standing and service) is read before the
 * transaction opens, so no transaction here waits on another unit's.
 */
@Component(service = Nominations.class)
public final class JpaNominations implements Nominations {

    static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");

    private final JpaTemplate jpa;
    private final JpaEligibility eligibility;
    private final Catalogue catalogue;
    private final RecognitionSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    @Activate
    public JpaNominations(@Reference(target = "(osgi.unit.name=apom-recognition)") JpaTemplate jpa,
            @Reference RecognitionSchema schema, @Reference JpaEligibility eligibility, @Reference Catalogue catalogue,
            @Reference RecognitionSettings settings, @Reference AuditTrail audit) {
        this(jpa, eligibility, catalogue, settings, audit, Clock.systemUTC());
    }

    JpaNominations(JpaTemplate jpa, JpaEligibility eligibility, Catalogue catalogue, RecognitionSettings settings,
            AuditTrail audit, Clock clock) {
        this.jpa = jpa;
        this.eligibility = eligibility;
        this.catalogue = catalogue;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Nomination draft(Caller caller, NominationInput input) {
        AccessPolicy.requireAny(caller, Action.NOMINATIONS_DRAFT);
        List<FieldError> errors = new ArrayList<>();
        String code = NominationFields.code("awardCode", input.awardCode(), true, errors);
        Offered award = code == null ? null : catalogue.find(code).orElse(null);
        if (code != null && award == null) {
            errors.add(NominationFields.error("awardCode", "unknown-award", "There is no award " + code
                    + " in the catalogue (GET /awards).", "ไม่มีรางวัล " + code + " ในทะเบียนรางวัล"));
        }
        String volunteerId = NominationFields.text("volunteerId", input.volunteerId(), 40, true, errors);
        FiscalYear year = NominationFields.fiscalYear("fiscalYear", input.fiscalYear(), errors);
        FiscalYear now = FiscalYear.of(today());
        if (year != null && !year.equals(now) && !year.equals(now.next())) {
            errors.add(NominationFields.error("fiscalYear", "not-open", "Nominations are for fiscal year " + now
                    + " or " + now.next() + ".", "เสนอชื่อได้สำหรับปีงบประมาณ " + now + " หรือ " + now.next()));
        }
        String justification = NominationFields.text("justification", input.justification(),
                NominationFields.MAX_JUSTIFICATION, true, errors);
        String requestedClass = NominationFields.code("awardClass", input.awardClass(), false, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Candidate candidate = candidate(caller, volunteerId, year, Action.NOMINATIONS_DRAFT);
        if (award.award().province() != null && !award.award().province().equals(candidate.province())) {
            throw ProblemException.invalid(List.of(NominationFields.error("awardCode", "not-given-here", "The award "
                    + code + " is given in province " + award.award().province().value() + " only.", "รางวัล " + code
                    + " มอบในจังหวัด " + award.award().province().value() + " เท่านั้น")));
        }
        Map<String, Set<Integer>> open = eligibility.openNominations(volunteerId, null);
        if (open.getOrDefault(code, Set.of()).contains(year.buddhistYear())) {
            throw nominationOpen(code, year);
        }
        AwardRules rules = settings.rules();
        Eligibility weighed = eligibility.weigh(award, rules, candidate, JpaEligibility.pending(award.award(), rules,
                year, open));
        String awardClass = awardClass(award, requestedClass, weighed);
        if (!weighed.eligible()) {
            throw notEligible(weighed.reasons());
        }
        Instant at = Instant.now(clock);
        NominationEntity n = new NominationEntity(UUID.randomUUID().toString(), code, volunteerId,
                candidate.province(), year.buddhistYear(), awardClass, justification, caller.name(), at);
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                em.persist(n);
                NominationStepEntity step = new NominationStepEntity(n.id(), 0, null, null, NominationStatus.DRAFT,
                        caller.name(), at, null);
                em.persist(step);
                em.flush();
                audit.record(caller, "nomination.create", "nomination", n.id(), n.province(), null, state(n, null));
                return n.toNomination(List.of(step.toStep()));
            });
        } catch (RuntimeException e) {
            if (UniqueViolation.in(e)) {
                throw nominationOpen(code, year);
            }
            throw e;
        }
    }

    @Override
    public Nomination get(Caller caller, String id) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            NominationEntity n = find(em, caller, id, LockModeType.NONE);
            return n.toNomination(history(em, List.of(n.id())).getOrDefault(n.id(), List.of()));
        });
    }

    @Override
    public Page<Nomination> search(Caller caller, NominationQuery query, PageRequest page) {
        Reach reach = AccessPolicy.requireAny(caller, Action.RECOGNITION_READ);
        ProvinceCode only = reach == Reach.ALL ? query.province() : caller.province();
        if (reach != Reach.ALL && query.province() != null && !query.province().equals(only)) {
            return new Page<>(List.of(), null);
        }
        String[] after = page.after() == null ? null : page.after().split("\u0000", 2);
        // a cursor is the creation time of the last shown (milliseconds, within this century) and its id
        if (after != null && (after.length != 2 || !after[0].matches("\\d{1,13}") || after[1].length() > 40
                || Long.parseLong(after[0]) > 4_102_444_800_000L)) {
            throw ProblemException.badParameter("cursor", new org.apom.core.api.InvalidValueException("cursor",
                    LocalizedText.of("The cursor is not one this server gave out.", "cursor ไม่ถูกต้อง")));
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            StringBuilder jpql = new StringBuilder("SELECT n FROM NominationEntity n WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            filter(jpql, params, "n.fiscalYear = :y", "y", query.fiscalYear() == null ? null
                    : query.fiscalYear().buddhistYear());
            filter(jpql, params, "n.province = :p", "p", only == null ? null : only.value());
            filter(jpql, params, "n.status = :s", "s", query.status() == null ? null : query.status().name());
            filter(jpql, params, "n.awardCode = :a", "a", query.awardCode());
            if (after != null) {
                jpql.append(" AND (n.createdAt < :at OR (n.createdAt = :at AND n.id < :id))");
                params.put("at", new java.sql.Timestamp(Long.parseLong(after[0])));
                params.put("id", after[1]);
            }
            jpql.append(" ORDER BY n.createdAt DESC, n.id DESC");
            TypedQuery<NominationEntity> q = em.createQuery(jpql.toString(), NominationEntity.class)
                    .setMaxResults(page.limit() + 1);
            params.forEach(q::setParameter);
            List<NominationEntity> found = q.getResultList();
            List<NominationEntity> shown = found.subList(0, Math.min(found.size(), page.limit()));
            Map<String, List<NominationStep>> steps = history(em, shown.stream().map(NominationEntity::id).toList());
            String next = null;
            if (found.size() > page.limit()) {
                NominationEntity last = shown.get(shown.size() - 1);
                next = PageRequest.encode(last.createdAt().toEpochMilli() + "\u0000" + last.id());
            }
            return new Page<>(shown.stream().map(n -> n.toNomination(steps.getOrDefault(n.id(), List.of())))
                    .toList(), next);
        });
    }

    @Override
    public Set<NominationAction> actions(Caller caller, Nomination nomination) {
        Set<NominationAction> actions = EnumSet.noneOf(NominationAction.class);
        for (NominationAction action : NominationAction.values()) {
            NominationWorkflow.move(nomination.status(), action)
                    .filter(move -> AccessPolicy.allows(caller, move.permission(), nomination.province()))
                    .ifPresent(move -> actions.add(action));
        }
        return actions;
    }

    @Override
    public Nomination transition(Caller caller, String id, TransitionInput input) {
        return transition(caller, id, input, Preconditions.ANY);
    }

    @Override
    public Nomination transition(Caller caller, String id, TransitionInput input, long expectedVersion) {
        List<FieldError> errors = new ArrayList<>();
        NominationAction action = action(input.action(), errors);
        // a role that never takes the action learns nothing more of it, not even what its request lacks
        AccessPolicy.requireAny(caller, action == null ? Action.NOMINATIONS_DRAFT
                : NominationWorkflow.leastPermission(action));
        boolean commentRequired = action == NominationAction.REJECT || action == NominationAction.WITHDRAW;
        String comment = NominationFields.text("comment", input.comment(), NominationFields.MAX_COMMENT,
                commentRequired, errors);
        LocalDate today = today();
        LocalDate conferredOn = null;
        String gazette = null;
        if (action == NominationAction.CONFER) {
            conferredOn = NominationFields.day("conferredOn", input.conferredOn(), today, today, errors);
            gazette = NominationFields.text("gazetteReference", input.gazetteReference(),
                    NominationFields.MAX_REFERENCE, false, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        NominationEntity seen = jpa.txExpr(TransactionType.Supports, em -> find(em, caller, id, LockModeType.NONE));
        Integer quota = null;
        if (action == NominationAction.SUBMIT && seen.status() == NominationStatus.DRAFT) {
            checkStillEligible(caller, seen);
            quota = settings.rules().quota(seen.awardCode(), seen.province().value(), seen.fiscalYear());
            ensureQuotaRow(seen);
        }
        Integer limit = quota;
        LocalDate day = conferredOn;
        String reference = gazette;
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                NominationEntity n = find(em, caller, id, LockModeType.PESSIMISTIC_WRITE);
                if (expectedVersion >= 0 && n.version() != expectedVersion) {
                    // someone moved it on since the caller looked: their click was about a state that is gone
                    throw Preconditions.stale();
                }
                NominationStatus from = n.status();
                Move move = NominationWorkflow.move(from, action).orElseThrow(() -> illegal(from, action));
                if (!AccessPolicy.allows(caller, move.permission(), n.province())) {
                    throw AccessPolicy.forbidden(move.permission());
                }
                Map<String, Object> before = state(n, null);
                String province = n.province().value();
                if (action == NominationAction.SUBMIT) {
                    QuotaPlaces.take(em, province, n.awardCode(), n.fiscalYear(), limit);
                } else if (NominationWorkflow.holdsPlace(from) && !NominationWorkflow.holdsPlace(move.to())) {
                    QuotaPlaces.release(em, province, n.awardCode(), n.fiscalYear());
                }
                Instant at = Instant.now(clock);
                if (action == NominationAction.CONFER) {
                    n.conferred(day, reference);
                    HonourEntity honour = new HonourEntity(UUID.randomUUID().toString(), n.volunteerId(),
                            n.province(), n.awardCode(), n.awardClass(), n.fiscalYear(), day, reference, n.id(),
                            caller.name(), at, settings.rules().holdOnce(n.awardCode()));
                    em.persist(honour);
                    audit.record(caller, "honour.record", "honour", honour.toHonour().id(), n.province(), null,
                            JpaHonours.state(honour.toHonour()));
                }
                n.moveTo(move.to(), at);
                em.persist(new NominationStepEntity(n.id(), (int) n.version(), action, from, move.to(), caller.name(),
                        at, comment));
                em.flush();
                audit.record(caller, "nomination." + action.id(), "nomination", n.id(), n.province(), before,
                        state(n, comment));
                return n.toNomination(history(em, List.of(n.id())).getOrDefault(n.id(), List.of()));
            });
        } catch (RuntimeException e) {
            if (UniqueViolation.in(e)) {
                throw ProblemException.conflict("already-holds", LocalizedText.of("The volunteer holds this award "
                        + "(or class) already.", "อาสาสมัครได้รับรางวัล (หรือชั้น) นี้แล้ว"));
            }
            throw e;
        }
    }

    @Override
    public List<AwardPipeline> summary(Caller caller, FiscalYear fiscalYear, ProvinceCode province) {
        Reach reach = AccessPolicy.requireAny(caller, Action.RECOGNITION_READ);
        if (province != null && !AccessPolicy.allows(caller, Action.RECOGNITION_READ, province)) {
            throw ProblemException.notFound("not-found", LocalizedText.of("There is no such province in your reach.",
                    "ไม่พบจังหวัดที่ระบุในขอบเขตของคุณ"));
        }
        ProvinceCode only = province != null ? province : reach == Reach.ALL ? null : caller.province();
        List<Object[]> counts = jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<Object[]> q = em.createQuery("SELECT n.province, n.awardCode, n.status, COUNT(n) FROM "
                    + "NominationEntity n WHERE n.fiscalYear = :y" + (only == null ? "" : " AND n.province = :p")
                    + " GROUP BY n.province, n.awardCode, n.status", Object[].class)
                    .setParameter("y", fiscalYear.buddhistYear());
            if (only != null) {
                q.setParameter("p", only.value());
            }
            return q.getResultList();
        });
        // every award given in the province asked for, and every one that has nominations anywhere in reach
        Map<String, Map<String, Map<NominationStatus, Integer>>> rows = new TreeMap<>();
        if (only != null) {
            for (Offered o : catalogue.givenIn(only)) {
                rows.computeIfAbsent(only.value(), p -> new LinkedHashMap<>()).put(o.award().code(), zeros());
            }
        }
        for (Object[] c : counts) {
            rows.computeIfAbsent((String) c[0], p -> new LinkedHashMap<>())
                    .computeIfAbsent((String) c[1], a -> zeros())
                    .put(NominationStatus.valueOf((String) c[2]), ((Number) c[3]).intValue());
        }
        AwardRules rules = settings.rules();
        List<AwardPipeline> answer = new ArrayList<>();
        rows.forEach((p, byAward) -> byAward.forEach((award, byStatus) -> answer.add(new AwardPipeline(
                ProvinceCode.of(p), award, byStatus, rules.quota(award, p, fiscalYear.buddhistYear()),
                byStatus.entrySet().stream().filter(e -> NominationWorkflow.holdsPlace(e.getKey()))
                        .mapToInt(Map.Entry::getValue).sum()))));
        return answer;
    }

    private Candidate candidate(Caller caller, String volunteerId, FiscalYear year, Action action) {
        ProblemException unknown = ProblemException.invalid(List.of(NominationFields.error("volunteerId",
                "not-found", "There is no such volunteer in your reach.", "ไม่พบอาสาสมัครที่ระบุในขอบเขตของคุณ")));
        Candidate candidate;
        try {
            candidate = eligibility.candidate(caller, volunteerId, year);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw unknown;
            }
            throw e;
        }
        if (!AccessPolicy.allows(caller, action, candidate.province())) {
            throw unknown;
        }
        return candidate;
    }

    /** Submitting weighs the volunteer again: their record or honours may have changed since the draft. */
    private void checkStillEligible(Caller caller, NominationEntity n) {
        Offered award = catalogue.find(n.awardCode()).orElseThrow(() -> ProblemException.conflict("award-not-offered",
                LocalizedText.of("The award " + n.awardCode() + " is not offered now (its program is gone).",
                        "ขณะนี้ไม่มีรางวัล " + n.awardCode() + " ในทะเบียนรางวัล")));
        if (award.award().province() != null && !award.award().province().equals(n.province())) {
            throw ProblemException.conflict("award-not-offered", LocalizedText.of("The award " + n.awardCode()
                    + " is not given in province " + n.province().value() + " now.", "ขณะนี้รางวัล " + n.awardCode()
                    + " ไม่ได้มอบในจังหวัด " + n.province().value()));
        }
        Candidate candidate = eligibility.candidate(Caller.system("recognition"), n.volunteerId(),
                FiscalYear.of(n.fiscalYear()));
        AwardRules rules = settings.rules();
        Eligibility weighed = eligibility.weigh(award, rules, candidate, JpaEligibility.pending(award.award(), rules,
                FiscalYear.of(n.fiscalYear()), eligibility.openNominations(n.volunteerId(), n.id())));
        List<Reason> reasons = new ArrayList<>(weighed.reasons());
        if (award.award().graded() && n.awardClass() != null && !n.awardClass().equals(weighed.awardClass())) {
            reasons.add(Reason.of("CLASS_NOT_NEXT", LocalizedText.of("The nomination is for " + n.awardClass()
                    + ", and the volunteer's next class is now " + weighed.awardClass() + ".", "การเสนอชื่อเป็นชั้น "
                    + n.awardClass() + " แต่ชั้นถัดไปของอาสาสมัครขณะนี้คือ " + weighed.awardClass())));
        }
        if (!reasons.isEmpty()) {
            throw notEligible(reasons);
        }
    }

    private void ensureQuotaRow(NominationEntity n) {
        try {
            jpa.tx(TransactionType.RequiresNew, em -> QuotaPlaces.ensureRow(em, n.province().value(), n.awardCode(),
                    n.fiscalYear()));
        } catch (RuntimeException e) {
            // another submission made the row first: it is there, which is all this wanted
            if (!UniqueViolation.in(e)) {
                throw e;
            }
        }
    }

    private static String awardClass(Offered award, String requested, Eligibility weighed) {
        if (!award.award().graded()) {
            if (requested != null) {
                throw ProblemException.invalid(List.of(NominationFields.error("awardClass", "not-graded", "The award "
                        + award.award().code() + " has no classes.", "รางวัล " + award.award().code()
                        + " ไม่มีชั้น")));
            }
            return null;
        }
        if (requested == null || weighed.awardClass() == null) {
            return weighed.awardClass();
        }
        if (EligibilityRules.rank(award.award(), requested) < 0) {
            throw ProblemException.invalid(List.of(NominationFields.error("awardClass", "unknown-class", "The award "
                    + award.award().code() + " has no class " + requested + ".", "รางวัล " + award.award().code()
                    + " ไม่มีชั้น " + requested)));
        }
        if (!requested.equals(weighed.awardClass())) {
            throw ProblemException.invalid(List.of(NominationFields.error("awardClass", "not-next-class",
                    "The volunteer's next class is " + weighed.awardClass() + ": a volunteer is nominated for the "
                            + "lowest class first and moves up one class at a time.", "ชั้นถัดไปของอาสาสมัครคือ "
                            + weighed.awardClass() + " (เสนอชั้นต่ำสุดก่อน แล้วเลื่อนขึ้นทีละชั้น)")));
        }
        return requested;
    }

    private static NominationAction action(String value, List<FieldError> errors) {
        String t = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
        for (NominationAction a : NominationAction.values()) {
            if (a.id().equals(t)) {
                return a;
            }
        }
        errors.add(NominationFields.error("action", t.isEmpty() ? "required" : "unknown-action", "The action is one "
                + "of submit, endorse, approve, confer, reject, withdraw.", "action ต้องเป็น submit, endorse, approve, "
                + "confer, reject หรือ withdraw"));
        return null;
    }

    /** The nomination, if the caller may read its province; else not found, as if there were none. */
    private static NominationEntity find(EntityManager em, Caller caller, String id, LockModeType lock) {
        AccessPolicy.requireAny(caller, Action.RECOGNITION_READ);
        NominationEntity n = id == null || id.length() > 40 ? null : em.find(NominationEntity.class, id, lock);
        if (n == null || !AccessPolicy.allows(caller, Action.RECOGNITION_READ, n.province())) {
            throw ProblemException.notFound("not-found", LocalizedText.of("There is no such nomination.",
                    "ไม่พบการเสนอชื่อที่ระบุ"));
        }
        return n;
    }

    private static Map<String, List<NominationStep>> history(EntityManager em, List<String> ids) {
        Map<String, List<NominationStep>> steps = new HashMap<>();
        if (ids.isEmpty()) {
            return steps;
        }
        em.createQuery("SELECT s FROM NominationStepEntity s WHERE s.nominationId IN :ids ORDER BY s.stepNo",
                NominationStepEntity.class).setParameter("ids", ids).getResultList()
                .forEach(s -> steps.computeIfAbsent(s.nominationId(), k -> new ArrayList<>()).add(s.toStep()));
        return steps;
    }

    private static void filter(StringBuilder jpql, Map<String, Object> params, String clause, String name,
            Object value) {
        if (value != null) {
            jpql.append(" AND ").append(clause);
            params.put(name, value);
        }
    }

    private static ProblemException nominationOpen(String code, FiscalYear year) {
        return ProblemException.conflict("nomination-open", LocalizedText.of("A nomination of the volunteer for " + code
                + " in fiscal year " + year + " is open already.", "มีการเสนอชื่ออาสาสมัครรายนี้สำหรับรางวัล " + code
                + " ในปีงบประมาณ " + year + " ที่ยังดำเนินการอยู่"));
    }

    private static ProblemException illegal(NominationStatus from, NominationAction action) {
        return ProblemException.conflict("illegal-transition", LocalizedText.of("A nomination that is " + from
                + " cannot be " + action.id() + "ed" + (from.open() ? "." : ": it is closed."), "การเสนอชื่อที่มีสถานะ "
                + from + " ทำ " + action.id() + " ไม่ได้"));
    }

    static ProblemException notEligible(List<Reason> reasons) {
        return new ProblemException(422, "not-eligible", LocalizedText.of("The volunteer is not eligible for the "
                + "award; see errors.", "อาสาสมัครไม่มีคุณสมบัติสำหรับรางวัลนี้ ดูรายละเอียดใน errors"),
                reasons.stream().map(r -> new FieldError("volunteerId", r.code(), r.text())).toList());
    }

    private static Map<NominationStatus, Integer> zeros() {
        Map<NominationStatus, Integer> zeros = new EnumMap<>(NominationStatus.class);
        for (NominationStatus s : NominationStatus.values()) {
            zeros.put(s, 0);
        }
        return zeros;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(THAILAND));
    }

    /** The nomination as the audit trail keeps it, with the version a change feed reader compares. */
    private static Map<String, Object> state(NominationEntity n, String comment) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("awardCode", n.awardCode());
        state.put("volunteerId", n.volunteerId());
        state.put("fiscalYear", n.fiscalYear());
        state.put("awardClass", n.awardClass());
        state.put("status", n.status().name());
        if (n.conferredOn() != null) {
            state.put("conferredOn", n.conferredOn().toString());
            state.put("gazetteReference", n.gazetteReference());
        }
        if (comment != null) {
            state.put("comment", comment);
        }
        state.put("version", n.version());
        return state;
    }
}
