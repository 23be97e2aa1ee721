package org.apom.networks.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.networks.api.ActivityKind;
import org.apom.networks.api.ActivityKinds;
import org.apom.networks.api.Networks;
import org.apom.networks.internal.jpa.ActivityKindEntity;
import org.apom.persistence.api.UniqueViolation;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The activity catalogue: shipped kinds (the changelog) and those central IT adds. */
@Component(service = ActivityKinds.class)
public final class JpaActivityKinds implements ActivityKinds {

    private static final String CODE = "[A-Z][A-Z0-9_]{1,39}";

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final Clock clock;

    @Activate
    public JpaActivityKinds(@Reference(target = "(osgi.unit.name=apom-networks)") JpaTemplate jpa,
            @Reference AuditTrail audit, @Reference Networks schemaOwner) {
        // the networks service migrates the schema when it activates: referencing it orders this after that
        this(jpa, audit, Clock.systemUTC());
    }

    JpaActivityKinds(JpaTemplate jpa, AuditTrail audit, Clock clock) {
        this.jpa = jpa;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<ActivityKind> list() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT k FROM ActivityKindEntity k ORDER BY "
                + "k.code", ActivityKindEntity.class).getResultList().stream().map(ActivityKindEntity::toKind).toList());
    }

    @Override
    public Optional<ActivityKind> find(String code) {
        if (code == null || !code.matches(CODE)) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(em.find(ActivityKindEntity.class, code))
                .map(ActivityKindEntity::toKind));
    }

    @Override
    public ActivityKind add(Caller caller, ActivityKind kind) {
        AccessPolicy.requireAny(caller, Action.ACTIVITY_KINDS_MANAGE);
        List<FieldError> errors = new ArrayList<>();
        String code = kind.code() == null ? "" : kind.code().strip();
        if (!code.matches(CODE)) {
            errors.add(NetworkRules.error("code", "invalid", "A code is 2 to 40 capital letters, digits or _, starting "
                    + "with a letter (HOME_VISIT).", "รหัสต้องเป็นอักษรละตินตัวใหญ่ ตัวเลข หรือ _ 2 ถึง 40 ตัว (เช่น HOME_VISIT)"));
        }
        String th = NetworkRules.text("nameTh", kind.nameTh(), errors);
        String en = NetworkRules.text("nameEn", kind.nameEn(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ActivityKind added = new ActivityKind(code, th, en);
        try {
            jpa.tx(TransactionType.Required, em -> {
                em.persist(new ActivityKindEntity(added, caller.name(), clock.instant()));
                em.flush();
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("code", code);
                state.put("nameTh", th);
                state.put("nameEn", en);
                audit.record(caller, "activity-kind.create", "activity-kind", code, null, null, state);
            });
        } catch (RuntimeException e) {
            if (UniqueViolation.in(e)) {
                throw ProblemException.conflict("duplicate-kind", LocalizedText.of("The catalogue has " + code
                        + " already.", "มีรหัส " + code + " ในรายการอยู่แล้ว"));
            }
            throw e;
        }
        return added;
    }
}
