package org.apom.tiering.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.FiscalYear;
import org.apom.core.api.ProvinceCode;
import org.apom.networks.api.NetworkTiers;
import org.apom.networks.api.NetworkYear;
import org.apom.networks.api.NetworkYearFacts;
import org.apom.recognition.api.OrganisationRegistrations;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Role;
import org.apom.tiering.api.NetworkFacts;
import org.apom.tiering.api.Tier;
import org.apom.tiering.api.TierConfiguration;
import org.apom.tiering.api.TieredNetwork;
import org.apom.tiering.internal.CriteriaInForce.Contributed;
import org.apom.tiering.internal.jpa.AssessmentEntity;
import org.apom.tiering.internal.jpa.RunEntity;
import org.apom.tiering.internal.jpa.RunTextEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one grading: gathers every network's facts in a few set-based passes ({@link NetworkYearFacts}), grades them
 * with the criteria and configuration the run started with, and stores the assessments a chunk at a time with the
 * run's progress, so that {@code GET /tiering/runs/{id}} says how far it is.
 */
final class TierRunner {

    /** Assessments to a transaction: each costs milliseconds of its own (500 stored in 6 s, 2,000 in 4 s). */
    static final int CHUNK = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(TierRunner.class);

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final NetworkYearFacts facts;
    private final NetworkTiers currentTiers;
    private final TierEngine engine;
    private final Clock clock;
    private final Supplier<OrganisationRegistrations> registrations;

    /** @param registrations gives the recognition bundle's registrations, {@code null} while that bundle is away */
    TierRunner(JpaTemplate jpa, AuditTrail audit, NetworkYearFacts facts, NetworkTiers currentTiers, TierEngine engine,
            Clock clock, Supplier<OrganisationRegistrations> registrations) {
        this.registrations = registrations;
        this.jpa = jpa;
        this.audit = audit;
        this.facts = facts;
        this.currentTiers = currentTiers;
        this.engine = engine;
        this.clock = clock;
    }

    void run(String runId, List<Contributed> criteria, BooleanSupplier stopping) {
        RunEntity run = jpa.txExpr(TransactionType.Required, em -> em.find(RunEntity.class, runId));
        Caller caller = new Caller(run.createdBy(), Caller.Kind.PERSON, Arrays.stream(run.callerRoles().split(","))
                .filter(r -> !r.isEmpty()).map(Role::fromId).collect(Collectors.toSet()),
                run.callerProvince() == null ? null : ProvinceCode.of(run.callerProvince()), Set.of(), "run-" + runId);
        FiscalYear year = FiscalYear.of(run.fiscalYear());
        TierConfiguration configuration = ScoresJson.configuration(run.configuration());
        long started = System.nanoTime();
        try {
            List<NetworkYear> networks = new ArrayList<>();
            facts.gather(caller, year, run.province() == null ? null : ProvinceCode.of(run.province()), networks::add);
            jpa.tx(TransactionType.Required, em -> em.find(RunEntity.class, runId).running(networks.size()));
            Set<String> registered = registered(caller, networks);
            long gathered = System.nanoTime();
            Set<String> failed = new TreeSet<>();
            Map<Tier, Integer> tiers = new EnumMap<>(Tier.class);
            Map<String, String> tierOf = new HashMap<>();
            Set<String> givenUp = new java.util.HashSet<>();
            RunTexts texts = new RunTexts();
            long writing = 0;
            for (int from = 0; from < networks.size(); from += CHUNK) {
                if (stopping.getAsBoolean()) {
                    throw new IllegalStateException("the platform stopped");
                }
                List<AssessmentEntity> chunk = new ArrayList<>();
                for (NetworkYear n : networks.subList(from, Math.min(networks.size(), from + CHUNK))) {
                    TierEngine.Graded graded = engine.grade(criteria, configuration, year, network(n), facts(n,
                            registered.contains(n.networkId())),
                            givenUp);
                    failed.addAll(graded.failed());
                    tiers.merge(graded.tier(), 1, Integer::sum);
                    tierOf.put(n.networkId(), graded.tier().name());
                    chunk.add(new AssessmentEntity(runId, n.networkId(), n.province() == null ? null
                            : n.province().value(), year.buddhistYear(), graded.tier().name(), graded.total(),
                            ScoresJson.criteria(graded.criteria(), texts), clock.instant()));
                }
                int done = Math.min(networks.size(), from + CHUNK);
                Map<Integer, String> newTexts = texts.takeAdded();
                long write = System.nanoTime();
                jpa.tx(TransactionType.Required, em -> {
                    // the texts with the first assessments that refer to them: no assessment is stored without its
                    // texts
                    newTexts.forEach((number, text) -> em.persist(new RunTextEntity(runId, number, text)));
                    AssessmentEntity.insert(em, chunk);
                    em.find(RunEntity.class, runId).progress(done, List.copyOf(failed));
                });
                writing += System.nanoTime() - write;
            }
            long graded = System.nanoTime();
            jpa.tx(TransactionType.Required, em -> {
                RunEntity r = em.find(RunEntity.class, runId);
                r.progress(networks.size(), List.copyOf(failed));
                r.finish(null, clock.instant());
                // done and current together: the networks' current tiers move in the transaction that ends the run
                currentTiers.recordRun(runId, year, tierOf);
                Map<String, Object> outcome = new java.util.LinkedHashMap<>();
                outcome.put("fiscalYear", year.buddhistYear());
                outcome.put("networks", networks.size());
                tiers.forEach((tier, count) -> outcome.put(tier.name(), count));
                outcome.put("failedCriteria", List.copyOf(failed));
                audit.record(caller, "tier.run-done", "tier-run", runId, r.province() == null ? null
                        : ProvinceCode.of(r.province()), null, outcome);
            });
            long ended = System.nanoTime();
            LOG.info("Run {} graded {} networks in {} ms: facts {}, grading and storing {} (of which storing {}), "
                    + "completion {}", runId, networks.size(), (ended - started) / 1_000_000,
                    (gathered - started) / 1_000_000, (graded - gathered) / 1_000_000, writing / 1_000_000,
                    (ended - graded) / 1_000_000);
        } catch (RuntimeException | Error e) {
            // an Error too (out of memory, a linkage error in a criterion): a run left RUNNING would hold its scope
            // with 409 run-in-progress until the platform restarts
            jpa.tx(TransactionType.Required, em -> em.find(RunEntity.class, runId).finish(stopping.getAsBoolean()
                    ? "stopped with the platform: start it again" : "failed: " + e.getClass().getSimpleName(),
                    clock.instant()));
            if (!stopping.getAsBoolean()) {
                throw e;
            }
        }
    }

    static TieredNetwork network(NetworkYear n) {
        return TieredNetwork.builder().id(n.networkId()).name(n.name()).level(n.level().name()).areaCode(n.areaCode())
                .province(n.province() == null ? null : n.province().value()).foundedOn(n.foundedOn()).build();
    }

    /**
     * The networks registered as organisations on the day the facts are taken: one read for the run. Without the
     * recognition bundle, none is.
     */
    private Set<String> registered(Caller caller, List<NetworkYear> networks) {
        OrganisationRegistrations known = registrations.get();
        if (known == null || networks.isEmpty()) {
            return Set.of();
        }
        return known.registeredOn(caller, networks.get(0).asOf());
    }

    static NetworkFacts facts(NetworkYear n, boolean registered) {
        return NetworkFacts.builder().asOf(n.asOf()).members(n.members()).activeMembers(n.activeMembers())
                .verifiedMembers(n.verifiedMembers()).activities(n.activities()).activeMonths(n.activeMonths())
                .participations(n.participations()).personHours(n.personHours()).beneficiaries(n.beneficiaries())
                .committeeComplete(n.committeeComplete()).committeeInTerm(n.committeeInTerm())
                .registeredOrganisation(registered).build();
    }
}
