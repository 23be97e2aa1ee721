package org.apom.registry.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.Preconditions;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.DuplicatePair;
import org.apom.registry.api.Volunteer;
import org.apom.registry.internal.jpa.DismissalEntity;
import org.apom.registry.internal.jpa.VolunteerEntity;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;

/**
 * Suspected duplicates of the register: the list of pairs, an officer's dismissal of a pair, and the merge of
 * one record into another (both kept, both audited).
 */
final class RegisterDuplicates {

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final Clock clock;

    RegisterDuplicates(JpaTemplate jpa, AuditTrail audit, Clock clock) {
        this.jpa = jpa;
        this.audit = audit;
        this.clock = clock;
    }

    Page<DuplicatePair> list(Caller caller, ProvinceCode province, PageRequest page) {
        ListScope scope = ListScope.of(AccessPolicy.requireAny(caller, Action.VOLUNTEERS_READ), caller.province(),
                province);
        if (scope.nothing()) {
            return new Page<>(List.of(), null);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            Page<DuplicatePair> found = DuplicateQuery.run(em, scope.province(), page);
            PersonalData.auditDisclosure(audit, caller, "duplicates", found.items().stream().flatMap(p -> Stream.of(p.first(), p.second())));
            return found;
        });
    }

    void dismiss(Caller caller, String firstId, String secondId, String reason) {
        AccessPolicy.requireAny(caller, Action.VOLUNTEERS_WRITE);
        String why = TextRules.clean(reason);
        List<FieldError> errors = new ArrayList<>(twoRecords("ids", firstId, secondId));
        if (why == null || why.length() > VolunteerRules.MAX_ADDRESS) {
            errors.add(new FieldError("reason", "required", LocalizedText.of(
                    "Say why they are different people, in at most 500 characters.",
                    "ต้องระบุเหตุผลว่าเป็นคนละคน ไม่เกิน 500 ตัวอักษร")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String first = firstId.compareTo(secondId) < 0 ? firstId : secondId;
        String second = first.equals(firstId) ? secondId : firstId;
        jpa.tx(TransactionType.Required, em -> {
            VolunteerEntity a = writable(em, caller, first);
            VolunteerEntity b = writable(em, caller, second);
            Volunteer va = a.toDTO();
            Volunteer vb = b.toDTO();
            if (!a.firstKey().equals(b.firstKey()) || !a.lastKey().equals(b.lastKey())
                    || !va.birthDate().equals(vb.birthDate())) {
                throw ProblemException.conflict("not-suspected", LocalizedText.of(
                        "These records are not suspected duplicates (names and birth date differ).",
                        "ข้อมูลสองรายการนี้ไม่ได้ถูกสงสัยว่าซ้ำกัน (ชื่อหรือวันเกิดต่างกัน)"));
            }
            if (em.find(DismissalEntity.class, DismissalEntity.pairId(first, second)) == null) {
                em.persist(new DismissalEntity(first, second, caller.name(), why, clock.instant()));
            }
            for (Volunteer v : List.of(va, vb)) {
                audit.record(caller, "volunteer.duplicate-dismissed", "volunteer", v.id(), v.provinceCode(), null,
                        Map.of("pair", List.of(first, second), "reason", why));
            }
        });
    }

    Volunteer merge(Caller caller, String survivorId, long survivorVersion, String mergedId, long mergedVersion) {
        AccessPolicy.requireAny(caller, Action.VOLUNTEERS_WRITE);
        List<FieldError> errors = twoRecords("merged", survivorId, mergedId);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            // both rows locked before either is read, always in the same order: two merges of the same pair, even
            // crossed (A into B, B into A), run one after the other, and the second sees what the first did
            boolean survivorFirst = survivorId.compareTo(mergedId) < 0;
            VolunteerEntity first = locked(em, caller, survivorFirst ? survivorId : mergedId);
            VolunteerEntity second = locked(em, caller, survivorFirst ? mergedId : survivorId);
            VolunteerEntity survivor = survivorFirst ? first : second;
            VolunteerEntity merged = survivorFirst ? second : first;
            if (stale(survivor, survivorVersion) || stale(merged, mergedVersion)) {
                throw Preconditions.stale();
            }
            if (survivor.merged() || merged.merged()) {
                throw ProblemException.conflict("already-merged", LocalizedText.of(
                        "One of the records is already merged into another.", "มีข้อมูลหนึ่งในสองรายการถูกรวมไปแล้ว"));
            }
            Volunteer survivorBefore = survivor.toDTO();
            Volunteer mergedBefore = merged.toDTO();
            survivor.takeMissingFrom(merged);
            merged.mergeInto(survivorId);
            em.flush();
            Volunteer after = survivor.toDTO();
            Map<String, Object> survivorAfter = PersonalData.auditState(after);
            survivorAfter.put("merged", mergedId);
            audit.record(caller, "volunteer.merge", "volunteer", survivorId, after.provinceCode(),
                    PersonalData.auditState(survivorBefore), survivorAfter);
            Map<String, Object> mergedAfter = PersonalData.auditState(merged.toDTO());
            mergedAfter.put("mergedInto", survivorId);
            audit.record(caller, "volunteer.merged-into", "volunteer", mergedId, mergedBefore.provinceCode(),
                    PersonalData.auditState(mergedBefore), mergedAfter);
            return after;
        });
    }

    private static List<FieldError> twoRecords(String field, String a, String b) {
        if (a == null || b == null || a.isBlank() || b.isBlank() || a.equals(b)) {
            return List.of(new FieldError(field, "two-records", LocalizedText.of("Name two different records.",
                    "ต้องระบุข้อมูลสองรายการที่ต่างกัน")));
        }
        return List.of();
    }

    private static boolean stale(VolunteerEntity entity, long expected) {
        return expected != Preconditions.ANY && entity.version() != expected;
    }

    /**
     * A record the caller may change, read under a write lock that also moves its version on at commit (so that
     * whoever read either record of a merge before it must read it again).
     */
    private static VolunteerEntity locked(EntityManager em, Caller caller, String id) {
        // who may not write the record neither locks it nor learns more than its not-found (read as a value, so
        // that the locked read below loads it fresh)
        em.createQuery("SELECT v.provinceCode FROM VolunteerEntity v WHERE v.id = :id", String.class)
                .setParameter("id", id).getResultList().stream().findFirst()
                .ifPresent(province -> AccessPolicy.require(caller, Action.VOLUNTEERS_WRITE, ProvinceCode.of(province)));
        VolunteerEntity entity = em.find(VolunteerEntity.class, id, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (entity == null) {
            JpaVolunteerRegistry.find(em, id); // the register's own not-found answer
        }
        AccessPolicy.require(caller, Action.VOLUNTEERS_WRITE, entity.province());
        return entity;
    }

    private static VolunteerEntity writable(EntityManager em, Caller caller, String id) {
        VolunteerEntity entity = JpaVolunteerRegistry.find(em, id);
        AccessPolicy.require(caller, Action.VOLUNTEERS_WRITE, entity.province());
        return entity;
    }
}
