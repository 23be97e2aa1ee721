package org.apom.security.internal.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.persistence.TypedQuery;
import javax.transaction.TransactionManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditEntry;
import org.apom.security.api.AuditQuery;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.AuditVerification;
import org.apom.security.api.Caller;
import org.apom.security.api.UserDirectory;
import org.apom.security.internal.jpa.AuditEntryEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The audit trail over SECURITY_AUDIT; other bundles record through it inside their own transactions. */
@Component(service = AuditTrail.class)
public final class JpaAuditTrail implements AuditTrail {

    private final JpaTemplate jpa;
    private final Clock clock;

    @Activate
    public JpaAuditTrail(@Reference(target = "(osgi.unit.name=apom-security)") JpaTemplate jpa,
            @Reference TransactionManager transactions,
            // the schema is migrated by the user directory, which owns the changelog
            @Reference UserDirectory schemaReady) {
        this(jpa, Clock.systemUTC());
    }

    JpaAuditTrail(JpaTemplate jpa, Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    @Override
    public void record(Caller caller, String action, String entity, String entityId, ProvinceCode province,
            Map<String, ?> before, Map<String, ?> after) {
        // Required joins the JTA transaction of the write being recorded
        jpa.tx(TransactionType.Required, em -> AuditChain.append(em, clock, caller, action, entity, entityId,
                province, before, after));
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
            if (q.from() != null) {
                jpql.append(" AND e.at >= :from");
            }
            if (q.to() != null) {
                jpql.append(" AND e.at < :to");
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
                query.setParameter("from", java.sql.Timestamp.from(q.from()));
            }
            if (q.to() != null) {
                query.setParameter("to", java.sql.Timestamp.from(q.to()));
            }
            List<AuditEntry> found = query.getResultList().stream().map(AuditEntryEntity::toEntry).toList();
            List<AuditEntry> items = found.stream().limit(page.limit()).toList();
            return new Page<>(items, found.size() > page.limit()
                    ? PageRequest.encode(Long.toString(items.get(items.size() - 1).seq())) : null);
        });
    }

    @Override
    public AuditVerification verify(Caller caller) {
        AccessPolicy.requireAny(caller, Action.AUDIT_READ);
        return jpa.txExpr(TransactionType.Supports, AuditChain::verify);
    }
}
