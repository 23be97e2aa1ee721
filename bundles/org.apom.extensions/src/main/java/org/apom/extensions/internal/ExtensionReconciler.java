package org.apom.extensions.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.problem.ProblemException;
import org.apom.extensions.internal.ProvinceSwaps.Swap;
import org.apom.extensions.internal.jpa.ExtensionEntity;
import org.apom.extensions.internal.jpa.ReconciliationEntity;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings this node's extension bundles to the records, both ways, at start and before every change of a
 * province's extensions: a bundle at an {@code apom-extension:} location with no record of its province is
 * uninstalled; a record whose bundle is missing gets its stored jar installed again; a bundle that runs another
 * version (or other bytes) than its record gets the stored jar. Each can follow from anything that happens between
 * a framework change and its database commit (a crash, a failed commit whose undo failed too, a restored backup,
 * a node pointed at another database), and left alone each wedges the extension for good: the API offers nothing
 * for a bundle it has no record of. Every repair is audited and kept for the extension list ({@link Reconciliation}).
 * <p>
 * A record whose bundle this node never ran (a new node, or one started without its bundle cache) is installed
 * without being counted a disagreement: that is how a node learns the stored set.
 */
final class ExtensionReconciler {

    /** How many repairs the extension list shows. */
    static final int SHOWN = 20;
    private static final Caller RECONCILIATION = Caller.system("extension-reconciliation");
    private static final Logger LOG = LoggerFactory.getLogger(ExtensionReconciler.class);

    private final BundleContext context;
    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final JarRules rules;
    private final ExtensionTrust trust;
    private final ExtensionBundles bundles;
    private final ProvinceSwaps swaps;
    private final ExtensionStandby standby;
    private final Clock clock;

    ExtensionReconciler(BundleContext context, JpaTemplate jpa, AuditTrail audit, JarRules rules, ExtensionTrust trust,
            ExtensionBundles bundles, ProvinceSwaps swaps, ExtensionStandby standby, Clock clock) {
        this.context = context;
        this.jpa = jpa;
        this.audit = audit;
        this.rules = rules;
        this.trust = trust;
        this.bundles = bundles;
        this.swaps = swaps;
        this.standby = standby;
        this.clock = clock;
    }

    /**
     * At start, before any province is served: each record's bundle is brought to it, then every extension bundle
     * without a record of its province is uninstalled. Takes each province's lock in turn: a change the manager
     * before this one started may still be running on a request thread.
     */
    void atStart() {
        Map<String, String> provinceByName = new HashMap<>();
        List<Object[]> stored = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT e.symbolicName, e.province FROM ExtensionEntity e", Object[].class).getResultList());
        for (Object[] row : stored) {
            String name = (String) row[0];
            String province = (String) row[1];
            provinceByName.put(name, province);
            try {
                synchronized (standby.lockOf(province)) {
                    restore(name);
                }
            } catch (RuntimeException e) {
                failed(name, e);
            }
        }
        for (Bundle bundle : context.getBundles()) {
            if (!ExtensionLocation.isExtension(bundle) || bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            ExtensionLocation location = ExtensionLocation.parse(bundle);
            // a location of an older platform names no province: it is no record's (restore moved those it was)
            String province = location == null ? "*" : location.province();
            String name = location == null ? bundle.getSymbolicName() : location.symbolicName();
            if (location == null || !province.equals(provinceByName.get(name))) {
                try {
                    synchronized (standby.lockOf(province)) {
                        jpa.tx(TransactionType.Required, em -> {
                            // a change of the manager before this one may have recorded it meanwhile
                            ExtensionEntity now = location == null ? null : em.find(ExtensionEntity.class, name);
                            if (now != null && now.province().equals(province)) {
                                return;
                            }
                            record(em, name, province, Reconciliation.BUNDLE_WITHOUT_RECORD,
                                    bundle.getVersion().toString(), null, Reconciliation.UNINSTALLED);
                            em.flush();
                            bundles.uninstall(bundle);
                        });
                    }
                } catch (RuntimeException e) {
                    // the manager starts all the same: the next start, or the province's next change, tries again
                    LOG.error("Extension bundle {} has no record and could not be removed", bundle.getLocation(), e);
                }
            }
        }
    }

    /** Brings one stored extension's bundle to its record (nothing is served yet), under its province's lock. */
    private void restore(String name) {
        jpa.tx(TransactionType.Required, em -> {
            ExtensionEntity entity = em.find(ExtensionEntity.class, name);
            if (entity == null) {
                return; // removed by a change of the manager before this one: the bundle pass below sees to it
            }
            bundles.dropUnlocated(name);
            boolean ranHere = bundles.remembered(name) != null;
            List<Bundle> found = bundles.findAll(name);
            // before anything changes (a refusal rolls the records back, not the framework): only reviewed code
            // runs, so what the framework kept of an untrusted jar goes, and the reason is thrown
            ExtensionJar checked;
            try {
                checked = trusted(em, entity);
            } catch (ProblemException untrusted) {
                found.forEach(bundles::uninstall);
                if (entity.trust() == null && entity.lastError() != null) {
                    return; // stopped already, with its reason (a revoked approval): the reason stays on the list
                }
                throw untrusted;
            }
            String disagreement = Reconciliation.RECORD_WITHOUT_BUNDLE;
            String had = null;
            if (found.size() > 1) {
                // a swap was cut short by a stop: the stored jar decides, installed afresh
                had = found.get(0).getVersion().toString();
                found.forEach(bundles::uninstall);
                disagreement = Reconciliation.SEVERAL_BUNDLES;
                ranHere = true;
            }
            Bundle bundle = found.size() == 1 ? found.get(0) : null;
            if (bundle != null && !entity.province().equals(ExtensionLocation.provinceOf(bundle))) {
                // another province's extension of that name, left in this node's cache
                record(em, name, ExtensionLocation.provinceOf(bundle), Reconciliation.BUNDLE_WITHOUT_RECORD,
                        bundle.getVersion().toString(), null, Reconciliation.UNINSTALLED);
                bundles.uninstall(bundle);
                bundle = null;
            }
            entity.failed(null);
            if (bundle == null) {
                bundles.install(checked);
                if (ranHere) {
                    record(em, name, entity.province(), disagreement, had, entity.currentVersion(),
                            Reconciliation.REINSTALLED);
                }
            } else if (!bundles.runs(bundle, entity.province(), entity.currentVersion(), entity.currentSha256())) {
                String running = bundle.getVersion().toString();
                bundles.update(bundle, entity.currentJar());
                record(em, name, entity.province(), Reconciliation.VERSIONS_DIFFER, running, entity.currentVersion(),
                        Reconciliation.REPLACED);
            }
        });
    }

    /**
     * Before a change of the province's extensions, with its lock held and its extensions served: each repair is
     * a swap of its own, recorded (or undone) like any change. One that fails leaves the record marked and the
     * change goes ahead: the change may be what repairs it.
     */
    void beforeChange(String province) {
        Map<String, Object[]> recorded = new HashMap<>();
        jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT e.symbolicName, e.currentVersion, "
                + "e.currentSha256, e.trust FROM ExtensionEntity e WHERE e.province = :province", Object[].class)
                .setParameter("province", province).getResultList())
                .forEach(row -> recorded.put((String) row[0], row));
        Map<String, List<Bundle>> byName = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            ExtensionLocation location = ExtensionLocation.parse(bundle);
            if (location != null && location.province().equals(province) && bundle.getState() != Bundle.UNINSTALLED) {
                byName.computeIfAbsent(location.symbolicName(), n -> new ArrayList<>()).add(bundle);
            }
        }
        byName.forEach((name, found) -> {
            if (!recorded.containsKey(name)) {
                found.forEach(bundle -> repair(name, () -> remove(province, name, bundle,
                        Reconciliation.BUNDLE_WITHOUT_RECORD, false)));
            } else if (found.size() > 1) {
                // the one that serves stays (and is checked below); what a cut-short swap left beside it goes
                Bundle serving = serving(province, name);
                found.stream().filter(b -> !b.equals(serving)).forEach(bundle -> repair(name, () -> remove(province,
                        name, bundle, Reconciliation.SEVERAL_BUNDLES, true)));
            }
        });
        recorded.forEach((name, row) -> {
            Bundle bundle = serving(province, name);
            if (row[3] == null) {
                // a record of code that may not run (its approval revoked): no bundle is what it says, and one that
                // still runs here (revoked through another node) stops unless something trusts it again
                if (bundle != null) {
                    repair(name, () -> stopUntrusted(province, name));
                }
                return;
            }
            if (bundle == null || !bundles.runs(bundle, province, (String) row[1], (String) row[2])) {
                repair(name, () -> bringToRecord(province, name));
            }
        });
    }

    /**
     * Before an install of {@code name} into {@code province}: a bundle of that name that another province's location
     * holds without any record of it there is uninstalled (under that province's lock, taken alone, and recorded as
     * that province's repair). Names are the platform's, so such a leftover (a node that missed that province's
     * removal through another node) would otherwise refuse the install with 409 until that province changed
     * something on this node. Nothing is said to the caller, who may not see that province.
     */
    void orphansNamed(String name, String province) {
        for (Bundle bundle : bundles.findAll(name)) {
            String holder = ExtensionLocation.provinceOf(bundle);
            if (holder == null || holder.equals(province) || bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            synchronized (standby.lockOf(holder)) {
                ExtensionEntity entity = jpa.txExpr(TransactionType.Supports, em -> em.find(ExtensionEntity.class, name));
                if (entity == null || !entity.province().equals(holder)) {
                    repair(name, () -> remove(holder, name, bundle, Reconciliation.BUNDLE_WITHOUT_RECORD, false));
                }
            }
        }
    }

    /**
     * The extension's bundle at one of the province's locations that serves (or the one there is): only those are
     * this province's lock's to change.
     */
    private Bundle serving(String province, String name) {
        Bundle found = null;
        for (Bundle bundle : bundles.findAll(name)) {
            if (province.equals(ExtensionLocation.provinceOf(bundle)) && bundle.getState() != Bundle.UNINSTALLED
                    && (found == null || !standby.isStandby(bundle))) {
                found = bundle;
            }
        }
        return found;
    }

    /** The newest repairs in the provinces the caller reaches ({@code reach} of managing extensions). */
    List<Reconciliation> recent(Caller caller, Reach reach) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            var query = reach == Reach.ALL
                    ? em.createQuery("SELECT r FROM ReconciliationEntity r ORDER BY r.at DESC",
                            ReconciliationEntity.class)
                    : em.createQuery("SELECT r FROM ReconciliationEntity r WHERE r.province = :province "
                            + "ORDER BY r.at DESC", ReconciliationEntity.class)
                            .setParameter("province", caller.province() == null ? "" : caller.province().value());
            return query.setMaxResults(SHOWN).getResultList().stream().map(Reconciliation::of).toList();
        });
    }

    private void remove(String province, String name, Bundle bundle, String disagreement, boolean recorded) {
        swaps.changing(() -> jpa.txExpr(TransactionType.Required, em -> {
            String version = bundle.getVersion().toString();
            Swap swap = swaps.swap(province, bundle, null, false);
            ExtensionEntity entity = recorded ? em.find(ExtensionEntity.class, name) : null;
            record(em, name, province, disagreement, version, entity == null ? null : entity.currentVersion(),
                    Reconciliation.UNINSTALLED);
            return swap;
        }));
    }

    /** The stored jar in place of what this node runs for the extension, or installed if it runs nothing. */
    private void bringToRecord(String province, String name) {
        swaps.changing(() -> jpa.txExpr(TransactionType.Required, em -> {
            ExtensionEntity entity = em.find(ExtensionEntity.class, name);
            if (entity == null || !province.equals(entity.province())) {
                return null; // removed or moved through another node meanwhile: the next change looks again
            }
            Bundle bundle = serving(province, name);
            // an untrusted jar is not put back; the revocation that made it so stopped what ran (stopRevoked)
            ExtensionJar checked = trusted(em, entity);
            boolean ranHere = bundles.remembered(name) != null;
            String running = bundle == null ? null : bundle.getVersion().toString();
            // the jar the bundle runs is not known here, so a failed update in place has nothing to go back to
            Swap swap = swaps.replace(province, bundle, checked, null);
            if (bundle != null) {
                record(em, name, province, Reconciliation.VERSIONS_DIFFER, running, entity.currentVersion(),
                        Reconciliation.REPLACED);
            } else if (ranHere) {
                record(em, name, province, Reconciliation.RECORD_WITHOUT_BUNDLE, null, entity.currentVersion(),
                        Reconciliation.REINSTALLED);
            }
            entity.failed(null);
            return swap;
        }));
    }

    /**
     * Stops what this node still runs of an extension whose approval was revoked (through another node), as the
     * revocation did there; the record keeps the revocation's reason.
     */
    private void stopUntrusted(String province, String name) {
        swaps.stopping(() -> jpa.txExpr(TransactionType.Required, em -> {
            ExtensionEntity entity = em.find(ExtensionEntity.class, name);
            Bundle bundle = serving(province, name);
            if (entity == null || !province.equals(entity.province()) || entity.trust() != null || bundle == null) {
                return null;
            }
            try {
                trusted(em, entity); // approved again, signed, or development mode: it may run after all
                return null;
            } catch (ProblemException untrusted) {
                if (entity.lastError() == null) {
                    entity.failed(untrusted.detail().en());
                }
                audit.record(RECONCILIATION, "extension.stop", "extension", name,
                        ExtensionAccess.provinceOf(province), Map.of("version", bundle.getVersion().toString()),
                        Map.of("stopped", true, "reason", entity.lastError()));
                return swaps.swap(province, bundle, null, false);
            }
        }));
    }

    /** The record's jar, if it may still run (else the reason is thrown), noting on the record why it may. */
    private ExtensionJar trusted(EntityManager em, ExtensionEntity entity) {
        ExtensionJar checked = rules.check(entity.currentJar());
        entity.trusted(trust.require(checked, ExtensionReviews.approved(em, checked, entity.currentSha256())).id());
        return checked;
    }

    private void repair(String name, Runnable repair) {
        try {
            repair.run();
        } catch (RuntimeException e) {
            failed(name, e);
        }
    }

    /** The list shows the reason to province admins: what they can act on, never the platform's internals. */
    private void failed(String name, RuntimeException e) {
        LOG.error("Extension {} could not be brought to its record", name, e);
        String shown = e instanceof ProblemException p ? p.detail().en()
                : "It could not be brought back to its stored version (the platform's log has the reason).";
        jpa.tx(TransactionType.Required, em -> {
            ExtensionEntity entity = em.find(ExtensionEntity.class, name);
            if (entity != null) {
                entity.failed(shown);
            }
        });
    }

    private void record(EntityManager em, String name, String province, String disagreement, String bundleVersion,
            String recordVersion, String outcome) {
        LOG.warn("Extension {} of province {}: {} (bundle {}, record {}); {}", name, province, disagreement,
                bundleVersion, recordVersion, outcome);
        em.persist(new ReconciliationEntity(UUID.randomUUID().toString(), clock.instant(), name, province,
                disagreement, bundleVersion, recordVersion, outcome));
        Map<String, Object> before = new HashMap<>();
        before.put("disagreement", disagreement);
        before.put("province", province);
        if (bundleVersion != null) {
            before.put("bundleVersion", bundleVersion);
        }
        if (recordVersion != null) {
            before.put("recordVersion", recordVersion);
        }
        audit.record(RECONCILIATION, "extension.reconcile", "extension", name, ExtensionAccess.provinceOf(province),
                before, Map.of("outcome", outcome));
    }
}
