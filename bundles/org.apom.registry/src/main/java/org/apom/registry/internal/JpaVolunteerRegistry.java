package org.apom.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.persistence.EntityManager;
import javax.transaction.TransactionManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.areas.api.AreaDirectory;
import org.apom.core.api.DistrictCode;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.NationalId;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.Preconditions;
import org.apom.core.api.problem.ProblemException;
import org.apom.persistence.api.SchemaMigrator;
import org.apom.persistence.api.UniqueViolation;
import org.apom.registry.api.DuplicatePair;
import org.apom.registry.api.ProvinceQuality;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerInput;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.registry.api.VolunteerSearch;
import org.apom.registry.api.VolunteerStatus;
import org.apom.registry.internal.jpa.VolunteerEntity;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditEntry;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** The register over REGISTRY_VOLUNTEER. Dates are days in Thailand. */
@Component(service = VolunteerRegistry.class, configurationPid = "org.apom.registry")
@Designate(ocd = RegistryConfig.class)
public final class JpaVolunteerRegistry implements VolunteerRegistry {

    public static final String CHANGELOG = "db/registry/changelog.xml";
    static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");

    private static final Caller HISTORY = Caller.system("volunteer-history");

    private final JpaTemplate jpa;
    /** Loads the demo register in the background, so that the platform serves while it fills. */
    private final ExecutorService demo = Executors.newSingleThreadExecutor(r -> new Thread(r, "apom-demo-data"));
    private final VolunteerRules rules;
    private final AuditTrail audit;
    private final Clock clock;
    private final RegisterDuplicates duplicates;
    private final ProbeGuard probes;
    final DemoStore demoStore;

    @Activate
    public JpaVolunteerRegistry(@Reference(target = "(osgi.unit.name=apom-registry)") JpaTemplate jpa,
            @Reference SchemaMigrator migrator, @Reference AreaDirectory areas, @Reference AuditTrail audit,
            // OpenJPA looks the JTA manager up as a service per transaction (docs/stack.md trap 20)
            @Reference TransactionManager transactions, RegistryConfig config) {
        this(jpa, new VolunteerRules(areas::subdistrict, config.minimumAge()), audit, Clock.system(THAILAND),
                config.probesPerDay());
        migrator.migrate(CHANGELOG, JpaVolunteerRegistry.class.getClassLoader());
        if (config.demoData()) {
            demo.submit(() -> DemoData.loadIfEmpty(demoStore, areas, LocalDate.now(clock)));
        }
    }

    @Deactivate
    void deactivate() {
        demo.shutdownNow();
    }

    JpaVolunteerRegistry(JpaTemplate jpa, VolunteerRules rules, AuditTrail audit, Clock clock) {
        this(jpa, rules, audit, clock, 20);
    }

    JpaVolunteerRegistry(JpaTemplate jpa, VolunteerRules rules, AuditTrail audit, Clock clock, int probesPerDay) {
        this.jpa = jpa;
        this.probes = new ProbeGuard(audit, clock, probesPerDay);
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
        this.duplicates = new RegisterDuplicates(jpa, audit, clock);
        this.demoStore = new DemoStore(jpa, rules, audit, clock);
    }

    @Override
    public Volunteer register(Caller caller, VolunteerInput input) {
        AccessPolicy.requireAny(caller, Action.VOLUNTEERS_WRITE);
        ValidVolunteer v = rules.check(input, LocalDate.now(clock));
        ProvinceCode province = v.subdistrict().districtCode().province();
        if (!AccessPolicy.allows(caller, Action.VOLUNTEERS_WRITE, province)) {
            throw new ProblemException(403, "forbidden", LocalizedText.of(
                    "You may register volunteers only in your own province.",
                    "คุณขึ้นทะเบียนอาสาสมัครได้เฉพาะในจังหวัดของคุณ"), List.of());
        }
        NationalId id = v.nationalId();
        probes.requireProbesLeft(caller);
        ProvinceCode heldIn = heldIn(id);
        if (heldIn != null) {
            throw clash(caller, id, heldIn);
        }
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                VolunteerEntity entity = VolunteerEntities.create(v, clock.instant());
                em.persist(entity);
                em.flush();
                Volunteer saved = entity.toDTO();
                audit.record(caller, "volunteer.create", "volunteer", saved.id(), province, null,
                        PersonalData.auditState(saved));
                return saved;
            });
        } catch (RuntimeException e) {
            if (!UniqueViolation.in(e)) {
                throw e;
            }
            // another request registered the same ID a moment ago and the unique constraint stopped this one
            throw clash(caller, id, heldIn(id));
        }
    }

    /** The province whose record carries the national ID, or {@code null}. */
    private ProvinceCode heldIn(NationalId id) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT v.provinceCode FROM VolunteerEntity v WHERE v.nationalId = :n", String.class)
                .setParameter("n", id.value()).getResultList().stream().findFirst().map(ProvinceCode::of)
                .orElse(null));
    }

    /**
     * The answer to a registration whose ID is taken: {@code duplicate} when the caller may read the record,
     * else a probe, audited and counted ({@link ProbeGuard}), answered {@code registered-elsewhere}.
     */
    private ProblemException clash(Caller caller, NationalId id, ProvinceCode heldIn) {
        if (!ProbeGuard.isProbe(caller, heldIn)) {
            return ProblemException.conflict("duplicate", LocalizedText.of(
                    "A volunteer with this national ID is already registered.",
                    "มีอาสาสมัครที่ใช้เลขประจำตัวประชาชนนี้ขึ้นทะเบียนแล้ว"));
        }
        if (probes.remaining(caller) <= 0) {
            return probes.limitReached();
        }
        jpa.tx(TransactionType.Required, em -> probes.record(caller, "register", id, heldIn));
        return ProbeGuard.registeredElsewhere();
    }

    @Override
    public Volunteer get(Caller caller, String id) {
        AccessPolicy.requireAny(caller, Action.VOLUNTEERS_READ);
        return jpa.txExpr(TransactionType.Required, em -> {
            Volunteer v = find(em, id).toDTO();
            AccessPolicy.require(caller, Action.VOLUNTEERS_READ, v.provinceCode());
            if (PersonalData.visibleTo(caller, v)) {
                audit.record(caller, "volunteer.read-personal", "volunteer", v.id(), v.provinceCode(), null, null);
            }
            return v;
        });
    }

    @Override
    public Page<Volunteer> search(Caller caller, VolunteerSearch search, PageRequest page) {
        var reach = AccessPolicy.requireAny(caller, Action.VOLUNTEERS_READ);
        requireIdSearch(caller, search, reach);
        return jpa.txExpr(TransactionType.Required, em -> {
            Page<Volunteer> found = VolunteerQuery.run(em, search, reach, caller.province(), page);
            PersonalData.auditDisclosure(audit, caller, "search", found.items().stream());
            return found;
        });
    }

    /**
     * A search by a whole national ID says whether that person is registered, so it needs
     * {@code personal-data:read} for the province searched (every province when none is given).
     */
    private static void requireIdSearch(Caller caller, VolunteerSearch search, Reach reach) {
        String q = TextRules.clean(search.q());
        if (q == null || !NationalId.isValid(q)) {
            return;
        }
        ProvinceCode province = search.province() != null ? search.province()
                : search.subdistrict() != null ? search.subdistrict().province()
                : search.district() != null ? search.district().province()
                : reach == Reach.OWN ? caller.province() : null;
        boolean allowed = province != null ? AccessPolicy.allows(caller, Action.PERSONAL_DATA_READ, province)
                : AccessPolicy.reach(caller, Action.PERSONAL_DATA_READ) == Reach.ALL;
        if (!allowed) {
            throw new ProblemException(403, "national-id-search", LocalizedText.of(
                    "Searching by national ID needs personal-data:read for the province searched; search by name.",
                    "การค้นหาด้วยเลขประจำตัวประชาชนต้องมีสิทธิ์ personal-data:read ของจังหวัดที่ค้นหา"
                            + " กรุณาค้นหาด้วยชื่อ"), List.of());
        }
    }

    @Override
    public Volunteer changeStatus(Caller caller, String id, VolunteerStatus status, String reason) {
        AccessPolicy.requireAny(caller, Action.VOLUNTEERS_WRITE);
        String why = TextRules.clean(reason);
        if (status == null || why == null || why.length() > VolunteerRules.MAX_ADDRESS) {
            throw ProblemException.invalid(List.of(status == null
                    ? new FieldError("status", "required", LocalizedText.of(
                            "status is ACTIVE, SUSPENDED, RESIGNED or DECEASED.", "ต้องระบุสถานะ"))
                    : new FieldError("reason", "required", LocalizedText.of(
                            "Say why, in at most 500 characters.", "ต้องระบุเหตุผล ไม่เกิน 500 ตัวอักษร"))));
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            VolunteerEntity entity = find(em, id);
            AccessPolicy.require(caller, Action.VOLUNTEERS_WRITE, entity.province());
            if (!entity.status().mayBecome(status)) {
                throw ProblemException.conflict("illegal-transition", LocalizedText.of(
                        "A volunteer who is " + entity.status() + " cannot become " + status + ".",
                        "สถานะ " + entity.status() + " เปลี่ยนเป็น " + status + " ไม่ได้"));
            }
            Volunteer before = entity.toDTO();
            entity.changeStatus(status, why, LocalDate.now(clock));
            em.flush();
            Volunteer after = entity.toDTO();
            audit.record(caller, "volunteer.status", "volunteer", id, after.provinceCode(),
                    PersonalData.auditState(before), PersonalData.auditState(after));
            return after;
        });
    }

    @Override
    public Volunteer verify(Caller caller, String id) {
        AccessPolicy.requireAny(caller, Action.VOLUNTEERS_WRITE);
        return jpa.txExpr(TransactionType.Required, em -> {
            VolunteerEntity entity = find(em, id);
            AccessPolicy.require(caller, Action.VOLUNTEERS_WRITE, entity.province());
            Volunteer before = entity.toDTO();
            entity.verified(caller.name(), LocalDate.now(clock));
            em.flush();
            Volunteer after = entity.toDTO();
            audit.record(caller, "volunteer.verify", "volunteer", id, after.provinceCode(),
                    PersonalData.auditState(before), PersonalData.auditState(after));
            return after;
        });
    }

    @Override
    public Volunteer update(Caller caller, String id, Map<String, String> changes, long expectedVersion) {
        AccessPolicy.requireAny(caller, Action.VOLUNTEERS_WRITE);
        if (changes.containsKey("nationalId")) {
            probes.requireProbesLeft(caller);
        }
        try {
            return updateOnce(caller, id, changes, expectedVersion);
        } catch (Clash c) {
            // the probe is audited in its own transaction: the change itself rolled back
            throw clash(caller, c.id, c.heldIn);
        }
    }

    private Volunteer updateOnce(Caller caller, String id, Map<String, String> changes, long expectedVersion) {
        return jpa.txExpr(TransactionType.Required, em -> {
            VolunteerEntity entity = find(em, id);
            AccessPolicy.require(caller, Action.VOLUNTEERS_WRITE, entity.province());
            if (expectedVersion >= 0 && entity.version() != expectedVersion) {
                throw Preconditions.stale();
            }
            Volunteer before = entity.toDTO();
            ValidVolunteer v = rules.check(VolunteerPatch.apply(before, changes), LocalDate.now(clock));
            ProvinceCode province = v.subdistrict().districtCode().province();
            if (!AccessPolicy.allows(caller, Action.VOLUNTEERS_WRITE, province)) {
                throw new ProblemException(403, "forbidden", LocalizedText.of(
                        "You may not move a volunteer to another province.",
                        "คุณย้ายอาสาสมัครไปจังหวัดอื่นไม่ได้"), List.of());
            }
            if (!v.nationalId().equals(before.nationalId())) {
                em.createQuery("SELECT v.provinceCode FROM VolunteerEntity v WHERE v.nationalId = :n", String.class)
                        .setParameter("n", v.nationalId().value()).getResultList().stream().findFirst()
                        .ifPresent(held -> {
                            throw new Clash(v.nationalId(), ProvinceCode.of(held));
                        });
            }
            VolunteerEntities.update(entity, v);
            em.flush();
            Volunteer after = entity.toDTO();
            audit.record(caller, "volunteer.update", "volunteer", id, province, PersonalData.auditState(before),
                    PersonalData.auditState(after));
            if (!province.equals(before.provinceCode())) {
                // entered under the province it left too, whose change feed must say it is gone (VolunteerChanges)
                audit.record(caller, VolunteerChanges.MOVED_OUT, "volunteer", id, before.provinceCode(), null,
                        Map.of("toProvince", province.value()));
            }
            return after;
        });
    }

    @Override
    public List<ProvinceQuality> dataQuality(Caller caller, ProvinceCode province) {
        ListScope scope = ListScope.of(AccessPolicy.requireAny(caller, Action.VOLUNTEERS_READ), caller.province(),
                province);
        if (scope.nothing()) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> QualityQuery.run(em, scope.province(), LocalDate.now(clock)));
    }

    @Override
    public Map<DistrictCode, Map<VolunteerStatus, Long>> countByDistrict(Caller caller, ProvinceCode province) {
        var reach = AccessPolicy.requireAny(caller, Action.VOLUNTEERS_READ);
        if (reach == Reach.OWN && !province.equals(caller.province())) {
            return Map.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> QualityQuery.byDistrict(em, province));
    }

    @Override
    public List<AuditEntry> history(Caller caller, String id) {
        get(caller, id);
        // the caller may read the record; its history comes from the trail, which only auditors read directly
        List<String> ids = new ArrayList<>(List.of(id));
        ids.addAll(jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT v.id FROM VolunteerEntity v WHERE v.mergedInto = :id", String.class)
                .setParameter("id", id).getResultList()));
        List<AuditEntry> changes = new ArrayList<>();
        for (String recordId : ids) {
            // sealed entries in chain order, then those still waiting to be sealed (seq 0)
            audit.history(HISTORY, "volunteer", recordId).stream()
                    .filter(e -> !e.action().equals("volunteer.read-personal")).forEach(changes::add);
        }
        if (ids.size() > 1) {
            // merged records' entries among the survivor's: by time, since waiting entries have no number yet
            changes.sort(Comparator.comparing(AuditEntry::at));
        }
        return changes;
    }

    @Override
    public Page<DuplicatePair> duplicates(Caller caller, ProvinceCode province, PageRequest page) {
        return duplicates.list(caller, province, page);
    }

    @Override
    public void dismissDuplicate(Caller caller, String firstId, String secondId, String reason) {
        duplicates.dismiss(caller, firstId, secondId, reason);
    }

    @Override
    public Volunteer merge(Caller caller, String survivorId, String mergedId) {
        return duplicates.merge(caller, survivorId, Preconditions.ANY, mergedId, Preconditions.ANY);
    }

    @Override
    public Volunteer merge(Caller caller, String survivorId, long survivorVersion, String mergedId,
            long mergedVersion) {
        return duplicates.merge(caller, survivorId, survivorVersion, mergedId, mergedVersion);
    }

    /** A change that would give a record a national ID another record has; answered outside its transaction. */
    private static final class Clash extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient NationalId id;
        final transient ProvinceCode heldIn;

        Clash(NationalId id, ProvinceCode heldIn) {
            super("national ID taken", null, false, false);
            this.id = id;
            this.heldIn = heldIn;
        }
    }

    static VolunteerEntity find(EntityManager em, String id) {
        VolunteerEntity entity = id == null ? null : em.find(VolunteerEntity.class, id);
        if (entity == null) {
            throw ProblemException.notFound("not-found", LocalizedText.of("There is no such volunteer.",
                    "ไม่พบอาสาสมัครที่ระบุ"));
        }
        return entity;
    }
}
