package org.apom.recognition.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.persistence.api.UniqueViolation;
import org.apom.recognition.api.Award;
import org.apom.recognition.api.Honour;
import org.apom.recognition.api.HonourInput;
import org.apom.recognition.api.Honours;
import org.apom.recognition.internal.jpa.HonourEntity;
import org.apom.registry.api.VolunteerStanding;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Honours held: those conferred through nominations, and those recorded by the ministry from before the platform. */
@Component(service = Honours.class)
public final class JpaHonours implements Honours {

    private final JpaTemplate jpa;
    private final JpaEligibility eligibility;
    private final Catalogue catalogue;
    private final RecognitionSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    @Activate
    public JpaHonours(@Reference(target = "(osgi.unit.name=apom-recognition)") JpaTemplate jpa,
            @Reference RecognitionSchema schema, @Reference JpaEligibility eligibility, @Reference Catalogue catalogue,
            @Reference RecognitionSettings settings, @Reference AuditTrail audit) {
        this(jpa, eligibility, catalogue, settings, audit, Clock.systemUTC());
    }

    JpaHonours(JpaTemplate jpa, JpaEligibility eligibility, Catalogue catalogue, RecognitionSettings settings,
            AuditTrail audit, Clock clock) {
        this.jpa = jpa;
        this.eligibility = eligibility;
        this.catalogue = catalogue;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<Honour> of(Caller caller, String volunteerId) {
        eligibility.standing(caller, volunteerId);
        return eligibility.honours(volunteerId);
    }

    @Override
    public Honour record(Caller caller, String volunteerId, HonourInput input) {
        AccessPolicy.requireAny(caller, Action.NOMINATIONS_DECIDE);
        VolunteerStanding volunteer = eligibility.standing(caller, volunteerId);
        if (!AccessPolicy.allows(caller, Action.NOMINATIONS_DECIDE, volunteer.provinceCode())) {
            throw AccessPolicy.forbidden(Action.NOMINATIONS_DECIDE);
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(JpaNominations.THAILAND));
        String code = NominationFields.code("awardCode", input.awardCode(), true, errors);
        Award award = code == null ? null : catalogue.award(code).orElse(null);
        if (code != null && award == null) {
            errors.add(NominationFields.error("awardCode", "unknown-award", "There is no award " + code
                    + " in the catalogue (GET /awards).", "ไม่มีรางวัล " + code + " ในทะเบียนรางวัล"));
        }
        if (award != null && award.province() != null && !award.province().equals(volunteer.provinceCode())) {
            errors.add(NominationFields.error("awardCode", "not-given-here", "The award " + code + " is another "
                    + "province's.", "รางวัล " + code + " เป็นของจังหวัดอื่น"));
        }
        String awardClass = NominationFields.code("awardClass", input.awardClass(), false, errors);
        if (award != null && award.graded() != (awardClass != null)) {
            errors.add(award.graded()
                    ? NominationFields.error("awardClass", "required", "Name the class of " + code + ".",
                            "ต้องระบุชั้นของ " + code)
                    : NominationFields.error("awardClass", "not-graded", "The award " + code + " has no classes.",
                            "รางวัล " + code + " ไม่มีชั้น"));
        } else if (award != null && awardClass != null && EligibilityRules.rank(award, awardClass) < 0) {
            errors.add(NominationFields.error("awardClass", "unknown-class", "The award " + code + " has no class "
                    + awardClass + ".", "รางวัล " + code + " ไม่มีชั้น " + awardClass));
        }
        FiscalYear year = NominationFields.fiscalYear("fiscalYear", input.fiscalYear(), errors);
        if (year != null && year.compareTo(FiscalYear.of(today)) > 0) {
            errors.add(NominationFields.error("fiscalYear", "future", "An honour received is of a fiscal year that "
                    + "has begun.", "ปีงบประมาณของรางวัลที่ได้รับต้องเริ่มแล้ว"));
        }
        LocalDate conferredOn = NominationFields.day("conferredOn", input.conferredOn(), today, null, errors);
        String gazette = NominationFields.text("gazetteReference", input.gazetteReference(),
                NominationFields.MAX_REFERENCE, false, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        HonourEntity h = new HonourEntity(UUID.randomUUID().toString(), volunteerId, volunteer.provinceCode(), code,
                awardClass, year.buddhistYear(), conferredOn, gazette, null, caller.name(), Instant.now(clock),
                settings.rules().holdOnce(code));
        try {
            boolean once = settings.rules().holdOnce(code);
            return jpa.txExpr(TransactionType.Required, em -> {
                // the key holds it at once; this also catches an honour recorded while the award was held yearly
                if (once && em.createQuery("SELECT COUNT(h) FROM HonourEntity h WHERE h.volunteerId = :v AND "
                        + "h.awardCode = :a", Long.class).setParameter("v", volunteerId).setParameter("a", code)
                        .getSingleResult() > 0) {
                    throw ProblemException.conflict("already-recorded", LocalizedText.of("The volunteer holds this "
                            + "award, which is received once in a life.", "อาสาสมัครได้รับรางวัลนี้แล้ว ซึ่งได้รับได้ครั้งเดียว"));
                }
                em.persist(h);
                em.flush();
                Honour honour = h.toHonour();
                audit.record(caller, "honour.record", "honour", honour.id(), honour.province(), null, state(honour));
                return honour;
            });
        } catch (RuntimeException e) {
            if (UniqueViolation.in(e)) {
                throw ProblemException.conflict("already-recorded", LocalizedText.of("The volunteer holds this "
                        + (awardClass != null ? "class" : "award for that fiscal year") + " already.",
                        "อาสาสมัครได้รับ" + (awardClass != null ? "ชั้นนี้" : "รางวัลนี้ในปีงบประมาณนั้น") + "แล้ว"));
            }
            throw e;
        }
    }

    static Map<String, Object> state(Honour h) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("volunteerId", h.volunteerId());
        state.put("awardCode", h.awardCode());
        state.put("awardClass", h.awardClass());
        state.put("fiscalYear", h.fiscalYear());
        state.put("conferredOn", h.conferredOn().toString());
        state.put("gazetteReference", h.gazetteReference());
        state.put("nominationId", h.nominationId());
        return state;
    }
}
