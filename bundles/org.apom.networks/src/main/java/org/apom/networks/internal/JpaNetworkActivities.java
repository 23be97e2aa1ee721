package org.apom.networks.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.networks.api.Activity;
import org.apom.networks.api.ActivityInput;
import org.apom.networks.api.ActivityKinds;
import org.apom.networks.api.ActivityQuery;
import org.apom.networks.api.NetworkActivities;
import org.apom.networks.internal.jpa.ActivityEntity;
import org.apom.networks.internal.jpa.NetworkEntity;
import org.apom.networks.internal.jpa.ParticipationEntity;
import org.apom.persistence.api.UniqueViolation;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The activity log. An activity and all of its participations commit together with its audit entry; each participant
 * must have been a member on the day, checked while the network's row is held, so a member leaving at the same moment
 * is seen by one or the other.
 */
@Component(service = NetworkActivities.class)
public final class JpaNetworkActivities implements NetworkActivities {

    static final int MAX_PARTICIPANTS = 5000;
    static final int MAX_BENEFICIARIES = 1_000_000;

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final ActivityKinds kinds;
    private final Clock clock;

    @Activate
    public JpaNetworkActivities(@Reference(target = "(osgi.unit.name=apom-networks)") JpaTemplate jpa,
            @Reference AuditTrail audit, @Reference ActivityKinds kinds) {
        this(jpa, audit, kinds, Clock.systemUTC());
    }

    JpaNetworkActivities(JpaTemplate jpa, AuditTrail audit, ActivityKinds kinds, Clock clock) {
        this.jpa = jpa;
        this.audit = audit;
        this.kinds = kinds;
        this.clock = clock;
    }

    @Override
    public Activity record(Caller caller, String networkId, ActivityInput input) {
        List<FieldError> errors = new ArrayList<>();
        ValidActivity valid = check(input, NetworkAccess.today(clock), kinds, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                NetworkEntity network = NetworkAccess.findForChange(em, caller, networkId);
                List<FieldError> wrong = checkIn(em, network, valid);
                if (!wrong.isEmpty()) {
                    throw ProblemException.invalid(wrong);
                }
                return insert(em, audit, caller, network, valid, clock.instant());
            });
        } catch (RuntimeException e) {
            if (UniqueViolation.in(e)) {
                throw ProblemException.conflict("duplicate-activity", duplicate(valid));
            }
            throw e;
        }
    }

    /** An activity whose fields passed their checks, before those against the network. */
    record ValidActivity(LocalDate date, String kind, String title, List<String> participants, int beneficiaries,
            BigDecimal hours) {
    }

    /** The checks of each field; {@code null} when one failed (each failure added to {@code errors}). */
    static ValidActivity check(ActivityInput input, LocalDate today, ActivityKinds kinds, List<FieldError> errors) {
        int before = errors.size();
        LocalDate date = NetworkRules.day("date", input.date(), today, null, errors);
        String kind = input.kind() == null ? "" : input.kind().strip();
        if (kinds.find(kind).isEmpty()) {
            errors.add(NetworkRules.error("kind", kind.isEmpty() ? "required" : "unknown-kind", "The kind is a code of "
                    + "the activity catalogue (GET /activity-kinds).", "ประเภทต้องเป็นรหัสในรายการประเภทกิจกรรม"));
        }
        String title = NetworkRules.text("title", input.title(), errors);
        List<String> participants = participants(input.participants(), errors);
        Integer beneficiaries = NetworkRules.count("beneficiaries", input.beneficiaries(), MAX_BENEFICIARIES, errors);
        BigDecimal hours = NetworkRules.hours(input.hours(), errors);
        return errors.size() > before ? null
                : new ValidActivity(date, kind, title, participants, beneficiaries, hours);
    }

    /** The checks against the network: founded by then, and every participant a member on the day. */
    static List<FieldError> checkIn(EntityManager em, NetworkEntity network, ValidActivity a) {
        List<FieldError> wrong = new ArrayList<>();
        if (a.date().isBefore(network.foundedOn())) {
            wrong.add(NetworkRules.error("date", "before-founded", "The network was founded on "
                    + network.foundedOn() + ".", "เครือข่ายก่อตั้งเมื่อ " + network.foundedOn()));
        }
        Set<String> members = membersOn(em, network.id(), a.participants(), a.date());
        for (int i = 0; i < a.participants().size(); i++) {
            String p = a.participants().get(i);
            if (!members.contains(p)) {
                wrong.add(NetworkRules.error("participants[" + i + "]", "not-a-member", "Participant " + p
                        + " was not a member of the network on " + a.date() + ".", "ผู้เข้าร่วม " + p
                                + " ไม่ได้เป็นสมาชิกของเครือข่ายในวันที่ " + a.date()));
            }
        }
        return wrong;
    }

    /** Whether the network has an activity of that day, kind and title already. */
    static boolean exists(EntityManager em, String networkId, ValidActivity a) {
        return !em.createQuery("SELECT a.id FROM ActivityEntity a WHERE a.networkId = :n AND a.date = :d AND "
                + "a.kind = :k AND a.titleKey = :t", String.class).setParameter("n", networkId)
                .setParameter("d", java.sql.Date.valueOf(a.date())).setParameter("k", a.kind())
                .setParameter("t", NetworkEntity.nameKey(a.title())).setMaxResults(1).getResultList().isEmpty();
    }

    /** Stores the activity and its participations, audited, in the caller's transaction. */
    static Activity insert(EntityManager em, AuditTrail audit, Caller caller, NetworkEntity network, ValidActivity v,
            java.time.Instant now) {
        ActivityEntity activity = new ActivityEntity(UUID.randomUUID().toString(), network.id(), network.province(),
                v.date(), v.kind(), v.title(), v.beneficiaries(), v.hours(), v.participants().size(), caller.name(),
                now);
        em.persist(activity);
        for (String volunteer : v.participants()) {
            em.persist(new ParticipationEntity(activity.id(), volunteer, network.id(), v.date()));
        }
        em.flush();
        Activity recorded = activity.toActivity(v.participants());
        audit.record(caller, "activity.create", "activity", recorded.id(), network.province(), null, state(recorded));
        return recorded;
    }

    static LocalizedText duplicate(ValidActivity a) {
        return LocalizedText.of("The network already has a " + a.kind() + " activity titled " + a.title() + " on "
                + a.date() + ".", "เครือข่ายมีกิจกรรม " + a.kind() + " ชื่อ " + a.title() + " ในวันที่ " + a.date()
                        + " อยู่แล้ว");
    }

    @Override
    public Activity get(Caller caller, String networkId, String activityId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            NetworkAccess.find(em, caller, networkId, Action.NETWORKS_READ);
            ActivityEntity a = activityId == null || activityId.length() > 40 ? null
                    : em.find(ActivityEntity.class, activityId);
            if (a == null || !networkId.equals(a.networkId())) {
                throw ProblemException.notFound("not-found", LocalizedText.of("The network has no such activity.",
                        "ไม่พบกิจกรรมที่ระบุของเครือข่ายนี้"));
            }
            return a.toActivity(participantsOf(em, List.of(a.id())).getOrDefault(a.id(), List.of()));
        });
    }

    @Override
    public Page<Activity> list(Caller caller, String networkId, ActivityQuery query, PageRequest page) {
        String[] after = page.after() == null ? null : page.after().split("\u0000", 2);
        LocalDate afterDate;
        try {
            afterDate = after == null ? null : LocalDate.parse(after[0]);
        } catch (RuntimeException e) {
            afterDate = null;
        }
        if (after != null && (after.length != 2 || afterDate == null)) {
            throw new InvalidValueException("cursor", LocalizedText.of("This cursor was not given by this list.",
                    "cursor นี้ไม่ได้มาจากรายการนี้"));
        }
        LocalDate before = afterDate;
        return jpa.txExpr(TransactionType.Supports, em -> {
            NetworkAccess.find(em, caller, networkId, Action.NETWORKS_READ);
            StringBuilder jpql = new StringBuilder("SELECT a FROM ActivityEntity a WHERE a.networkId = :n");
            if (query.from() != null) {
                jpql.append(" AND a.date >= :from");
            }
            if (query.to() != null) {
                jpql.append(" AND a.date <= :to");
            }
            if (query.kind() != null) {
                jpql.append(" AND a.kind = :kind");
            }
            if (before != null) {
                jpql.append(" AND (a.date < :d OR a.date = :d AND a.id < :id)");
            }
            TypedQuery<ActivityEntity> q = em.createQuery(jpql + " ORDER BY a.date DESC, a.id DESC",
                    ActivityEntity.class).setParameter("n", networkId);
            if (query.from() != null) {
                q.setParameter("from", java.sql.Date.valueOf(query.from()));
            }
            if (query.to() != null) {
                q.setParameter("to", java.sql.Date.valueOf(query.to()));
            }
            if (query.kind() != null) {
                q.setParameter("kind", query.kind());
            }
            if (before != null) {
                q.setParameter("d", java.sql.Date.valueOf(before)).setParameter("id", after[1]);
            }
            List<ActivityEntity> found = q.setMaxResults(page.limit() + 1).getResultList();
            List<ActivityEntity> shown = found.subList(0, Math.min(page.limit(), found.size()));
            String next = null;
            if (found.size() > page.limit()) {
                ActivityEntity last = shown.get(shown.size() - 1);
                next = PageRequest.encode(last.date() + "\u0000" + last.id());
            }
            // a page names how many took part, not who: 500 activities of 5,000 participants would be millions of ids
            return new Page<>(shown.stream().map(a -> a.toActivity(List.of())).toList(), next);
        });
    }

    /** The participants as given: at least one, each once. */
    private static List<String> participants(List<String> given, List<FieldError> errors) {
        if (given == null || given.isEmpty() || given.size() > MAX_PARTICIPANTS) {
            errors.add(NetworkRules.error("participants", "size", "An activity has 1 to " + MAX_PARTICIPANTS
                    + " participants, members of the network.", "กิจกรรมต้องมีผู้เข้าร่วม 1 ถึง " + MAX_PARTICIPANTS
                            + " คน ซึ่งเป็นสมาชิกของเครือข่าย"));
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String id = given.get(i) == null ? "" : given.get(i).strip();
            if (id.isEmpty() || id.length() > 40) {
                errors.add(NetworkRules.error("participants[" + i + "]", "required", "A participant is a volunteer id.",
                        "ผู้เข้าร่วมต้องเป็นรหัสอาสาสมัคร"));
            } else if (!seen.add(id)) {
                errors.add(NetworkRules.error("participants[" + i + "]", "twice", "Each participant is named once.",
                        "ระบุผู้เข้าร่วมแต่ละคนครั้งเดียว"));
            } else {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Of the volunteers, those who were members of the network on the day. */
    private static Set<String> membersOn(EntityManager em, String networkId, List<String> volunteers, LocalDate day) {
        Set<String> members = new HashSet<>();
        java.sql.Date d = java.sql.Date.valueOf(day);
        for (int from = 0; from < volunteers.size(); from += 500) {
            members.addAll(em.createQuery("SELECT m.volunteerId FROM MembershipEntity m WHERE m.networkId = :n AND "
                    + "m.volunteerId IN :ids AND m.since <= :d AND (m.until IS NULL OR m.until >= :d)", String.class)
                    .setParameter("n", networkId).setParameter("d", d)
                    .setParameter("ids", volunteers.subList(from, Math.min(volunteers.size(), from + 500)))
                    .getResultList());
        }
        return members;
    }

    private static Map<String, List<String>> participantsOf(EntityManager em, List<String> activityIds) {
        Map<String, List<String>> byActivity = new HashMap<>();
        if (!activityIds.isEmpty()) {
            em.createQuery("SELECT p FROM ParticipationEntity p WHERE p.activityId IN :ids ORDER BY p.volunteerId",
                    ParticipationEntity.class).setParameter("ids", activityIds).getResultList()
                    .forEach(p -> byActivity.computeIfAbsent(p.activityId(), k -> new ArrayList<>()).add(p.volunteerId()));
        }
        return byActivity;
    }

    private static Map<String, Object> state(Activity a) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("networkId", a.networkId());
        state.put("date", a.date().toString());
        state.put("kind", a.kind());
        state.put("title", a.title());
        state.put("participants", a.participants().size());
        state.put("beneficiaries", a.beneficiaries());
        state.put("hours", a.hours().toPlainString());
        state.put("version", 1);
        return state;
    }
}
