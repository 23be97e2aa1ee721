package org.apom.networks.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.FiscalYear;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.networks.api.CommitteePosition;
import org.apom.networks.api.NetworkLevel;
import org.apom.networks.api.NetworkPosition;
import org.apom.networks.api.ServiceRecord;
import org.apom.networks.api.ServiceRecords;
import org.apom.networks.api.ServiceYear;
import org.apom.registry.api.VolunteerStanding;
import org.apom.registry.api.VolunteerStandings;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A volunteer's service, read in three short queries by the volunteer's id (memberships, current committee seats,
 * participations, each indexed by volunteer): a person's whole history is a few hundred rows at most.
 */
@Component(service = ServiceRecords.class)
public final class JpaServiceRecords implements ServiceRecords {

    /** More years than any honour looks back over; a longer stretch is a mistake, not a question. */
    static final int MAX_YEARS = 60;

    private final JpaTemplate jpa;
    private final VolunteerStandings standings;
    private final Clock clock;

    @Activate
    public JpaServiceRecords(@Reference(target = "(osgi.unit.name=apom-networks)") JpaTemplate jpa,
            @Reference VolunteerStandings standings, @Reference org.apom.networks.api.Networks schemaOwner) {
        // the networks service migrates the schema when it activates: referencing it orders this after that
        this(jpa, standings, Clock.systemUTC());
    }

    JpaServiceRecords(JpaTemplate jpa, VolunteerStandings standings, Clock clock) {
        this.jpa = jpa;
        this.standings = standings;
        this.clock = clock;
    }

    @Override
    public ServiceRecord of(Caller caller, String volunteerId, FiscalYear from, FiscalYear to) {
        AccessPolicy.requireAny(caller, Action.NETWORKS_READ);
        if (to.compareTo(from) < 0 || to.buddhistYear() - from.buddhistYear() >= MAX_YEARS) {
            throw ProblemException.badRequest("invalid-parameter", LocalizedText.of(
                    "Ask for 1 to " + MAX_YEARS + " fiscal years, the first not after the last.",
                    "ระบุปีงบประมาณ 1 ถึง " + MAX_YEARS + " ปี โดยปีแรกไม่อยู่หลังปีสุดท้าย"));
        }
        VolunteerStanding volunteer = volunteerId == null ? null
                : standings.of(caller, List.of(volunteerId)).get(volunteerId);
        if (volunteer == null || !AccessPolicy.allows(caller, Action.NETWORKS_READ, volunteer.provinceCode())) {
            throw ProblemException.notFound("not-found", LocalizedText.of("There is no such volunteer.",
                    "ไม่พบอาสาสมัครที่ระบุ"));
        }
        LocalDate today = NetworkAccess.today(clock);
        return jpa.txExpr(TransactionType.Supports, em -> new ServiceRecord(volunteerId,
                positions(em, caller, volunteerId, today), years(em, volunteerId, from, to)));
    }

    private static List<NetworkPosition> positions(EntityManager em, Caller caller, String volunteerId,
            LocalDate today) {
        Map<String, CommitteePosition> seats = new HashMap<>();
        for (Object[] s : rows(em.createNativeQuery("SELECT c.NETWORK_ID, s.SEAT_POSITION FROM NET_COMMITTEE_SEAT s "
                + "JOIN NET_COMMITTEE c ON c.ID = s.COMMITTEE_ID WHERE s.VOLUNTEER_ID = ? AND c.REPLACED_AT IS NULL "
                + "AND c.TERM_START <= ? AND c.TERM_END >= ?").setParameter(1, volunteerId)
                .setParameter(2, Date.valueOf(today)).setParameter(3, Date.valueOf(today)))) {
            seats.put((String) s[0], CommitteePosition.valueOf((String) s[1]));
        }
        List<NetworkPosition> positions = new ArrayList<>();
        for (Object[] m : rows(em.createNativeQuery("SELECT n.ID, n.NAME, n.LEVEL_CODE, n.PROVINCE, m.MEMBER_FROM "
                + "FROM NET_MEMBERSHIP m JOIN NET_NETWORK n ON n.ID = m.NETWORK_ID WHERE m.VOLUNTEER_ID = ? "
                + "AND m.MEMBER_FROM <= ? AND (m.MEMBER_UNTIL IS NULL OR m.MEMBER_UNTIL >= ?) ORDER BY n.NAME, n.ID")
                .setParameter(1, volunteerId).setParameter(2, Date.valueOf(today))
                .setParameter(3, Date.valueOf(today)))) {
            ProvinceCode province = m[3] == null ? null : ProvinceCode.of((String) m[3]);
            // a national network is national data: only those who read it see that the volunteer sits there
            if (AccessPolicy.allows(caller, Action.NETWORKS_READ, province)) {
                positions.add(new NetworkPosition((String) m[0], (String) m[1], NetworkLevel.valueOf((String) m[2]),
                        ((Date) m[4]).toLocalDate(), seats.get((String) m[0])));
            }
        }
        return positions;
    }

    private static List<ServiceYear> years(EntityManager em, String volunteerId, FiscalYear from, FiscalYear to) {
        Map<Integer, Tally> tallies = new TreeMap<>();
        for (int y = from.buddhistYear(); y <= to.buddhistYear(); y++) {
            tallies.put(y, new Tally());
        }
        for (Object[] a : rows(em.createNativeQuery("SELECT a.ACTIVITY_DATE, a.KIND, a.HOURS, a.BENEFICIARIES "
                + "FROM NET_PARTICIPATION p JOIN NET_ACTIVITY a ON a.ID = p.ACTIVITY_ID WHERE p.VOLUNTEER_ID = ? "
                + "AND p.ACTIVITY_DATE >= ? AND p.ACTIVITY_DATE <= ?").setParameter(1, volunteerId)
                .setParameter(2, Date.valueOf(from.start())).setParameter(3, Date.valueOf(to.end())))) {
            Tally t = tallies.get(FiscalYear.of(((Date) a[0]).toLocalDate()).buddhistYear());
            t.activities++;
            t.hours = t.hours.add((BigDecimal) a[2]);
            t.beneficiaries += ((Number) a[3]).intValue();
            t.byKind.merge((String) a[1], 1, Integer::sum);
        }
        List<ServiceYear> years = new ArrayList<>();
        tallies.forEach((y, t) -> years.add(new ServiceYear(y, t.activities, t.hours, t.beneficiaries, t.byKind)));
        return years;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private static final class Tally {
        int activities;
        BigDecimal hours = BigDecimal.ZERO;
        int beneficiaries;
        Map<String, Integer> byKind = new TreeMap<>();
    }
}
