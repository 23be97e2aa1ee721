package org.apom.tiering.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.areas.api.AreaDirectory;
import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.networks.api.Network;
import org.apom.networks.api.NetworkTiers;
import org.apom.networks.api.NetworkYearFacts;
import org.apom.networks.api.Networks;
import org.apom.persistence.api.SchemaMigrator;
import org.apom.persistence.api.UniqueViolation;
import org.apom.recognition.api.OrganisationRegistrations;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;
import org.apom.security.api.Role;
import org.apom.tiering.api.Assessment;
import org.apom.tiering.api.CriterionInfo;
import org.apom.tiering.api.Tier;
import org.apom.tiering.api.TierConfiguration;
import org.apom.tiering.api.TierCounts;
import org.apom.tiering.api.TierOverride;
import org.apom.tiering.api.TierRun;
import org.apom.tiering.api.Tiering;
import org.apom.tiering.internal.CriteriaInForce.Contributed;
import org.apom.tiering.internal.jpa.AssessmentEntity;
import org.apom.tiering.internal.jpa.OverrideEntity;
import org.apom.tiering.internal.jpa.RunEntity;
import org.apom.tiering.internal.jpa.RunTextEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grading service: runs started here are computed one at a time in the background ({@link TierRunner}); their
 * assessments are never changed, the latest completed run that graded a network being its current one.
 */
@Component(service = Tiering.class)
public final class JpaTiering implements Tiering {

    static final String CHANGELOG = "db/tiering/changelog.xml";
    private static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");
    private static final Logger LOG = LoggerFactory.getLogger(JpaTiering.class);

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final Networks networks;
    private final NetworkTiers currentTiers;
    private final CriteriaInForce criteria;
    private final TierSettings settings;
    private final java.util.function.Predicate<ProvinceCode> provinceExists;
    private final Clock clock;
    private final ExecutorService runs;
    private final ExecutorService workers;
    private final TierRunner runner;
    private volatile boolean stopping;

    @Activate
    public JpaTiering(@Reference(target = "(osgi.unit.name=apom-tiering)") JpaTemplate jpa,
            @Reference SchemaMigrator migrator, @Reference AuditTrail audit, @Reference Networks networks,
            @Reference NetworkYearFacts facts, @Reference CriteriaInForce criteria, @Reference TierSettings settings,
            @Reference NetworkTiers currentTiers, @Reference AreaDirectory areas) {
        this(jpa, audit, networks, facts, currentTiers, criteria, settings, p -> areas.province(p).isPresent(),
                Clock.systemUTC());
        migrator.migrate(CHANGELOG, JpaTiering.class.getClassLoader());
        endInterrupted();
    }

    JpaTiering(JpaTemplate jpa, AuditTrail audit, Networks networks, NetworkYearFacts facts, NetworkTiers currentTiers,
            CriteriaInForce criteria, TierSettings settings, java.util.function.Predicate<ProvinceCode> provinceExists,
            Clock clock) {
        this.jpa = jpa;
        this.currentTiers = currentTiers;
        this.provinceExists = provinceExists;
        this.audit = audit;
        this.networks = networks;
        this.criteria = criteria;
        this.settings = settings;
        this.clock = clock;
        // one run at a time per node; a province's criteria on workers of their own, which a criterion that never
        // returns can hold without holding the run
        this.runs = Executors.newSingleThreadExecutor(r -> new Thread(r, "apom-tier-run"));
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "apom-tier-criterion");
            t.setDaemon(true);
            return t;
        });
        this.runner = new TierRunner(jpa, audit, facts, currentTiers,
                new TierEngine(workers, settings::criterionTimeoutMillis), clock, () -> registrations);
    }

    /**
     * The recognition bundle's registrations as organisations, which the criterion REGISTERED_ORGANISATION reads; a
     * run without it counts no network as registered.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OrganisationRegistrations registrations;

    @Deactivate
    void deactivate() {
        stopping = true;
        runs.shutdownNow();
        workers.shutdownNow();
    }

    @Override
    public List<CriterionInfo> criteria(Caller caller, FiscalYear fiscalYear) {
        AccessPolicy.requireAny(caller, Action.TIERING_READ);
        List<Contributed> now = criteria.snapshot();
        TierConfiguration configuration = settings.of(fiscalYear, defaultWeights(now));
        return now.stream().map(c -> new CriterionInfo(c.code(), c.name(), configuration.weights().get(c.code()),
                c.source(), c.province())).toList();
    }

    @Override
    public TierRun start(Caller caller, FiscalYear fiscalYear, ProvinceCode province) {
        AccessPolicy.requireAny(caller, Action.TIERING_RUN);
        if (!AccessPolicy.allows(caller, Action.TIERING_RUN, province)) {
            throw new ProblemException(403, "forbidden", province == null
                    ? LocalizedText.of("Only central admins grade the whole country; name your province.",
                            "เฉพาะผู้ดูแลส่วนกลางประเมินทั้งประเทศได้ กรุณาระบุจังหวัดของคุณ")
                    : LocalizedText.of("You may grade only your own province's networks.",
                            "คุณประเมินได้เฉพาะเครือข่ายในจังหวัดของคุณ"), List.of());
        }
        if (province != null && !provinceExists.test(province)) {
            throw ProblemException.invalid(List.of(new FieldError("province", "unknown-province", LocalizedText.of(
                    "There is no province " + province.value() + ".", "ไม่มีจังหวัดรหัส " + province.value()))));
        }
        if (fiscalYear.start().isAfter(LocalDate.now(clock.withZone(THAILAND)))) {
            throw ProblemException.invalid(List.of(new FieldError("fiscalYear", "not-begun", LocalizedText.of(
                    "Fiscal year " + fiscalYear + " has not begun.", "ปีงบประมาณ " + fiscalYear + " ยังไม่เริ่ม"))));
        }
        List<Contributed> now = criteria.snapshot();
        TierConfiguration configuration = settings.of(fiscalYear, defaultWeights(now));
        RunEntity run = new RunEntity(UUID.randomUUID().toString(), fiscalYear.buddhistYear(),
                province == null ? null : province.value(), ScoresJson.configuration(configuration), caller.name(),
                caller.roles().stream().map(Role::id).sorted().collect(Collectors.joining(",")),
                caller.province() == null ? null : caller.province().value(), clock.instant());
        try {
            jpa.tx(TransactionType.Required, em -> {
                em.persist(run);
                em.flush();
                Map<String, Object> started = new LinkedHashMap<>();
                started.put("fiscalYear", fiscalYear.buddhistYear());
                started.put("criteria", now.stream().map(Contributed::code).toList());
                audit.record(caller, "tier.run-start", "tier-run", run.id(), province, null, started);
            });
        } catch (RuntimeException e) {
            if (UniqueViolation.in(e)) {
                throw ProblemException.conflict("run-in-progress", LocalizedText.of("A grading of fiscal year "
                        + fiscalYear + (province == null ? " for the country" : " for province " + province.value())
                        + " is queued or running: follow it, or wait until it ends.", "มีการประเมินปีงบประมาณ "
                                + fiscalYear + " ของขอบเขตนี้ที่รอหรือกำลังทำงานอยู่"));
            }
            throw e;
        }
        try {
            runs.submit(() -> {
                try {
                    runner.run(run.id(), now, () -> stopping);
                } catch (RuntimeException | Error e) {
                    LOG.error("Grading run {} failed", run.id(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            jpa.tx(TransactionType.Required, em -> em.find(RunEntity.class, run.id()).finish(
                    "stopped with the platform: start it again", clock.instant()));
        }
        return run(caller, run.id());
    }

    @Override
    public TierRun run(Caller caller, String runId) {
        AccessPolicy.requireAny(caller, Action.TIERING_READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            RunEntity r = runId == null || runId.length() > 40 ? null : em.find(RunEntity.class, runId);
            if (r == null || !AccessPolicy.allows(caller, Action.TIERING_READ, province(r.province()))) {
                throw ProblemException.notFound("not-found", LocalizedText.of("There is no such run.",
                        "ไม่พบการประเมินที่ระบุ"));
            }
            return toRun(r);
        });
    }

    @Override
    public List<TierRun> runs(Caller caller, FiscalYear fiscalYear) {
        AccessPolicy.requireAny(caller, Action.TIERING_READ);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT r FROM RunEntity r WHERE "
                + "r.fiscalYear = :y ORDER BY r.createdAt DESC", RunEntity.class)
                .setParameter("y", fiscalYear.buddhistYear()).setMaxResults(500).getResultList().stream()
                .filter(r -> AccessPolicy.allows(caller, Action.TIERING_READ, province(r.province())))
                .map(JpaTiering::toRun).toList());
    }

    @Override
    public List<Assessment> assessments(Caller caller, String networkId, FiscalYear fiscalYear) {
        AccessPolicy.requireAny(caller, Action.TIERING_READ);
        Network network = networks.get(caller, networkId);
        if (!AccessPolicy.allows(caller, Action.TIERING_READ, network.province())) {
            throw ProblemException.notFound("not-found", LocalizedText.of("There is no such network.",
                    "ไม่พบเครือข่ายที่ระบุ"));
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<Object[]> q = em.createQuery("SELECT a, r.status, r.finishedAt FROM AssessmentEntity a, "
                    + "RunEntity r WHERE a.runId = r.id AND a.networkId = :n" + (fiscalYear == null ? ""
                            : " AND a.fiscalYear = :y") + " ORDER BY a.assessedAt DESC", Object[].class)
                    .setParameter("n", network.id());
            if (fiscalYear != null) {
                q.setParameter("y", fiscalYear.buddhistYear());
            }
            List<Object[]> rows = q.getResultList();
            Map<String, Map<Integer, String>> texts = texts(em, rows.stream().map(r -> (AssessmentEntity) r[0])
                    .toList());
            // per fiscal year, the assessment of the completed run that finished last is the current one
            Map<Integer, Object[]> current = new HashMap<>();
            for (Object[] r : rows) {
                AssessmentEntity a = (AssessmentEntity) r[0];
                if ("DONE".equals(r[1])) {
                    current.merge(a.fiscalYear(), r, (x, y) -> ((java.util.Date) x[2]).compareTo((java.util.Date) y[2])
                            >= 0 ? x : y);
                }
            }
            List<Assessment> found = new ArrayList<>();
            for (Object[] r : rows) {
                AssessmentEntity a = (AssessmentEntity) r[0];
                boolean isCurrent = current.get(a.fiscalYear()) == r;
                found.add(new Assessment(a.runId(), a.networkId(), a.province(), a.fiscalYear(), Tier.valueOf(a.tier()),
                        a.score(), ScoresJson.criteria(a.criteria(), texts.getOrDefault(a.runId(), Map.of())),
                        a.assessedAt(), isCurrent,
                        isCurrent ? latestOverride(em, a.networkId(), a.fiscalYear()) : null));
            }
            return found;
        });
    }

    @Override
    public List<TierCounts> summary(Caller caller, FiscalYear fiscalYear, ProvinceCode province) {
        Reach reach = AccessPolicy.requireAny(caller, Action.TIERING_READ);
        ProvinceCode only = province;
        if (reach == Reach.OWN) {
            if (province != null && !province.equals(caller.province())) {
                return List.of();
            }
            only = caller.province();
        }
        ProvinceCode scope = only;
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<Object[]> q = em.createQuery("SELECT a.networkId, a.province, a.tier, r.finishedAt FROM "
                    + "AssessmentEntity a, RunEntity r WHERE a.runId = r.id AND r.status = 'DONE' AND a.fiscalYear = :y"
                    + (scope == null ? "" : " AND a.province = :p"), Object[].class)
                    .setParameter("y", fiscalYear.buddhistYear());
            if (scope != null) {
                q.setParameter("p", scope.value());
            }
            Map<String, Object[]> latest = new HashMap<>();
            for (Object[] r : q.getResultList()) {
                latest.merge((String) r[0], r, (x, y) -> ((java.util.Date) x[3]).compareTo((java.util.Date) y[3]) >= 0
                        ? x : y);
            }
            java.util.Set<String> overridden = new java.util.HashSet<>(em.createQuery("SELECT DISTINCT o.networkId "
                    + "FROM OverrideEntity o WHERE o.fiscalYear = :y", String.class)
                    .setParameter("y", fiscalYear.buddhistYear()).getResultList());
            Map<String, int[]> byProvince = new TreeMap<>();
            int[] country = new int[4];
            for (Object[] r : latest.values()) {
                int column = Tier.valueOf((String) r[2]).ordinal();
                boolean isOverridden = overridden.contains((String) r[0]);
                country[column]++;
                country[3] += isOverridden ? 1 : 0;
                if (r[1] != null) {
                    // a national network counts in the country's total only
                    int[] counts = byProvince.computeIfAbsent((String) r[1], k -> new int[4]);
                    counts[column]++;
                    counts[3] += isOverridden ? 1 : 0;
                }
            }
            List<TierCounts> summary = new ArrayList<>();
            byProvince.forEach((p, c) -> summary.add(new TierCounts(p, c[0], c[1], c[2], c[3])));
            if (scope == null) {
                summary.add(new TierCounts(null, country[0], country[1], country[2], country[3]));
            }
            return summary;
        });
    }

    @Override
    public TierOverride override(Caller caller, String networkId, FiscalYear fiscalYear, Tier tier, String reason) {
        AccessPolicy.requireAny(caller, Action.TIERING_OVERRIDE);
        String why = reason == null ? "" : reason.strip();
        List<FieldError> errors = new ArrayList<>();
        if (tier == null) {
            errors.add(new FieldError("tier", "required", LocalizedText.of("The tier is A, B or C.",
                    "ระดับต้องเป็น A, B หรือ C")));
        }
        if (why.isEmpty() || why.length() > 500 || why.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            errors.add(new FieldError("reason", "required", LocalizedText.of("Say why, in at most 500 characters.",
                    "ต้องระบุเหตุผล ไม่เกิน 500 ตัวอักษร")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Network network = networks.get(caller, networkId);
        return jpa.txExpr(TransactionType.Required, em -> {
            boolean assessed = !em.createQuery("SELECT a.id FROM AssessmentEntity a, RunEntity r WHERE a.runId = r.id "
                    + "AND r.status = 'DONE' AND a.networkId = :n AND a.fiscalYear = :y", String.class)
                    .setParameter("n", network.id()).setParameter("y", fiscalYear.buddhistYear()).setMaxResults(1)
                    .getResultList().isEmpty();
            if (!assessed) {
                throw ProblemException.conflict("not-assessed", LocalizedText.of("The network has no assessment of "
                        + "fiscal year " + fiscalYear + " yet: grade it first.", "เครือข่ายยังไม่มีผลการประเมินปีงบประมาณ "
                                + fiscalYear));
            }
            OverrideEntity o = new OverrideEntity(UUID.randomUUID().toString(), network.id(),
                    network.province() == null ? null : network.province().value(), fiscalYear.buddhistYear(), tier,
                    why, caller.name(), clock.instant());
            em.persist(o);
            currentTiers.recordOverride(network.id(), fiscalYear, tier.name());
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("fiscalYear", fiscalYear.buddhistYear());
            state.put("tier", tier.name());
            state.put("reason", why);
            audit.record(caller, "tier.override", "tier-override", network.id(), network.province(), null, state);
            return o.toOverride();
        });
    }

    /** The texts the assessments refer to, by run and number: those only, not every text of their runs. */
    private static Map<String, Map<Integer, String>> texts(EntityManager em, List<AssessmentEntity> assessments) {
        List<String> ids = assessments.stream().flatMap(a -> ScoresJson.textsUsed(a.criteria()).stream()
                .map(n -> RunTextEntity.id(a.runId(), n))).distinct().toList();
        Map<String, Map<Integer, String>> texts = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            em.createQuery("SELECT t FROM RunTextEntity t WHERE t.id IN :ids", RunTextEntity.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500))).getResultList()
                    .forEach(t -> texts.computeIfAbsent(t.runId(), k -> new HashMap<>()).put(t.number(), t.text()));
        }
        return texts;
    }

    private static TierOverride latestOverride(EntityManager em, String networkId, int fiscalYear) {
        return em.createQuery("SELECT o FROM OverrideEntity o WHERE o.networkId = :n AND o.fiscalYear = :y "
                + "ORDER BY o.setAt DESC", OverrideEntity.class).setParameter("n", networkId)
                .setParameter("y", fiscalYear).setMaxResults(1).getResultList().stream().findFirst()
                .map(OverrideEntity::toOverride).orElse(null);
    }

    /** Runs a stop cut off end as failed: their assessments never become current; start them again. */
    private void endInterrupted() {
        jpa.tx(TransactionType.Required, em -> em.createQuery("SELECT r FROM RunEntity r WHERE r.status IN ('QUEUED', "
                + "'RUNNING')", RunEntity.class).getResultList().forEach(r -> r.finish(
                        "stopped with the platform: start it again", clock.instant())));
    }

    private static Map<String, Integer> defaultWeights(List<Contributed> criteria) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        criteria.forEach(c -> weights.putIfAbsent(c.code(), c.weight()));
        return weights;
    }

    private static ProvinceCode province(String code) {
        return code == null ? null : ProvinceCode.of(code);
    }

    private static TierRun toRun(RunEntity r) {
        return new TierRun(r.id(), r.fiscalYear(), r.province(), r.status(), r.total(), r.done(), r.failedCriteria(),
                ScoresJson.configuration(r.configuration()), r.createdBy(), r.createdAt(), r.finishedAt(),
                r.failure());
    }
}
