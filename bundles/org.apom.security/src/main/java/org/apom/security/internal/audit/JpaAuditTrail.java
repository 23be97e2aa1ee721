package org.apom.security.internal.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import javax.transaction.TransactionManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.persistence.api.DatabasePool;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditEntry;
import org.apom.security.api.AuditQuery;
import org.apom.security.api.AuditSealing;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.AuditVerification;
import org.apom.security.api.Caller;
import org.apom.security.api.ChangeEntries;
import org.apom.security.api.Reach;
import org.apom.security.api.UserDirectory;
import org.apom.security.internal.jpa.AuditEntryEntity;
import org.apom.security.internal.jpa.PendingAuditEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail over SECURITY_AUDIT (the sealed chain) and SECURITY_AUDIT_PENDING (entries recorded, not yet
 * sealed). Other bundles record through it inside their own transactions; its {@link AuditSequencer} seals them.
 */
@Component(service = AuditTrail.class, configurationPid = "org.apom.security.audit")
@Designate(ocd = AuditConfig.class)
public final class JpaAuditTrail implements AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(JpaAuditTrail.class);
    private static final String DERBY = "Apache Derby";
    /** How much of the chain one read of a change feed looks at, at most: its cost, whatever the rest of it holds. */
    static final long CHANGES_STRETCH = 10_000;

    private final JpaTemplate jpa;
    private final Clock clock;
    private final PendingAudit pending;
    private final AuditSequencer sequencer;
    private final boolean recording;
    private final ScheduledExecutorService sealing;
    private final long changesStretch;
    /** Only the sequencer's thread reads and writes it. */
    private boolean failing;

    @Activate
    public JpaAuditTrail(@Reference(target = "(osgi.unit.name=apom-security)") JpaTemplate jpa,
            @Reference TransactionManager transactions, @Reference PendingAudit pending,
            @Reference DatabasePool database,
            // the schema is migrated by the user directory, which owns the changelog
            @Reference UserDirectory schemaReady, AuditConfig config) {
        // PostgreSQL reads the pending table without waiting on open transactions; Derby would wait, and is
        // embedded, so this node's notices find every entry there
        this(jpa, pending, Clock.systemUTC(), config, !DERBY.equals(database.state().product()));
        long interval = Math.max(10, config.sealIntervalMillis());
        // the first round waits one interval: not in the middle of the platform's own start
        sealing.scheduleWithFixedDelay(this::sealQuietly, interval, interval, TimeUnit.MILLISECONDS);
        if (!recording) {
            LOG.warn("AUDIT RECORDING IS OFF (benchmarkWithoutAudit): for benchmarks only; this node reports DOWN");
        }
    }

    JpaAuditTrail(JpaTemplate jpa, PendingAudit pending, Clock clock, AuditConfig config, boolean sweepAlways) {
        this(jpa, pending, clock, config, sweepAlways, CHANGES_STRETCH);
    }

    JpaAuditTrail(JpaTemplate jpa, PendingAudit pending, Clock clock, AuditConfig config, boolean sweepAlways,
            long changesStretch) {
        this.changesStretch = changesStretch;
        this.jpa = jpa;
        this.clock = clock;
        this.pending = pending;
        this.sequencer = new AuditSequencer(jpa, pending, clock, Math.max(1, config.sealBatch()), sweepAlways);
        this.recording = !config.benchmarkWithoutAudit();
        this.sealing = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "apom-audit-sequencer"));
    }

    @Deactivate
    void deactivate() {
        sealing.shutdownNow();
        try {
            sealing.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void record(Caller caller, String action, String entity, String entityId, ProvinceCode province,
            Map<String, ?> before, Map<String, ?> after) {
        if (!recording) {
            return;
        }
        AuditEntry draft = AuditChain.draft(clock, caller, action, entity, entityId, province, before, after);
        // Required joins the transaction of the write being recorded: the entry commits or rolls back with it
        jpa.tx(TransactionType.Required, em -> pending.record(em, draft));
    }

    /** Seals what is waiting now, in the caller's thread (the sequencer's own rounds, and tests). */
    int sealNow() {
        return sequencer.sealAll();
    }

    private void sealQuietly() {
        try {
            sequencer.sealAll();
            if (failing) {
                failing = false;
                LOG.info("Audit entries are sealed again");
            }
        } catch (Throwable e) {
            // an escaped Throwable would cancel every later round of the schedule; the state keeps the failure
            // for verification and health, and the next round tries again
            if (!failing) {
                failing = true;
                LOG.warn("Sealing audit entries failed; trying again every round", e);
            }
        }
    }

    @Override
    public long sealedTo() {
        return jpa.txExpr(TransactionType.Supports, JpaAuditTrail::sealedTo);
    }

    /** Every number up to the highest is sealed: a batch numbers its entries and commits them at once. */
    private static long sealedTo(EntityManager em) {
        Long sealed = em.createQuery("SELECT MAX(e.seq) FROM AuditEntryEntity e", Long.class).getSingleResult();
        return sealed == null ? 0 : sealed;
    }

    @Override
    public ChangeEntries changes(Caller caller, Action readAction, ProvinceCode province, Set<String> actions,
            long after, int limit) {
        Reach reach = AccessPolicy.requireAny(caller, readAction);
        if (province != null) {
            AccessPolicy.require(caller, readAction, province);
        }
        ProvinceCode only = province != null ? province : reach == Reach.ALL ? null : caller.province();
        if (actions.isEmpty() || only == null && reach != Reach.ALL) {
            return new ChangeEntries(List.of(), after);
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            long end = sealedTo(em);
            if (after > end) {
                // no position given out lies beyond the end, which never moves back: a copy kept from another
                // database (or one since replaced) would otherwise wait there for ever, missing every change
                throw new InvalidValueException("cursor", LocalizedText.of("This position lies beyond the end of the "
                        + "audit chain, so this server did not give it out (was the database replaced?): read the "
                        + "feed again from the start.", "ตำแหน่งนี้อยู่เลยท้ายสายบันทึกการตรวจสอบ ระบบนี้จึงไม่ได้ออกให้ "
                        + "(ฐานข้อมูลถูกเปลี่ยนหรือไม่) กรุณาอ่านใหม่ตั้งแต่ต้น"));
            }
            long upTo = Math.min(end, after + changesStretch);
            if (upTo <= after) {
                return new ChangeEntries(List.of(), after);
            }
            // by the chain's number alone (its primary key), or a province's entries by (province, number)
            TypedQuery<AuditEntryEntity> query = em.createQuery("SELECT e FROM AuditEntryEntity e WHERE e.seq > :after"
                    + " AND e.seq <= :upTo" + (only == null ? "" : " AND e.entityProvince = :province")
                    + " AND e.action IN :actions ORDER BY e.seq", AuditEntryEntity.class)
                    .setParameter("after", after).setParameter("upTo", upTo)
                    .setParameter("actions", List.copyOf(actions)).setMaxResults(limit);
            if (only != null) {
                query.setParameter("province", only.value());
            }
            List<AuditEntry> entries = query.getResultList().stream().map(AuditEntryEntity::toEntry).toList();
            long readTo = entries.size() == limit ? entries.get(entries.size() - 1).seq() : upTo;
            return new ChangeEntries(entries, readTo);
        });
    }

    @Override
    public Page<AuditEntry> query(Caller caller, AuditQuery q, PageRequest page) {
        AccessPolicy.requireAny(caller, Action.AUDIT_READ);
        long after = page.after() == null ? 0 : AuditCursor.seq(page.after());
        return jpa.txExpr(TransactionType.Supports, em -> {
            StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEntryEntity e WHERE e.seq > :after");
            if (q.entity() != null) {
                jpql.append(" AND e.entity = :entity");
            }
            if (q.entityId() != null) {
                jpql.append(" AND e.entityId = :entityId");
            }
            if (q.actor() != null) {
                jpql.append(" AND e.actor = :actor");
            }
            // by the UTC time; entries from before it was kept, by the time as stored
            if (q.from() != null) {
                jpql.append(" AND (e.recordedMillis >= :fromMs OR e.recordedMillis IS NULL AND e.at >= :from)");
            }
            if (q.to() != null) {
                jpql.append(" AND (e.recordedMillis < :toMs OR e.recordedMillis IS NULL AND e.at < :to)");
            }
            TypedQuery<AuditEntryEntity> query = em.createQuery(jpql.append(" ORDER BY e.seq").toString(),
                    AuditEntryEntity.class).setParameter("after", after).setMaxResults(page.limit() + 1);
            if (q.entity() != null) {
                query.setParameter("entity", q.entity());
            }
            if (q.entityId() != null) {
                query.setParameter("entityId", q.entityId());
            }
            if (q.actor() != null) {
                query.setParameter("actor", q.actor());
            }
            if (q.from() != null) {
                query.setParameter("from", java.sql.Timestamp.from(q.from())).setParameter("fromMs", q.from().toEpochMilli());
            }
            if (q.to() != null) {
                query.setParameter("to", java.sql.Timestamp.from(q.to())).setParameter("toMs", q.to().toEpochMilli());
            }
            List<AuditEntry> found = query.getResultList().stream().map(AuditEntryEntity::toEntry).toList();
            List<AuditEntry> items = found.stream().limit(page.limit()).toList();
            return new Page<>(items, found.size() > page.limit()
                    ? PageRequest.encode(Long.toString(items.get(items.size() - 1).seq())) : null);
        });
    }

    @Override
    public List<AuditEntry> history(Caller caller, String entity, String entityId) {
        AccessPolicy.requireAny(caller, Action.AUDIT_READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            // pending first: an entry sealed between the two reads then shows in both, and is dropped from the
            // pending ones below, instead of showing in neither
            List<AuditEntry> pending = em.createQuery("SELECT p FROM PendingAuditEntity p "
                    + "WHERE p.entity = :entity AND p.entityId = :id ORDER BY p.at, p.id", PendingAuditEntity.class)
                    .setParameter("entity", entity).setParameter("id", entityId).getResultList().stream()
                    .map(PendingAuditEntity::toDraft).toList();
            List<AuditEntry> entries = new ArrayList<>(em.createQuery("SELECT e FROM AuditEntryEntity e "
                    + "WHERE e.entity = :entity AND e.entityId = :id ORDER BY e.seq", AuditEntryEntity.class)
                    .setParameter("entity", entity).setParameter("id", entityId).getResultList().stream()
                    .map(AuditEntryEntity::toEntry).toList());
            Set<AuditEntry> sealedDrafts = entries.stream().map(AuditChain::unsealed).collect(Collectors.toSet());
            pending.stream().filter(p -> !sealedDrafts.contains(p)).forEach(entries::add);
            return entries;
        });
    }

    @Override
    public AuditSealing sealing(Caller caller) {
        AccessPolicy.requireAny(caller, Action.AUDIT_READ);
        return sequencer.state();
    }

    @Override
    public AuditVerification verify(Caller caller) {
        AccessPolicy.requireAny(caller, Action.AUDIT_READ);
        return jpa.txExpr(TransactionType.Supports, AuditChain::verify);
    }
}
