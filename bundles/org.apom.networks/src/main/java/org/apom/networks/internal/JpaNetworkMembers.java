package org.apom.networks.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.apom.networks.api.Membership;
import org.apom.networks.api.NetworkMembers;
import org.apom.networks.internal.jpa.MembershipEntity;
import org.apom.networks.internal.jpa.NetworkEntity;
import org.apom.persistence.api.UniqueViolation;
import org.apom.registry.api.VolunteerStanding;
import org.apom.registry.api.VolunteerStandings;
import org.apom.registry.api.VolunteerStatus;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Memberships: joining checks the volunteer in the register (active, living in the network's area, readable by the
 * caller); leaving ends a membership and keeps it. A member on the current committee leaves only once a committee
 * without them is appointed.
 */
@Component(service = NetworkMembers.class)
public final class JpaNetworkMembers implements NetworkMembers {

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final VolunteerStandings standings;
    private final Clock clock;

    @Activate
    public JpaNetworkMembers(@Reference(target = "(osgi.unit.name=apom-networks)") JpaTemplate jpa,
            @Reference AuditTrail audit, @Reference VolunteerStandings standings,
            @Reference org.apom.networks.api.Networks schemaOwner) {
        // the networks service migrates the schema when it activates: referencing it orders this after that
        this(jpa, audit, standings, Clock.systemUTC());
    }

    JpaNetworkMembers(JpaTemplate jpa, AuditTrail audit, VolunteerStandings standings, Clock clock) {
        this.jpa = jpa;
        this.audit = audit;
        this.standings = standings;
        this.clock = clock;
    }

    @Override
    public Membership join(Caller caller, String networkId, String volunteerId, String since) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = NetworkAccess.today(clock);
        LocalDate from = NetworkRules.day("since", since, today, today, errors);
        String id = volunteerId == null ? "" : volunteerId.strip();
        if (id.isEmpty()) {
            errors.add(NetworkRules.error("volunteerId", "required", "Name the volunteer who joins.",
                    "ต้องระบุอาสาสมัครที่เข้าร่วม"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        VolunteerStanding volunteer = standings.of(caller, List.of(id)).get(id);
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                NetworkEntity network = NetworkAccess.findForChangeOfItself(em, caller, networkId);
                List<FieldError> wrong = new ArrayList<>();
                requireJoinable(network, volunteer, wrong);
                if (from.isBefore(network.foundedOn())) {
                    wrong.add(NetworkRules.error("since", "before-founded", "The network was founded on "
                            + network.foundedOn() + ": nobody was a member before.", "เครือข่ายก่อตั้งเมื่อ "
                                    + network.foundedOn() + " จึงยังไม่มีสมาชิกก่อนวันนั้น"));
                }
                if (!wrong.isEmpty()) {
                    throw ProblemException.invalid(wrong);
                }
                List<MembershipEntity> earlier = memberships(em, networkId, id);
                if (!earlier.isEmpty()) {
                    MembershipEntity last = earlier.get(0);
                    if (last.until() == null) {
                        throw alreadyMember();
                    }
                    if (!from.isAfter(last.until())) {
                        throw ProblemException.invalid(List.of(NetworkRules.error("since", "overlaps",
                                "The previous membership ended on " + last.until() + ": a new one starts after it.",
                                "การเป็นสมาชิกครั้งก่อนสิ้นสุดวันที่ " + last.until() + " ครั้งใหม่ต้องเริ่มหลังจากนั้น")));
                    }
                }
                MembershipEntity m = new MembershipEntity(UUID.randomUUID().toString(), networkId, id, from,
                        caller.name());
                em.persist(m);
                em.flush();
                audit.record(caller, "network.member-join", "network", networkId, network.province(), null,
                        state(m, network));
                return m.toMembership();
            });
        } catch (RuntimeException e) {
            if (UniqueViolation.in(e)) {
                throw alreadyMember();
            }
            throw e;
        }
    }

    @Override
    public Membership leave(Caller caller, String networkId, String volunteerId, String until, String reason) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = NetworkAccess.today(clock);
        LocalDate last = NetworkRules.day("until", until, today, today, errors);
        String why = NetworkRules.reason("reason", reason, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            NetworkEntity network = NetworkAccess.findForChangeOfItself(em, caller, networkId);
            MembershipEntity open = memberships(em, networkId, volunteerId).stream().filter(m -> m.until() == null)
                    .findFirst().orElseThrow(() -> ProblemException.notFound("not-a-member", LocalizedText.of(
                            "This volunteer is not a member of the network now.", "อาสาสมัครนี้ไม่ได้เป็นสมาชิกของเครือข่ายในขณะนี้")));
            if (last.isBefore(open.since())) {
                throw ProblemException.invalid(List.of(NetworkRules.error("until", "before-since",
                        "The membership began on " + open.since() + ": it cannot end before.",
                        "การเป็นสมาชิกเริ่มวันที่ " + open.since() + " จึงสิ้นสุดก่อนวันนั้นไม่ได้")));
            }
            if (onCommittee(em, networkId, volunteerId)) {
                throw ProblemException.conflict("on-committee", LocalizedText.of("This member sits on the current "
                        + "committee: appoint a committee without them first.",
                        "สมาชิกนี้อยู่ในคณะกรรมการชุดปัจจุบัน กรุณาแต่งตั้งคณะกรรมการชุดใหม่ก่อน"));
            }
            List<java.sql.Date> later = em.createQuery("SELECT p.date FROM ParticipationEntity p WHERE p.networkId = :n "
                    + "AND p.volunteerId = :v AND p.date > :d ORDER BY p.date DESC", java.sql.Date.class)
                    .setParameter("n", networkId).setParameter("v", volunteerId)
                    .setParameter("d", java.sql.Date.valueOf(last)).setMaxResults(1).getResultList();
            if (!later.isEmpty()) {
                throw ProblemException.conflict("has-later-activities", LocalizedText.of("This member took part in an "
                        + "activity on " + later.get(0) + ", after " + last + ": end the membership on that day or later.",
                        "สมาชิกนี้เข้าร่วมกิจกรรมเมื่อ " + later.get(0) + " หลังวันที่ " + last
                                + " กรุณาระบุวันสิ้นสุดตั้งแต่วันนั้น"));
            }
            Map<String, Object> before = state(open, network);
            open.end(last, caller.name(), why);
            em.flush();
            audit.record(caller, "network.member-leave", "network", networkId, network.province(), before,
                    state(open, network));
            return open.toMembership();
        });
    }

    @Override
    public List<Membership> memberships(Caller caller, String networkId, String volunteerId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            NetworkAccess.find(em, caller, networkId, Action.NETWORKS_READ);
            return memberships(em, networkId, volunteerId).stream().map(MembershipEntity::toMembership).toList();
        });
    }

    @Override
    public Page<Membership> members(Caller caller, String networkId, boolean history, PageRequest page) {
        String[] after = page.after() == null ? null : page.after().split("\u0000", 2);
        if (after != null && after.length != 2) {
            throw new InvalidValueException("cursor", LocalizedText.of("This cursor was not given by this list.",
                    "cursor นี้ไม่ได้มาจากรายการนี้"));
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            NetworkAccess.find(em, caller, networkId, Action.NETWORKS_READ);
            TypedQuery<MembershipEntity> q = em.createQuery("SELECT m FROM MembershipEntity m WHERE m.networkId = :n"
                    + (history ? "" : " AND m.openVolunteer IS NOT NULL")
                    + (after == null ? "" : " AND (m.volunteerId > :v OR m.volunteerId = :v AND m.id > :id)")
                    + " ORDER BY m.volunteerId, m.id", MembershipEntity.class).setParameter("n", networkId);
            if (after != null) {
                q.setParameter("v", after[0]).setParameter("id", after[1]);
            }
            List<MembershipEntity> found = q.setMaxResults(page.limit() + 1).getResultList();
            List<MembershipEntity> shown = found.subList(0, Math.min(page.limit(), found.size()));
            String next = null;
            if (found.size() > page.limit()) {
                MembershipEntity lastShown = shown.get(shown.size() - 1);
                next = PageRequest.encode(lastShown.toMembership().volunteerId() + "\u0000" + lastShown.id());
            }
            return new Page<>(shown.stream().map(MembershipEntity::toMembership).toList(), next);
        });
    }

    /** Whether the volunteer may join the network: in the register, active, and living in its area. */
    private static void requireJoinable(NetworkEntity network, VolunteerStanding v, List<FieldError> errors) {
        if (v == null) {
            errors.add(NetworkRules.error("volunteerId", "unknown-volunteer", "There is no such volunteer you may read.",
                    "ไม่พบอาสาสมัครที่ระบุ"));
            return;
        }
        if (v.mergedInto() != null) {
            errors.add(NetworkRules.error("volunteerId", "merged", "This record was merged into " + v.mergedInto()
                    + ": add that one.", "ระเบียนนี้ถูกรวมเข้ากับ " + v.mergedInto() + " แล้ว กรุณาใช้ระเบียนนั้น"));
        } else if (v.status() != VolunteerStatus.ACTIVE) {
            errors.add(NetworkRules.error("volunteerId", "not-active", "Only an active volunteer joins a network; this "
                    + "one is " + v.status() + ".", "เฉพาะอาสาสมัครที่ยังปฏิบัติหน้าที่ (ACTIVE) เข้าร่วมเครือข่ายได้"));
        } else if (network.areaCode() != null && !v.subdistrictCode().value().startsWith(network.areaCode())) {
            errors.add(NetworkRules.error("volunteerId", "outside-area", "This volunteer lives in subdistrict "
                    + v.subdistrictCode().value() + ", outside the network's area " + network.areaCode() + ".",
                    "อาสาสมัครนี้อยู่ในตำบล " + v.subdistrictCode().value() + " นอกพื้นที่ของเครือข่าย ("
                            + network.areaCode() + ")"));
        }
    }

    /** The volunteer's memberships of the network, latest first. */
    static List<MembershipEntity> memberships(EntityManager em, String networkId, String volunteerId) {
        return em.createQuery("SELECT m FROM MembershipEntity m WHERE m.networkId = :n AND m.volunteerId = :v "
                + "ORDER BY m.since DESC", MembershipEntity.class).setParameter("n", networkId)
                .setParameter("v", volunteerId).getResultList();
    }

    private static boolean onCommittee(EntityManager em, String networkId, String volunteerId) {
        return !em.createQuery("SELECT s.id FROM CommitteeSeatEntity s, CommitteeEntity c WHERE s.committeeId = c.id "
                + "AND c.networkId = :n AND c.replacedAt IS NULL AND s.volunteerId = :v", String.class)
                .setParameter("n", networkId).setParameter("v", volunteerId).setMaxResults(1).getResultList().isEmpty();
    }

    private static Map<String, Object> state(MembershipEntity m, NetworkEntity network) {
        Membership ms = m.toMembership();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("volunteerId", ms.volunteerId());
        state.put("since", ms.since().toString());
        state.put("until", ms.until() == null ? null : ms.until().toString());
        state.put("reason", ms.endReason());
        state.put("version", network.version());
        return state;
    }

    private static ProblemException alreadyMember() {
        return ProblemException.conflict("already-member", LocalizedText.of("This volunteer is a member already.",
                "อาสาสมัครนี้เป็นสมาชิกอยู่แล้ว"));
    }
}
