package org.apom.registry.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.transaction.TransactionManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.areas.api.AreaDirectory;
import org.apom.areas.api.Subdistrict;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.NationalId;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.Transfer;
import org.apom.registry.api.TransferStatus;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.registry.api.VolunteerTransfers;
import org.apom.registry.internal.jpa.TransferEntity;
import org.apom.registry.internal.jpa.VolunteerEntity;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Transfers over REGISTRY_TRANSFER. The request names the new subdistrict in the receiving province, so an
 * approved record moves whole (same id, same history) and is never left without an area.
 */
@Component(service = VolunteerTransfers.class, configurationPid = "org.apom.registry")
public final class JpaVolunteerTransfers implements VolunteerTransfers {

    static final int MAX_LISTED = 500;

    private final JpaTemplate jpa;
    private final Function<SubdistrictCode, Optional<Subdistrict>> areas;
    private final AuditTrail audit;
    private final Clock clock;
    private final ProbeGuard probes;

    /** @param registry the register, whose activation has migrated the schema this table is in */
    @Activate
    public JpaVolunteerTransfers(@Reference(target = "(osgi.unit.name=apom-registry)") JpaTemplate jpa,
            @Reference VolunteerRegistry registry, @Reference AreaDirectory areas, @Reference AuditTrail audit,
            // OpenJPA looks the JTA manager up as a service per transaction (docs/stack.md trap 20)
            @Reference TransactionManager transactions, RegistryConfig config) {
        this(jpa, areas::subdistrict, audit, Clock.system(JpaVolunteerRegistry.THAILAND), config.probesPerDay());
    }

    JpaVolunteerTransfers(JpaTemplate jpa, Function<SubdistrictCode, Optional<Subdistrict>> areas, AuditTrail audit,
            Clock clock, int probesPerDay) {
        this.jpa = jpa;
        this.areas = areas;
        this.audit = audit;
        this.clock = clock;
        this.probes = new ProbeGuard(audit, clock, probesPerDay);
    }

    @Override
    public Transfer request(Caller caller, String nationalId, String subdistrictCode, String reason) {
        AccessPolicy.requireAny(caller, Action.VOLUNTEERS_WRITE);
        List<FieldError> errors = new ArrayList<>();
        String id = TextRules.clean(nationalId);
        if (id == null || !NationalId.isValid(id)) {
            errors.add(new FieldError("nationalId", "invalid", LocalizedText.of(
                    "A national ID of 13 digits with a valid checksum.", "เลขประจำตัวประชาชน 13 หลักที่ถูกต้อง")));
        }
        Subdistrict to = subdistrict(subdistrictCode, errors);
        String why = reason(reason, "reason", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        NationalId person = NationalId.parse(id);
        ProvinceCode toProvince = to.districtCode().province();
        if (!AccessPolicy.allows(caller, Action.VOLUNTEERS_WRITE, toProvince)) {
            throw new ProblemException(403, "forbidden", LocalizedText.of(
                    "You may ask for transfers only into your own province.",
                    "คุณขอโอนย้ายอาสาสมัครเข้าได้เฉพาะจังหวัดของคุณ"), List.of());
        }
        boolean readsAll = AccessPolicy.reach(caller, Action.VOLUNTEERS_READ) == Reach.ALL;
        if (!readsAll && probes.remaining(caller) <= 0) {
            throw probes.limitReached();
        }
        VolunteerEntity found = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT v FROM VolunteerEntity v WHERE v.nationalId = :n AND v.mergedInto IS NULL",
                VolunteerEntity.class).setParameter("n", person.value()).getResultList().stream().findFirst()
                .orElse(null));
        ProvinceCode heldIn = found == null ? null : found.province();
        if (heldIn == null || ProbeGuard.isProbe(caller, heldIn)) {
            // whether the person is registered, found or not, is what a probe learns
            if (!readsAll) {
                jpa.tx(TransactionType.Required, em -> probes.record(caller, "transfer", person, heldIn));
            }
            if (heldIn == null) {
                throw ProblemException.notFound("not-found", LocalizedText.of(
                        "No volunteer is registered with this national ID; register the person instead.",
                        "ไม่พบอาสาสมัครที่ใช้เลขประจำตัวประชาชนนี้ กรุณาขึ้นทะเบียนใหม่"));
            }
        }
        if (heldIn.equals(toProvince)) {
            throw ProblemException.conflict("already-in-province", LocalizedText.of(
                    "This volunteer is registered in that province already.",
                    "อาสาสมัครนี้ขึ้นทะเบียนอยู่ในจังหวัดนั้นแล้ว"));
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            if (!em.createQuery("SELECT t.id FROM TransferEntity t WHERE t.volunteerId = :v AND t.status = :s",
                    String.class).setParameter("v", found.id()).setParameter("s", TransferStatus.REQUESTED.name())
                    .getResultList().isEmpty()) {
                throw ProblemException.conflict("transfer-pending", LocalizedText.of(
                        "A transfer of this volunteer is waiting for a decision already.",
                        "มีคำขอโอนย้ายอาสาสมัครนี้รอการพิจารณาอยู่แล้ว"));
            }
            TransferEntity t = new TransferEntity(UUID.randomUUID().toString(), found.id(), heldIn, to.code(),
                    toProvince, why, caller.name(), clock.instant());
            em.persist(t);
            em.flush();
            Transfer saved = t.toDTO();
            audit.record(caller, "volunteer.transfer-request", "volunteer-transfer", saved.id(), toProvince, null,
                    state(saved));
            return view(caller, saved);
        });
    }

    @Override
    public Transfer decide(Caller caller, String id, boolean approve, String reason) {
        AccessPolicy.requireAny(caller, Action.VOLUNTEERS_WRITE);
        List<FieldError> errors = new ArrayList<>();
        String why = approve ? optionalReason(reason, errors) : reason(reason, "reason", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            TransferEntity t = find(em, caller, id);
            if (!AccessPolicy.allows(caller, Action.VOLUNTEERS_WRITE, t.fromProvince())) {
                throw new ProblemException(403, "forbidden", LocalizedText.of(
                        "Only the sending province or a central admin decides a transfer.",
                        "เฉพาะจังหวัดต้นทางหรือผู้ดูแลส่วนกลางเท่านั้นที่พิจารณาคำขอโอนย้ายได้"), List.of());
            }
            if (t.status() != TransferStatus.REQUESTED) {
                throw ProblemException.conflict("illegal-transition", LocalizedText.of(
                        "This transfer is " + t.status() + " already.", "คำขอโอนย้ายนี้มีสถานะ " + t.status() + " แล้ว"));
            }
            Transfer before = t.toDTO();
            if (approve) {
                move(em, caller, t);
            }
            t.decide(approve, caller.name(), why, clock.instant());
            em.flush();
            Transfer after = t.toDTO();
            audit.record(caller, approve ? "volunteer.transfer-approve" : "volunteer.transfer-reject",
                    "volunteer-transfer", id, t.fromProvince(), state(before), state(after));
            return view(caller, after);
        });
    }

    /** The record takes the request's subdistrict; its id, history and everything else stay. */
    private void move(EntityManager em, Caller caller, TransferEntity t) {
        VolunteerEntity v = em.find(VolunteerEntity.class, t.volunteerId());
        Subdistrict to = areas.apply(t.subdistrict()).orElse(null);
        if (v == null || v.merged() || !v.province().equals(t.fromProvince()) || to == null) {
            throw ProblemException.conflict("transfer-stale", LocalizedText.of(
                    "The record or the subdistrict changed since the request; reject it and ask again.",
                    "ข้อมูลอาสาสมัครหรือตำบลเปลี่ยนไปหลังยื่นคำขอ กรุณาปฏิเสธแล้วยื่นคำขอใหม่"));
        }
        Volunteer before = v.toDTO();
        v.moveTo(to.code().value(), to.districtCode().value(), to.districtCode().province().value());
        em.flush();
        Volunteer after = v.toDTO();
        Map<String, Object> afterState = PersonalData.auditState(after);
        afterState.put("transfer", t.toDTO().id());
        audit.record(caller, "volunteer.transfer", "volunteer", v.id(), after.provinceCode(),
                PersonalData.auditState(before), afterState);
    }

    @Override
    public Transfer get(Caller caller, String id) {
        AccessPolicy.requireAny(caller, Action.VOLUNTEERS_WRITE);
        return jpa.txExpr(TransactionType.Supports, em -> view(caller, find(em, caller, id).toDTO()));
    }

    @Override
    public List<Transfer> list(Caller caller, ProvinceCode province) {
        ListScope scope = ListScope.of(AccessPolicy.requireAny(caller, Action.VOLUNTEERS_WRITE), caller.province(),
                province);
        if (scope.nothing()) {
            return List.of();
        }
        ProvinceCode only = scope.province();
        return jpa.txExpr(TransactionType.Supports, em -> (only == null
                ? em.createQuery("SELECT t FROM TransferEntity t ORDER BY t.requestedAt DESC", TransferEntity.class)
                : em.createQuery("SELECT t FROM TransferEntity t WHERE t.fromProvince = :p OR t.toProvince = :p"
                        + " ORDER BY t.requestedAt DESC", TransferEntity.class).setParameter("p", only.value()))
                .setMaxResults(MAX_LISTED).getResultList().stream().map(t -> view(caller, t.toDTO())).toList());
    }

    /** A request the caller may see: one into or out of a province where the caller may write. */
    private static TransferEntity find(EntityManager em, Caller caller, String id) {
        TransferEntity t = id == null ? null : em.find(TransferEntity.class, id);
        if (t == null || !AccessPolicy.allows(caller, Action.VOLUNTEERS_WRITE, t.fromProvince())
                && !AccessPolicy.allows(caller, Action.VOLUNTEERS_WRITE, t.toProvince())) {
            throw ProblemException.notFound("not-found", LocalizedText.of("There is no such transfer.",
                    "ไม่พบคำขอโอนย้ายที่ระบุ"));
        }
        return t;
    }

    /** Until approved, the asking side learns neither the sending province nor the record's id. */
    private static Transfer view(Caller caller, Transfer t) {
        if (t.status() == TransferStatus.APPROVED
                || AccessPolicy.allows(caller, Action.VOLUNTEERS_READ, t.fromProvince())) {
            return t;
        }
        // nor who decided: a username of the sending province hints at which province holds the person
        return new Transfer(t.id(), null, null, t.toProvince(), t.subdistrictCode(), t.reason(), t.status(),
                t.requestedBy(), t.requestedAt(), null, t.decidedAt(), t.decisionReason(), t.version());
    }

    private static Map<String, Object> state(Transfer t) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("volunteerId", t.volunteerId());
        s.put("fromProvince", t.fromProvince().value());
        s.put("toProvince", t.toProvince().value());
        s.put("subdistrictCode", t.subdistrictCode().value());
        s.put("reason", t.reason());
        s.put("status", t.status().name());
        s.put("decisionReason", t.decisionReason());
        return s;
    }

    private Subdistrict subdistrict(String code, List<FieldError> errors) {
        String text = TextRules.clean(code);
        Optional<Subdistrict> found = Optional.empty();
        if (text != null && text.matches("[0-9]{6}")) {
            found = areas.apply(SubdistrictCode.of(text));
        }
        if (found.isEmpty()) {
            errors.add(new FieldError("subdistrictCode", "unknown-subdistrict", LocalizedText.of(
                    "The subdistrict in the receiving province the record moves to: 6 digits of a known subdistrict.",
                    "รหัสตำบลปลายทาง 6 หลักที่มีอยู่จริง")));
        }
        return found.orElse(null);
    }

    private static String reason(String text, String field, List<FieldError> errors) {
        String why = TextRules.clean(text);
        if (why == null || why.length() > VolunteerRules.MAX_ADDRESS) {
            errors.add(new FieldError(field, "required", LocalizedText.of(
                    "Say why, in at most 500 characters.", "ต้องระบุเหตุผล ไม่เกิน 500 ตัวอักษร")));
        }
        return why;
    }

    private static String optionalReason(String text, List<FieldError> errors) {
        String why = TextRules.clean(text);
        return why == null ? null : reason(why, "reason", errors);
    }
}
