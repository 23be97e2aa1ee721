package org.apom.recognition.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.PageRequest;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.networks.api.ActivityQuery;
import org.apom.networks.api.Network;
import org.apom.networks.api.NetworkActivities;
import org.apom.networks.api.NetworkCommittees;
import org.apom.networks.api.Networks;
import org.apom.persistence.api.UniqueViolation;
import org.apom.recognition.api.OrganisationKind;
import org.apom.recognition.api.OrganisationRegistrations;
import org.apom.recognition.api.Readiness;
import org.apom.recognition.api.Registration;
import org.apom.recognition.api.RegistrationInput;
import org.apom.recognition.api.RegistrationStatus;
import org.apom.recognition.internal.jpa.RegistrationEntity;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Networks' registrations as organisations (REC_REGISTRATION). A network is found through the networks' own service
 * with the caller, so whoever may not read it finds nothing; its readiness is read through the networks' API (its
 * committee, its members, its activities year by year, its latest tier).
 */
@Component(service = OrganisationRegistrations.class)
public final class JpaOrganisationRegistrations implements OrganisationRegistrations {

    private static final Caller PLATFORM = Caller.system("recognition");
    private static final Map<RegistrationStatus, Set<RegistrationStatus>> MOVES = moves();

    private final JpaTemplate jpa;
    private final Networks networks;
    private final NetworkCommittees committees;
    private final NetworkActivities activities;
    private final RecognitionSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    @Activate
    public JpaOrganisationRegistrations(@Reference(target = "(osgi.unit.name=apom-recognition)") JpaTemplate jpa,
            @Reference RecognitionSchema schema, @Reference Networks networks, @Reference NetworkCommittees committees,
            @Reference NetworkActivities activities, @Reference RecognitionSettings settings,
            @Reference AuditTrail audit) {
        this(jpa, networks, committees, activities, settings, audit, Clock.systemUTC());
    }

    JpaOrganisationRegistrations(JpaTemplate jpa, Networks networks, NetworkCommittees committees,
            NetworkActivities activities, RecognitionSettings settings, AuditTrail audit, Clock clock) {
        this.jpa = jpa;
        this.networks = networks;
        this.committees = committees;
        this.activities = activities;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<Registration> of(Caller caller, String networkId) {
        Network network = networks.get(caller, networkId);
        Readiness readiness = readiness(network);
        Map<OrganisationKind, RegistrationEntity> found = jpa.txExpr(TransactionType.Supports, em -> {
            Map<OrganisationKind, RegistrationEntity> byKind = new EnumMap<>(OrganisationKind.class);
            em.createQuery("SELECT r FROM RegistrationEntity r WHERE r.networkId = :n", RegistrationEntity.class)
                    .setParameter("n", network.id()).getResultList().forEach(r -> byKind.put(r.kind(), r));
            return byKind;
        });
        List<Registration> answer = new ArrayList<>();
        for (OrganisationKind kind : OrganisationKind.values()) {
            answer.add(found.getOrDefault(kind, new RegistrationEntity(network.id(), network.province(), kind))
                    .toRegistration(readiness));
        }
        return answer;
    }

    @Override
    public Registration change(Caller caller, String networkId, String kind, RegistrationInput input) {
        AccessPolicy.requireAny(caller, Action.NETWORKS_WRITE);
        Network network = networks.get(caller, networkId);
        if (!AccessPolicy.allows(caller, Action.NETWORKS_WRITE, network.province())) {
            throw ProblemException.notFound("not-found", LocalizedText.of("There is no such network.",
                    "ไม่พบเครือข่ายที่ระบุ"));
        }
        OrganisationKind which = kind(kind);
        List<FieldError> errors = new ArrayList<>();
        RegistrationStatus next = status(input.status(), errors);
        LocalDate today = LocalDate.now(clock.withZone(JpaNominations.THAILAND));
        String number = null;
        LocalDate on = null;
        String body = null;
        String reason = null;
        if (next == RegistrationStatus.REGISTERED) {
            number = NominationFields.text("registrationNumber", input.registrationNumber(), 100, true, errors);
            on = NominationFields.day("registeredOn", input.registeredOn(), today, null, errors);
            body = NominationFields.text("registeringBody", input.registeringBody(), NominationFields.MAX_REFERENCE,
                    true, errors);
        } else if (next == RegistrationStatus.REJECTED) {
            reason = NominationFields.text("reason", input.reason(), 500, true, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (next == RegistrationStatus.SUBMITTED) {
            Readiness readiness = readiness(network);
            if (!readiness.ready()) {
                throw new ProblemException(422, "not-ready", LocalizedText.of("The network is not ready to register "
                        + "as an organisation; see errors.",
                        "เครือข่ายยังไม่พร้อมจดทะเบียนเป็นองค์กร ดูรายละเอียดใน errors"),
                        readiness.missing().stream().map(r -> new FieldError("networkId", r.code(), r.text()))
                                .toList());
            }
        }
        String registrationNumber = number;
        LocalDate registeredOn = on;
        String registeringBody = body;
        String rejection = reason;
        try {
            Registration changed = jpa.txExpr(TransactionType.Required, em -> {
                RegistrationEntity r = em.find(RegistrationEntity.class, RegistrationEntity.id(network.id(), which),
                        LockModeType.PESSIMISTIC_WRITE);
                boolean first = r == null;
                if (first) {
                    r = new RegistrationEntity(network.id(), network.province(), which);
                }
                RegistrationStatus from = r.status();
                if (!MOVES.get(from).contains(next)) {
                    throw ProblemException.conflict("illegal-transition", LocalizedText.of("A registration that is "
                            + from + " cannot become " + next + ".", "การจดทะเบียนที่มีสถานะ " + from
                            + " เปลี่ยนเป็น " + next + " ไม่ได้"));
                }
                Map<String, Object> before = first ? null : state(r.toRegistration(null));
                Instant submitted = first ? null : r.toRegistration(null).updatedAt();
                if (next == RegistrationStatus.REGISTERED && submitted != null && registeredOn.isBefore(
                        LocalDate.ofInstant(submitted, JpaNominations.THAILAND))) {
                    // a registration is granted after its submission: an earlier date would count it in years past
                    LocalDate day = LocalDate.ofInstant(submitted, JpaNominations.THAILAND);
                    throw ProblemException.invalid(List.of(NominationFields.error("registeredOn", "before-submission",
                            "The registration was submitted on " + day + "; it cannot have been granted before.",
                            "ยื่นจดทะเบียนเมื่อ " + day + " วันที่ได้รับจดทะเบียนต้องไม่ก่อนวันนั้น")));
                }
                r.moveTo(next, registrationNumber, registeredOn, registeringBody, rejection, caller.name(),
                        Instant.now(clock));
                if (first) {
                    em.persist(r);
                }
                em.flush();
                Registration after = r.toRegistration(null);
                audit.record(caller, first ? "registration.start" : "registration.change", "registration", r.id(),
                        network.province(), before, state(after));
                return after;
            });
            return new Registration(changed.networkId(), changed.province(), changed.kind(), changed.status(),
                    changed.registrationNumber(), changed.registeredOn(), changed.registeringBody(),
                    changed.rejectionReason(), changed.updatedBy(), changed.updatedAt(), changed.version(),
                    readiness(network));
        } catch (RuntimeException e) {
            if (UniqueViolation.in(e)) {
                // two first moves at once: the other one made the row
                throw ProblemException.conflict("illegal-transition", LocalizedText.of("The registration was "
                        + "changed at the same moment; read it again.", "การจดทะเบียนถูกเปลี่ยนพร้อมกัน โปรดอ่านใหม่"));
            }
            throw e;
        }
    }

    @Override
    public Set<String> registeredOn(Caller caller, LocalDate day) {
        Reach reach = AccessPolicy.reach(caller, Action.NETWORKS_READ);
        if (reach == Reach.NONE) {
            return Set.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<String> q = em.createQuery("SELECT DISTINCT r.networkId FROM RegistrationEntity r WHERE "
                    + "r.status = 'REGISTERED' AND r.registeredOn <= :d" + (reach == Reach.ALL ? ""
                            : " AND r.province = :p"), String.class).setParameter("d", java.sql.Date.valueOf(day));
            if (reach != Reach.ALL) {
                q.setParameter("p", caller.province().value());
            }
            return new HashSet<>(q.getResultList());
        });
    }

    private Readiness readiness(Network network) {
        ReadinessRules rules = settings.readiness();
        LocalDate today = LocalDate.now(clock.withZone(JpaNominations.THAILAND));
        List<Integer> idle = new ArrayList<>();
        for (FiscalYear year : rules.yearsLookedAt(today)) {
            if (activities.list(PLATFORM, network.id(), new ActivityQuery(year.start(), year.end(), null),
                    PageRequest.of(1, null)).items().isEmpty()) {
                idle.add(year.buddhistYear());
            }
        }
        return rules.weigh(network.memberCount(), committees.current(PLATFORM, network.id()).orElse(null), today, idle,
                network.currentTier());
    }

    private static OrganisationKind kind(String kind) {
        for (OrganisationKind k : OrganisationKind.values()) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        throw ProblemException.notFound("not-found", LocalizedText.of("There is no kind of organisation '" + kind
                + "'; the kinds are PUBLIC_BENEFIT and COMMUNITY_WELFARE.", "ไม่มีประเภทองค์กรนี้ ประเภทที่มีคือ "
                + "PUBLIC_BENEFIT และ COMMUNITY_WELFARE"));
    }

    private static RegistrationStatus status(String value, List<FieldError> errors) {
        String t = value == null ? "" : value.strip();
        for (RegistrationStatus s : RegistrationStatus.values()) {
            if (s.name().equals(t) && s != RegistrationStatus.NOT_STARTED) {
                return s;
            }
        }
        errors.add(NominationFields.error("status", t.isEmpty() ? "required" : "unknown-status", "The status is one "
                + "of PREPARING, SUBMITTED, REGISTERED, REJECTED.", "status ต้องเป็น PREPARING, SUBMITTED, REGISTERED "
                + "หรือ REJECTED"));
        return null;
    }

    private static Map<RegistrationStatus, Set<RegistrationStatus>> moves() {
        Map<RegistrationStatus, Set<RegistrationStatus>> moves = new EnumMap<>(RegistrationStatus.class);
        moves.put(RegistrationStatus.NOT_STARTED, Set.of(RegistrationStatus.PREPARING));
        moves.put(RegistrationStatus.PREPARING, Set.of(RegistrationStatus.SUBMITTED));
        moves.put(RegistrationStatus.SUBMITTED, Set.of(RegistrationStatus.REGISTERED, RegistrationStatus.REJECTED));
        // a rejected application may be prepared again; a registration stands
        moves.put(RegistrationStatus.REJECTED, Set.of(RegistrationStatus.PREPARING));
        moves.put(RegistrationStatus.REGISTERED, Set.of());
        return moves;
    }

    private static Map<String, Object> state(Registration r) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("networkId", r.networkId());
        state.put("kind", r.kind().name());
        state.put("status", r.status().name());
        state.put("registrationNumber", r.registrationNumber());
        state.put("registeredOn", r.registeredOn() == null ? null : r.registeredOn().toString());
        state.put("registeringBody", r.registeringBody());
        state.put("rejectionReason", r.rejectionReason());
        state.put("version", r.version());
        return state;
    }
}
