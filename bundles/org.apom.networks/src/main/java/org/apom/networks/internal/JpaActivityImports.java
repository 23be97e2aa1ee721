package org.apom.networks.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.UploadedText;
import org.apom.core.api.problem.ProblemException;
import org.apom.networks.api.ActivityImport;
import org.apom.networks.api.ActivityImports;
import org.apom.networks.api.ActivityKinds;
import org.apom.networks.internal.jpa.ActivityImportEntity;
import org.apom.networks.internal.jpa.ActivityImportErrorEntity;
import org.apom.networks.internal.jpa.NetworkEntity;
import org.apom.registry.api.VolunteerStandings;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Activity spreadsheets: read when posted, stored, and run by one thread per node in the order they came
 * ({@link ActivityImportRun}); those a stop cut off resume at the next start.
 */
@Component(service = ActivityImports.class)
public final class JpaActivityImports implements ActivityImports {

    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(JpaActivityImports.class);

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final Clock clock;
    private final ExecutorService runs;
    private final ActivityImportRun runner;
    private volatile boolean stopping;

    @Activate
    public JpaActivityImports(@Reference(target = "(osgi.unit.name=apom-networks)") JpaTemplate jpa,
            @Reference AuditTrail audit, @Reference VolunteerStandings standings, @Reference ActivityKinds kinds) {
        this(jpa, audit, standings, kinds, Clock.systemUTC(),
                Executors.newSingleThreadExecutor(r -> new Thread(r, "apom-activity-import")));
        resumeUnfinished();
    }

    JpaActivityImports(JpaTemplate jpa, AuditTrail audit, VolunteerStandings standings, ActivityKinds kinds,
            Clock clock, ExecutorService runs) {
        this.jpa = jpa;
        this.audit = audit;
        this.clock = clock;
        this.runs = runs;
        this.runner = new ActivityImportRun(jpa, audit, standings, kinds, clock);
    }

    @Deactivate
    void deactivate() {
        stopping = true;
        runs.shutdownNow();
    }

    @Override
    public ActivityImport start(Caller caller, String networkId, byte[] file, boolean dryRun) {
        // the report is read with networks:read: who may not read it may not start one
        AccessPolicy.requireAny(caller, Action.NETWORKS_READ);
        if (file == null || file.length == 0) {
            throw UploadedText.unreadable("empty-file", LocalizedText.of("The file is empty.", "แฟ้มว่างเปล่า"));
        }
        if (file.length > MAX_FILE_BYTES) {
            throw new ProblemException(413, "too-large", LocalizedText.of("A file has at most "
                    + MAX_FILE_BYTES / (1024 * 1024) + " MiB; split it.", "แฟ้มมีขนาดได้ไม่เกิน "
                            + MAX_FILE_BYTES / (1024 * 1024) + " MiB กรุณาแบ่งแฟ้ม"), List.of());
        }
        String id = UUID.randomUUID().toString();
        jpa.tx(TransactionType.Required, em -> {
            // the caller's right to write the network is checked before the file is read
            NetworkEntity network = NetworkAccess.find(em, caller, networkId, Action.NETWORKS_WRITE);
            UploadedText text = UploadedText.decode(file);
            ActivityCsv csv = ActivityCsv.read(text.text());
            em.persist(new ActivityImportEntity(id, network.id(), network.province(), dryRun, text.encoding(),
                    csv.rows(), caller, file, clock.instant()));
            audit.record(caller, "activity.import-start", "network", network.id(), network.province(), null,
                    java.util.Map.of("import", id, "rows", csv.rows(), "dryRun", dryRun));
        });
        submit(id);
        return get(caller, networkId, id);
    }

    @Override
    public ActivityImport get(Caller caller, String networkId, String importId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            NetworkAccess.find(em, caller, networkId, Action.NETWORKS_READ);
            ActivityImportEntity found = importId == null || importId.length() > 40 ? null
                    : em.find(ActivityImportEntity.class, importId);
            if (found == null || !found.networkId().equals(networkId)) {
                throw ProblemException.notFound("not-found", LocalizedText.of("The network has no such import.",
                        "ไม่พบการนำเข้าที่ระบุของเครือข่ายนี้"));
            }
            return found.toImport(em.createQuery("SELECT e FROM ActivityImportErrorEntity e WHERE e.importId = :i "
                    + "ORDER BY e.line, e.id", ActivityImportErrorEntity.class).setParameter("i", importId)
                    .getResultList().stream().map(ActivityImportErrorEntity::toError).toList());
        });
    }

    /** Queues the imports a stop or a crash cut off, in the order they came. */
    void resumeUnfinished() {
        jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT i.id FROM ActivityImportEntity i WHERE "
                + "i.status IN ('QUEUED', 'RUNNING') ORDER BY i.createdAt", String.class).getResultList())
                .forEach(this::submit);
    }

    private void submit(String id) {
        try {
            runs.submit(() -> {
                try {
                    runner.run(id, () -> stopping);
                } catch (RuntimeException e) {
                    LOG.error("Activity import {} failed", id, e);
                }
            });
        } catch (RejectedExecutionException stopped) {
            LOG.info("Activity import {} waits for the next start", id);
        }
    }
}
