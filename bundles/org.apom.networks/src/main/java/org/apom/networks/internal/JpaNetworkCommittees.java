package org.apom.networks.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.PastDay;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.Preconditions;
import org.apom.core.api.problem.ProblemException;
import org.apom.networks.api.Committee;
import org.apom.networks.api.CommitteeInput;
import org.apom.networks.api.CommitteePosition;
import org.apom.networks.api.CommitteeSeat;
import org.apom.networks.api.NetworkCommittees;
import org.apom.networks.api.Networks;
import org.apom.networks.internal.jpa.CommitteeEntity;
import org.apom.networks.internal.jpa.CommitteeSeatEntity;
import org.apom.networks.internal.jpa.NetworkEntity;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Committees: an appointment replaces the current committee (kept, with when it was replaced) in one transaction.
 * The network's committee version moves by a compare-and-set in SQL, so two appointments made from the same reading
 * cannot both replace it: one gets 412.
 */
@Component(service = NetworkCommittees.class)
public final class JpaNetworkCommittees implements NetworkCommittees {

    static final int MAX_SEATS = 100;
    /** How far ahead a term may be set to start, and how long it may last. */
    static final int MAX_TERM_YEARS = 10;

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final Clock clock;

    @Activate
    public JpaNetworkCommittees(@Reference(target = "(osgi.unit.name=apom-networks)") JpaTemplate jpa,
            @Reference AuditTrail audit, @Reference Networks schemaOwner) {
        // the networks service migrates the schema when it activates: referencing it orders this after that
        this(jpa, audit, Clock.systemUTC());
    }

    JpaNetworkCommittees(JpaTemplate jpa, AuditTrail audit, Clock clock) {
        this.jpa = jpa;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<Committee> current(Caller caller, String networkId) {
        return history(caller, networkId).stream().filter(c -> c.replacedAt() == null).findFirst();
    }

    @Override
    public List<Committee> history(Caller caller, String networkId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            NetworkAccess.find(em, caller, networkId, Action.NETWORKS_READ);
            return committees(em, networkId);
        });
    }

    @Override
    public Committee appoint(Caller caller, String networkId, CommitteeInput input, long expectedVersion) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = NetworkAccess.today(clock);
        LocalDate start = termDay("termStart", input.termStart(), today, errors);
        LocalDate end = termDay("termEnd", input.termEnd(), today, errors);
        if (start != null && end != null && (!end.isAfter(start) || end.isAfter(start.plusYears(MAX_TERM_YEARS)))) {
            errors.add(NetworkRules.error("termEnd", "invalid-term", "A term ends after it starts, within "
                    + MAX_TERM_YEARS + " years.", "วาระต้องสิ้นสุดหลังวันเริ่ม และไม่เกิน " + MAX_TERM_YEARS + " ปี"));
        }
        List<CommitteeSeat> seats = seats(input.seats(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            NetworkEntity network = NetworkAccess.findForChangeOfItself(em, caller, networkId);
            long current = network.committeeVersion();
            if (expectedVersion != Preconditions.ANY && expectedVersion != current) {
                throw Preconditions.stale();
            }
            Set<String> members = new HashSet<>(em.createQuery("SELECT m.volunteerId FROM MembershipEntity m WHERE "
                    + "m.networkId = :n AND m.openVolunteer IS NOT NULL AND m.volunteerId IN :ids", String.class)
                    .setParameter("n", networkId).setParameter("ids", seats.stream().map(CommitteeSeat::volunteerId)
                            .toList()).getResultList());
            List<FieldError> notMembers = new ArrayList<>();
            for (int i = 0; i < seats.size(); i++) {
                if (!members.contains(seats.get(i).volunteerId())) {
                    notMembers.add(NetworkRules.error("seats[" + i + "].volunteerId", "not-a-member",
                            "A committee seat is for a current member of the network.",
                            "กรรมการต้องเป็นสมาชิกปัจจุบันของเครือข่าย"));
                }
            }
            if (!notMembers.isEmpty()) {
                throw ProblemException.invalid(notMembers);
            }
            if (em.createNativeQuery("UPDATE NET_NETWORK SET COMMITTEE_VERSION = COMMITTEE_VERSION + 1 WHERE ID = ? "
                    + "AND COMMITTEE_VERSION = ?").setParameter(1, networkId).setParameter(2, current)
                    .executeUpdate() != 1) {
                throw Preconditions.stale();
            }
            Map<String, Object> before = null;
            for (CommitteeEntity old : em.createQuery("SELECT c FROM CommitteeEntity c WHERE c.networkId = :n AND "
                    + "c.replacedAt IS NULL", CommitteeEntity.class).setParameter("n", networkId).getResultList()) {
                before = state(old.toCommittee(seatsOf(em, old.id())));
                old.replaced(clock.instant());
            }
            CommitteeEntity appointed = new CommitteeEntity(UUID.randomUUID().toString(), networkId, current + 1,
                    start, end, caller.name(), clock.instant());
            em.persist(appointed);
            for (int i = 0; i < seats.size(); i++) {
                em.persist(new CommitteeSeatEntity(appointed.id(), seats.get(i), i));
            }
            em.flush();
            Committee committee = appointed.toCommittee(seats);
            Map<String, Object> after = state(committee);
            after.put("version", network.version());
            audit.record(caller, "network.committee", "network", networkId, network.province(), before, after);
            return committee;
        });
    }

    private static LocalDate termDay(String field, String text, LocalDate today, List<FieldError> errors) {
        try {
            // a term may be appointed ahead of its start: a day within the next term's reach is accepted
            return PastDay.parse(text, today.plusYears(MAX_TERM_YEARS));
        } catch (InvalidValueException e) {
            errors.add(FieldError.of(field, e));
            return null;
        }
    }

    /** The seats as given: one chair, at most one of each other officer, nobody twice. */
    private static List<CommitteeSeat> seats(List<CommitteeInput.Seat> given, List<FieldError> errors) {
        if (given == null || given.isEmpty() || given.size() > MAX_SEATS) {
            errors.add(NetworkRules.error("seats", "size", "A committee has 1 to " + MAX_SEATS + " seats, one of them "
                    + "the chair.", "คณะกรรมการมี 1 ถึง " + MAX_SEATS + " ที่นั่ง และต้องมีประธาน"));
            return List.of();
        }
        List<CommitteeSeat> seats = new ArrayList<>();
        Map<CommitteePosition, Integer> officers = new EnumMap<>(CommitteePosition.class);
        Set<String> seated = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            CommitteeInput.Seat s = given.get(i);
            String field = "seats[" + i + "]";
            String volunteer = s == null || s.volunteerId() == null ? "" : s.volunteerId().strip();
            CommitteePosition position = null;
            try {
                position = s == null || s.position() == null ? null
                        : CommitteePosition.valueOf(s.position().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // answered below
            }
            if (volunteer.isEmpty() || volunteer.length() > 40) {
                errors.add(NetworkRules.error(field + ".volunteerId", "required", "Each seat names a member.",
                        "ทุกที่นั่งต้องระบุสมาชิก"));
            } else if (!seated.add(volunteer)) {
                errors.add(NetworkRules.error(field + ".volunteerId", "twice", "A member holds one seat.",
                        "สมาชิกหนึ่งคนดำรงตำแหน่งได้ตำแหน่งเดียว"));
            }
            if (position == null) {
                errors.add(NetworkRules.error(field + ".position", "unknown", "The position is CHAIR, VICE_CHAIR, "
                        + "SECRETARY, TREASURER or MEMBER.", "ตำแหน่งต้องเป็น CHAIR, VICE_CHAIR, SECRETARY, TREASURER "
                                + "หรือ MEMBER"));
            } else if (position != CommitteePosition.MEMBER && officers.merge(position, 1, Integer::sum) > 1) {
                errors.add(NetworkRules.error(field + ".position", "twice", "A committee has one " + position + ".",
                        "คณะกรรมการมี " + position + " ได้คนเดียว"));
            }
            if (position != null && !volunteer.isEmpty()) {
                seats.add(new CommitteeSeat(volunteer, position));
            }
        }
        if (!officers.containsKey(CommitteePosition.CHAIR)) {
            errors.add(NetworkRules.error("seats", "no-chair", "A committee has a chair.", "คณะกรรมการต้องมีประธาน"));
        }
        return seats;
    }

    private static List<Committee> committees(EntityManager em, String networkId) {
        List<Committee> all = new ArrayList<>();
        for (CommitteeEntity c : em.createQuery("SELECT c FROM CommitteeEntity c WHERE c.networkId = :n "
                + "ORDER BY c.number DESC", CommitteeEntity.class).setParameter("n", networkId).getResultList()) {
            all.add(c.toCommittee(seatsOf(em, c.id())));
        }
        return all;
    }

    private static List<CommitteeSeat> seatsOf(EntityManager em, String committeeId) {
        return em.createQuery("SELECT s FROM CommitteeSeatEntity s WHERE s.committeeId = :c ORDER BY s.seatOrder",
                CommitteeSeatEntity.class).setParameter("c", committeeId).getResultList().stream()
                .map(CommitteeSeatEntity::toSeat).toList();
    }

    private static Map<String, Object> state(Committee c) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("termStart", c.termStart().toString());
        state.put("termEnd", c.termEnd().toString());
        state.put("seats", c.seats().stream().map(s -> s.position() + ":" + s.volunteerId()).toList());
        state.put("committeeVersion", c.version());
        return state;
    }
}
