package org.apom.extensions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.transaction.TransactionManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
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
 */
@Component(service = ExtensionManager.class, configurationPid = ExtensionsConfig.PID)
@Designate(ocd = ExtensionsConfig.class)
public final class ExtensionManager {

    static final String CHANGELOG = "db/extensions/changelog.xml";
    /** The environment variable that turns development mode on, as the cfg flag does. */
    static final String DEV_ENV = "APOM_EXTENSIONS_DEV";
    private static final Logger LOG = LoggerFactory.getLogger(ExtensionManager.class);

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final ExtensionErrors errors;
    private final JarRules rules;
    private final ExtensionBundles bundles;
    private final ExtensionApplications applications;
    private final ExtensionTrust trust;
    private final ExtensionReviews reviews;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public ExtensionManager(BundleContext context, @Reference(target = "(osgi.unit.name=apom-extensions)") JpaTemplate jpa,
            @Reference SchemaMigrator migrator, @Reference AuditTrail audit,
            // OpenJPA looks the JTA manager up as a service per transaction (docs/stack.md trap 20)
            @Reference TransactionManager transactions,
            // extensions must never run without the hooks that hide the core services from them
            @Reference ExtensionServiceHooks hooks, @Reference ExtensionErrors errors, ExtensionsConfig config) {
        this.jpa = jpa;
        this.errors = errors;
        this.audit = audit;
        this.rules = new JarRules(config.maxJarKiB() * 1024, config.maxInflatedKiB() * 1024L);
        this.trust = new ExtensionTrust(config.developmentMode() || "true".equalsIgnoreCase(System.getenv(DEV_ENV)),
                JarSignatures.from(config.trustStore(), config.trustStorePassword()));
        if (trust.developmentMode()) {
            LOG.warn("Extensions run in DEVELOPMENT MODE: any jar that passes the rules runs, without review or "
                    + "signature. Never in production.");
        }
        this.reviews = new ExtensionReviews(jpa, audit, rules, config.maxInflatedKiB() * 1024L, clock);
        this.bundles = new ExtensionBundles(context);
        this.applications = new ExtensionApplications(context);
        migrator.migrate(CHANGELOG, ExtensionManager.class.getClassLoader());
        serveProvinces();
        restore();
    }

    @Deactivate
    void deactivate() {
        applications.close();
    }

    /** The JAX-RS applications of the provinces that have extensions; before their bundles start. */
    private void serveProvinces() {
        applications.serve(new HashSet<>(jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT DISTINCT e.province FROM ExtensionEntity e", String.class).getResultList())));
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
        jpa.tx(TransactionType.Required, em -> {
            ExtensionEntity running = em.find(ExtensionEntity.class, revoked.symbolicName());
            if (running == null || !running.province().equals(revoked.province())
                    || !running.currentSha256().equals(revoked.sha256())) {
                return;
            }
            ExtensionJar checked = rules.check(running.currentJar());
            try {
                running.trusted(trust.require(checked, ExtensionReviews.approved(em, checked, revoked.sha256())).id());
            } catch (ProblemException untrusted) {
                Map<String, Object> before = state(running);
                Bundle bundle = bundles.find(running.symbolicName());
                if (bundle != null) {
                    bundles.uninstall(bundle);
                }
                running.trusted(null);
                running.failed("Stopped: the approval of this version was revoked (" + revoked.reason() + ").");
                audit.record(caller, "extension.stop", "extension", running.symbolicName(),
                        ExtensionAccess.provinceOf(running.province()), before, state(running));
            }
        });
        return revoked;
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
        Bundle[] installed = new Bundle[1];
        try {
            return jpa.txExpr(TransactionType.Required, em -> installAndRecord(em, caller, checked, installed));
        } catch (RuntimeException e) {
            // the record did not commit, so nothing of the extension may keep running
            if (installed[0] != null) {
                bundles.uninstall(installed[0]);
            }
            throw e;
        }
    }

    private ExtensionInfo installAndRecord(EntityManager em, Caller caller, ExtensionJar checked, Bundle[] installed) {
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
        serveProvinces();
        installed[0] = bundles.install(checked);
        audit.record(caller, "extension.install", "extension", checked.symbolicName(),
                ExtensionAccess.provinceOf(checked.province()), null, state(entity));
        return ExtensionInfo.of(entity, installed[0], null);
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
        return revertingOnFailure(symbolicName, replaced, () -> jpa.txExpr(TransactionType.Required, em -> {
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
            apply(entity, jar, running);
            replaced[0] = running;
            audit.record(caller, "extension.update", "extension", symbolicName, ExtensionAccess.provinceOf(entity.province()), before,
                    state(entity));
            return info(entity);
        }));
    }

    public ExtensionInfo rollback(Caller caller, String symbolicName) {
        byte[][] replaced = new byte[1][];
        return revertingOnFailure(symbolicName, replaced, () -> jpa.txExpr(TransactionType.Required, em -> {
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
            apply(entity, entity.currentJar(), running);
            replaced[0] = running;
            audit.record(caller, "extension.rollback", "extension", symbolicName, ExtensionAccess.provinceOf(entity.province()), before,
                    state(entity));
            return info(entity);
        }));
    }

    /**
     * Runs a swap; if its record does not commit after the bundle changed, the bundle goes back to the jar it
     * ran, so that the database and the framework never disagree.
     */
    private ExtensionInfo revertingOnFailure(String symbolicName, byte[][] replaced,
            java.util.function.Supplier<ExtensionInfo> swap) {
        try {
            return swap.get();
        } catch (RuntimeException e) {
            Bundle bundle = bundles.find(symbolicName);
            if (replaced[0] != null && bundle != null) {
                bundles.update(bundle, replaced[0]);
            }
            throw e;
        }
    }

    public void uninstall(Caller caller, String symbolicName) {
        jpa.tx(TransactionType.Required, em -> {
            ExtensionEntity entity = managed(em, caller, symbolicName);
            Map<String, Object> before = state(entity);
            em.remove(entity);
            em.flush();
            Bundle bundle = bundles.find(symbolicName);
            if (bundle != null) {
                bundles.uninstall(bundle);
            }
            serveProvinces();
            audit.record(caller, "extension.uninstall", "extension", symbolicName, ExtensionAccess.provinceOf(entity.province()),
                    before, null);
        });
    }

    /** Brings the framework to the stored set: what is missing is installed, what differs is updated. */
    private void restore() {
        List<String> names = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT e.symbolicName FROM ExtensionEntity e", String.class).getResultList());
        for (String name : names) {
            try {
                jpa.tx(TransactionType.Required, em -> {
                    ExtensionEntity entity = em.find(ExtensionEntity.class, name);
                    bundles.dropUnlocated(name);
                    Bundle bundle = bundles.find(name);
                    if (bundle != null && !entity.province().equals(ExtensionLocation.provinceOf(bundle))) {
                        // another province's extension of that name, left in this node's cache
                        bundles.uninstall(bundle);
                        bundle = null;
                    }
                    ExtensionJar checked = rules.check(entity.currentJar());
                    try {
                        entity.trusted(trust.require(checked, ExtensionReviews.approved(em, checked,
                                entity.currentSha256())).id());
                    } catch (ProblemException untrusted) {
                        // only reviewed code runs: what the framework kept from before must not go on running
                        if (bundle != null) {
                            bundles.uninstall(bundle);
                        }
                        throw untrusted;
                    }
                    entity.failed(null);
                    if (bundle == null) {
                        bundles.install(checked);
                    } else if (!bundles.runs(bundle, entity.province(), entity.currentSha256())) {
                        bundles.update(bundle, entity.currentJar());
                    }
                });
            } catch (RuntimeException e) {
                LOG.error("Extension {} could not be restored", name, e);
                // the list shows this to province admins: what they can act on, never the platform's internals
                String shown = e instanceof ProblemException p ? p.detail().en()
                        : "It could not be restored at the last start (the platform's log has the reason).";
                jpa.tx(TransactionType.Required, em -> em.find(ExtensionEntity.class, name).failed(shown));
            }
        }
    }

    /** Puts the jar in place of the running one; if it cannot start, the running one comes back. */
    private void apply(ExtensionEntity entity, byte[] jar, byte[] running) {
        Bundle bundle = bundles.find(entity.symbolicName());
        if (bundle == null) {
            bundles.install(rules.check(jar));
            return;
        }
        try {
            bundles.update(bundle, jar);
        } catch (ProblemException cannotStart) {
            try {
                bundles.update(bundle, running);
            } catch (ProblemException e) {
                LOG.error("Extension {} could not go back to its running version: {}", entity.symbolicName(),
                        e.detail().en());
            }
            throw cannotStart;
        }
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
