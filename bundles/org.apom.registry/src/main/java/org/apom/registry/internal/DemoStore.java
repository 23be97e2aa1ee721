package org.apom.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerStatus;
import org.apom.registry.internal.demo.DemoRecord;
import org.apom.registry.internal.jpa.VolunteerEntity;
import org.apom.security.api.AuditTrail;

/** Where the demo register goes: straight into the store, in batches, checked by the register's own rules. */
final class DemoStore {

    private final JpaTemplate jpa;
    private final VolunteerRules rules;
    private final AuditTrail audit;
    private final Clock clock;

    DemoStore(JpaTemplate jpa, VolunteerRules rules, AuditTrail audit, Clock clock) {
        this.jpa = jpa;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the register holds no record at all. */
    boolean isEmpty() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT v.id FROM VolunteerEntity v",
                String.class).setMaxResults(1).getResultList().isEmpty());
    }

    /**
     * Stores generated records in one transaction (checked by the same rules, statuses and verification dates
     * as generated), audited as one entry for the batch.
     *
     * @return how many were stored
     */
    int store(List<DemoRecord> batch, String batchId) {
        LocalDate today = LocalDate.now(clock);
        return jpa.txExpr(TransactionType.Required, em -> {
            List<VolunteerEntity> stored = new ArrayList<>();
            for (DemoRecord record : batch) {
                ValidVolunteer v = rules.check(record.input(), today);
                VolunteerEntity entity = VolunteerEntities.create(v, clock.instant());
                if (record.status() != VolunteerStatus.ACTIVE) {
                    entity.changeStatus(record.status(), "demo", v.registeredOn());
                }
                if (record.lastVerifiedOn() != null && !record.lastVerifiedOn().isBefore(v.registeredOn())) {
                    entity.verified("demo-data", record.lastVerifiedOn());
                }
                em.persist(entity);
                stored.add(entity);
            }
            em.flush();
            // one entry a record, as for any registration: the change feed rebuilds the demo register too
            for (VolunteerEntity entity : stored) {
                Volunteer saved = entity.toDTO();
                Map<String, Object> after = PersonalData.auditState(saved);
                after.put("demo", batchId);
                audit.record(DemoData.CALLER, "volunteer.create", "volunteer", saved.id(), saved.provinceCode(),
                        null, after);
            }
            return stored.size();
        });
    }
}
