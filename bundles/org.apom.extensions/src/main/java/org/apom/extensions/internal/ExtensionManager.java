package org.apom.extensions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.persistence.EntityManager;
import javax.transaction.TransactionManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;
import org.apom.extensions.internal.ProvinceSwaps.Swap;
import org.apom.extensions.internal.jpa.ExtensionEntity;
import org.apom.persistence.api.SchemaMigrator;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, updates, rolls back and removes provinces' extension bundles, keeping each one's jar and the one
 * before in the database, so that a restart brings back exactly the same set. Every change is audited.
 * <p>
 * A new version starts beside the one that serves, and its province's requests switch to it at once when the
 * whiteboard serves all its resources ({@link ProvinceSwaps}); the old version is removed once its requests in
 * flight are done, after the change is recorded. A version that cannot start, or whose change is not recorded,
 * leaves the one before serving. Changes of one province's extensions are made one at a time.
 */
@Component(service = ExtensionManager.class, configurationPid = ExtensionsConfig.PID)
@Designate(ocd = ExtensionsConfig.class)
public final class ExtensionManager {

    static final String CHANGELOG = "db/extensions/changelog.xml";
    /** The environment variable that turns development mode on, as the cfg flag does. */
    private static final Logger LOG = LoggerFactory.getLogger(ExtensionManager.class);

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final ExtensionErrors errors;
    private final JarRules rules;
    private final ExtensionBundles bundles;
    private final ExtensionStandby standby;
    private final ProvinceSwaps swaps;
    private final ExtensionTrust trust;
    private final ExtensionReviews reviews;
    private final ExtensionReconciler reconciler;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public ExtensionManager(BundleContext context, @Reference(target = "(osgi.unit.name=apom-extensions)") JpaTemplate jpa,
            @Reference SchemaMigrator migrator, @Reference AuditTrail audit,
            // OpenJPA looks the JTA manager up as a service per transaction (docs/stack.md trap 20)
            @Reference TransactionManager transactions,
            // extensions must never run without the hooks that hide the core services from them
            @Reference ExtensionServiceHooks hooks, @Reference ExtensionErrors errors,
            @Reference ExtensionStandby standby, ExtensionsConfig config) {
        this.jpa = jpa;
        this.errors = errors;
        this.audit = audit;
        this.rules = new JarRules(config.maxJarKiB() * 1024, config.maxInflatedKiB() * 1024L);
        this.trust = new ExtensionTrust(config.developmentMode(),
                JarSignatures.from(config.trustStore(), config.trustStorePassword()));
        if (trust.developmentMode()) {
            LOG.warn("Extensions run in DEVELOPMENT MODE: any jar that passes the rules runs, without review or "
                    + "signature. Never in production.");
        }
        this.reviews = new ExtensionReviews(jpa, audit, rules, config.maxInflatedKiB() * 1024L, clock);
        this.standby = standby;
        this.bundles = new ExtensionBundles(context, standby);
        this.swaps = new ProvinceSwaps(context, bundles, standby, Duration.ofSeconds(Math.max(0, config.drainSeconds())));
        this.reconciler = new ExtensionReconciler(context, jpa, audit, rules, trust, bundles, swaps, standby, clock);
        migrator.migrate(CHANGELOG, ExtensionManager.class.getClassLoader());
        swaps.open();
        reconciler.atStart();
        swaps.serveAll(context);
    }

    @Deactivate
    void deactivate() {
        swaps.close();
    }

    /** The review of jars before they may run. */
    public ExtensionReviews reviews() {
        return reviews;
    }

    /**
     * Withdraws an approval; where the extension runs that jar on this node and nothing else trusts it (a
     * signature, development mode), it stops, and the list says why. Other nodes stop it at their next start.
     */
    public SubmissionInfo revoke(Caller caller, String submissionId, String reason) {
        SubmissionInfo revoked = reviews.revoke(caller, submissionId, reason);
        synchronized (lockOf(revoked.province())) {
            reconcileFor(caller, revoked.province());
            swaps.stopping(() -> jpa.txExpr(TransactionType.Required, em -> stopRevoked(em, caller, revoked)));
        }
        return revoked;
    }

    private Swap stopRevoked(EntityManager em, Caller caller, SubmissionInfo revoked) {
        ExtensionEntity running = em.find(ExtensionEntity.class, revoked.symbolicName());
        if (running == null || !running.province().equals(revoked.province())
                || !running.currentSha256().equals(revoked.sha256())) {
            return null;
        }
        ExtensionJar checked = rules.check(running.currentJar());
        try {
            running.trusted(trust.require(checked, ExtensionReviews.approved(em, checked, revoked.sha256())).id());
            return null;
        } catch (ProblemException untrusted) {
            Map<String, Object> before = state(running);
            Bundle bundle = bundles.find(running.symbolicName());
            Swap swap = bundle == null ? null : swaps.swap(running.province(), bundle, null, false);
            running.trusted(null);
            running.failed("Stopped: the approval of this version was revoked (" + revoked.reason() + ").");
            audit.record(caller, "extension.stop", "extension", running.symbolicName(),
                    ExtensionAccess.provinceOf(running.province()), before, state(running));
            return swap;
        }
    }

    /** Whether any jar that passes the rules runs, without review or signature. */
    public boolean developmentMode() {
        return trust.developmentMode();
    }

    public boolean trustStoreConfigured() {
        return trust.trustStoreConfigured();
    }

    public List<ExtensionInfo> list(Caller caller) {
        Reach reach = AccessPolicy.requireAny(caller, Action.EXTENSIONS_MANAGE);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT e FROM ExtensionEntity e ORDER BY e.symbolicName", ExtensionEntity.class).getResultList()
                .stream().filter(e -> reach == Reach.ALL || caller.province() != null
                        && caller.province().value().equals(e.province()))
                .map(this::info).toList());
    }

    /** The list, with the newest repairs of disagreements between this platform's nodes and the records. */
    public ExtensionList listWithRepairs(Caller caller) {
        List<ExtensionInfo> items = list(caller);
        return new ExtensionList(items, null, reconciled(caller));
    }

    /** The newest repairs of disagreements between this platform's nodes and the records, in the caller's reach. */
    public List<Reconciliation> reconciled(Caller caller) {
        return reconciler.recent(caller, AccessPolicy.requireAny(caller, Action.EXTENSIONS_MANAGE));
    }

    /** Reads the body only for a caller who may manage extensions, and never beyond the size limit. */
    public ExtensionInfo install(Caller caller, InputStream body) throws IOException {
        AccessPolicy.requireAny(caller, Action.EXTENSIONS_MANAGE);
        return install(caller, rules.read(body));
    }

    /** Installs an approved version of an extension of the caller's province. */
    public ExtensionInfo installApproved(Caller caller, String symbolicName, String version) {
        return install(caller, reviews.approvedJar(caller, symbolicName, version));
    }

    private ExtensionInfo install(Caller caller, byte[] jar) {
        ExtensionJar checked = rules.check(jar);
        ExtensionAccess.authorize(caller, checked.province());
        ExtensionInfo[] info = new ExtensionInfo[1];
        // names are the platform's, not a province's: another province's leftover of this name would refuse it
        reconciler.orphansNamed(checked.symbolicName(), checked.province());
        synchronized (lockOf(checked.province())) {
            reconcileFor(caller, checked.province());
            // if the record does not commit, nothing of the extension may keep running
            swaps.changing(() -> jpa.txExpr(TransactionType.Required, em -> installAndRecord(em, caller, checked, info)));
        }
        return info[0];
    }

    private Swap installAndRecord(EntityManager em, Caller caller, ExtensionJar checked, ExtensionInfo[] info) {
        byte[] jar = checked.bytes();
        if (em.find(ExtensionEntity.class, checked.symbolicName()) != null || bundles.find(checked.symbolicName()) != null) {
            throw ProblemException.conflict("already-installed", LocalizedText.of(
                    "This extension is installed; send a new version with PUT /extensions/" + checked.symbolicName() + ".",
                    "ส่วนขยายนี้ติดตั้งแล้ว ส่งรุ่นใหม่ด้วย PUT /extensions/" + checked.symbolicName()));
        }
        String basis = trust.require(checked, ExtensionReviews.approved(em, checked, sha256(jar))).id();
        ExtensionEntity entity = new ExtensionEntity(checked.symbolicName(), checked.province(),
                checked.version().toString(), jar, sha256(jar), caller.name(), clock.instant());
        entity.trusted(basis);
        em.persist(entity);
        em.flush();
        Bundle installed = bundles.installBeside(checked);
        Swap swap = swaps.swap(checked.province(), null, installed, true);
        bundles.remember(checked.symbolicName(), jar);
        audit.record(caller, "extension.install", "extension", checked.symbolicName(),
                ExtensionAccess.provinceOf(checked.province()), null, state(entity));
        info[0] = ExtensionInfo.of(entity, installed, null);
        return swap;
    }

    /** Reads the body only for a caller who may manage extensions, and never beyond the size limit. */
    public ExtensionInfo update(Caller caller, String symbolicName, InputStream body) throws IOException {
        AccessPolicy.requireAny(caller, Action.EXTENSIONS_MANAGE);
        return update(caller, symbolicName, rules.read(body));
    }

    /** Swaps in an approved version of an extension of the caller's province. */
    public ExtensionInfo updateApproved(Caller caller, String symbolicName, String version) {
        return update(caller, symbolicName, reviews.approvedJar(caller, symbolicName, version));
    }

    private ExtensionInfo update(Caller caller, String symbolicName, byte[] jar) {
        ExtensionJar checked = rules.check(jar);
        byte[][] replaced = new byte[1][];
        ExtensionInfo[] info = new ExtensionInfo[1];
        inProvinceOf(symbolicName, checked.province(), province -> {
            reconcileFor(caller, province);
            swaps.revertingOnFailure(symbolicName, replaced, () -> jpa.txExpr(TransactionType.Required, em -> {
                ExtensionEntity entity = managed(em, caller, symbolicName);
                if (!checked.symbolicName().equals(symbolicName) || !checked.province().equals(entity.province())) {
                    throw ProblemException.invalid(List.of(new org.apom.core.api.problem.FieldError("Bundle-SymbolicName",
                            "not-this-extension", LocalizedText.of("The jar is another extension (its name or province "
                                    + "differs); install it with POST /extensions.",
                                    "แฟ้มนี้เป็นส่วนขยายอื่น (ชื่อหรือจังหวัดต่างกัน) ติดตั้งด้วย POST /extensions"))));
                }
                String basis = trust.require(checked, ExtensionReviews.approved(em, checked, sha256(jar))).id();
                Map<String, Object> before = state(entity);
                byte[] running = entity.currentJar();
                entity.replace(checked.version().toString(), jar, sha256(jar), caller.name(), clock.instant());
                entity.trusted(basis);
                em.flush();
                Swap swap = swaps.replace(entity.province(), bundles.find(symbolicName), checked, running);
                replaced[0] = running;
                audit.record(caller, "extension.update", "extension", symbolicName, ExtensionAccess.provinceOf(entity.province()), before,
                        state(entity));
                info[0] = info(entity);
                return swap;
            }));
        });
        return info[0];
    }

    public ExtensionInfo rollback(Caller caller, String symbolicName) {
        AccessPolicy.requireAny(caller, Action.EXTENSIONS_MANAGE);
        byte[][] replaced = new byte[1][];
        ExtensionInfo[] info = new ExtensionInfo[1];
        inProvinceOf(symbolicName, null, province -> {
            reconcileFor(caller, province);
            swaps.revertingOnFailure(symbolicName, replaced, () -> jpa.txExpr(TransactionType.Required, em -> {
                ExtensionEntity entity = managed(em, caller, symbolicName);
                if (!entity.hasPrevious()) {
                    throw ProblemException.conflict("no-previous-version", LocalizedText.of(
                            "This extension has no previous version to go back to.", "ส่วนขยายนี้ไม่มีรุ่นก่อนหน้า"));
                }
                // the version before must still be trusted today (development mode may be off since)
                ExtensionJar previous = rules.check(entity.previousJar());
                String basis = trust.require(previous, ExtensionReviews.approved(em, previous, sha256(previous.bytes()))).id();
                Map<String, Object> before = state(entity);
                byte[] running = entity.currentJar();
                entity.rollBack(caller.name(), clock.instant());
                entity.trusted(basis);
                em.flush();
                Swap swap = swaps.replace(entity.province(), bundles.find(symbolicName), previous, running);
                replaced[0] = running;
                audit.record(caller, "extension.rollback", "extension", symbolicName, ExtensionAccess.provinceOf(entity.province()), before,
                        state(entity));
                info[0] = info(entity);
                return swap;
            }));
        });
        return info[0];
    }

    public void uninstall(Caller caller, String symbolicName) {
        AccessPolicy.requireAny(caller, Action.EXTENSIONS_MANAGE);
        inProvinceOf(symbolicName, null, province -> {
            reconcileFor(caller, province);
            swaps.changing(() -> jpa.txExpr(TransactionType.Required, em -> {
                ExtensionEntity entity = managed(em, caller, symbolicName);
                Map<String, Object> before = state(entity);
                em.remove(entity);
                em.flush();
                Bundle bundle = bundles.find(symbolicName);
                Swap swap = bundle == null ? null : swaps.swap(entity.province(), bundle, null, false);
                audit.record(caller, "extension.uninstall", "extension", symbolicName,
                        ExtensionAccess.provinceOf(entity.province()), before, null);
                return swap;
            }));
        });
    }

    /**
     * Before a change of the province's extensions, with its lock held: its bundles brought to the records. Only
     * for a caller who may manage them: another province's admin learns nothing of them (the change answers 404)
     * and sets nothing off there.
     */
    private void reconcileFor(Caller caller, String province) {
        // no province: a change of an extension there is no record of, which is refused
        if (!province.isEmpty() && ExtensionAccess.mayManage(caller, province)) {
            reconciler.beforeChange(province);
        }
    }

    /**
     * Runs a change of a stored extension under its province's lock, the province read again once the lock is held:
     * the extension may have moved meanwhile (removed, then installed by another province), and a change made under
     * the old province's lock would swap bundles of the new one beside that province's own changes.
     */
    private void inProvinceOf(String symbolicName, String fallback, Consumer<String> change) {
        while (true) {
            String province = provinceOf(symbolicName, fallback);
            synchronized (lockOf(province)) {
                if (province.equals(provinceOf(symbolicName, fallback))) {
                    change.accept(province);
                    return;
                }
            }
        }
    }

    /** Changes of one province's extensions are made one at a time: each builds on the set that serves. */
    private Object lockOf(String province) {
        return standby.lockOf(province);
    }

    /** The stored province of an extension, or else {@code fallback}. */
    private String provinceOf(String symbolicName, String fallback) {
        String stored = symbolicName == null ? null : jpa.txExpr(TransactionType.Supports, em -> {
            ExtensionEntity e = em.find(ExtensionEntity.class, symbolicName);
            return e == null ? null : e.province();
        });
        return stored != null ? stored : fallback == null ? "" : fallback;
    }

    private ExtensionEntity managed(EntityManager em, Caller caller, String symbolicName) {
        AccessPolicy.requireAny(caller, Action.EXTENSIONS_MANAGE);
        ExtensionEntity entity = symbolicName == null ? null : em.find(ExtensionEntity.class, symbolicName);
        if (entity == null || !ExtensionAccess.mayManage(caller, entity.province())) {
            throw ProblemException.notFound("not-found", LocalizedText.of("There is no such extension.",
                    "ไม่พบส่วนขยายที่ระบุ"));
        }
        return entity;
    }

    private ExtensionInfo info(ExtensionEntity e) {
        return ExtensionInfo.of(e, bundles.find(e.symbolicName()), errors.lastError(e.symbolicName(), e.currentVersion()));
    }

    private static Map<String, Object> state(ExtensionEntity e) {
        return Map.of("version", e.currentVersion(), "previousVersion", String.valueOf(e.previousVersion()),
                "province", e.province());
    }

    static String sha256(byte[] jar) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
