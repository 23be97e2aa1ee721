package org.apom.networks.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.FiscalYear;
import org.apom.core.api.ProvinceCode;
import org.apom.networks.api.CommitteePosition;
import org.apom.networks.api.NetworkLevel;
import org.apom.networks.api.NetworkYear;
import org.apom.networks.api.NetworkYearFacts;
import org.apom.networks.api.Networks;
import org.apom.registry.api.VolunteerStandings;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fiscal year's facts of every network in scope, set-based: one query for the networks, one grouped query over the
 * year's activities, one over committees and their officers' seats, memberships on the day a page at a time, and one
 * pass over the register's standings, joined in memory by id. No query is made per network.
 */
@Component(service = NetworkYearFacts.class)
public final class JpaNetworkYearFacts implements NetworkYearFacts {

    private static final int PAGE = 20_000;
    private static final Logger LOG = LoggerFactory.getLogger(JpaNetworkYearFacts.class);
    private static final Set<CommitteePosition> OFFICERS = EnumSet.of(CommitteePosition.CHAIR,
            CommitteePosition.VICE_CHAIR, CommitteePosition.SECRETARY, CommitteePosition.TREASURER);

    private final JpaTemplate jpa;
    private final VolunteerStandings standings;
    private final Clock clock;
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "apom-network-facts");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public JpaNetworkYearFacts(@Reference(target = "(osgi.unit.name=apom-networks)") JpaTemplate jpa,
            @Reference VolunteerStandings standings, @Reference Networks schemaOwner) {
        // the networks service migrates the schema when it activates: referencing it orders this after that
        this(jpa, standings, Clock.systemUTC());
    }

    JpaNetworkYearFacts(JpaTemplate jpa, VolunteerStandings standings, Clock clock) {
        this.jpa = jpa;
        this.standings = standings;
        this.clock = clock;
    }

    @Deactivate
    void deactivate() {
        background.shutdownNow();
    }

    /** One network's counters while they are summed. */
    private static final class Tally {
        final Object[] network;
        int members;
        int active;
        int verified;
        int activities;
        int months;
        int participations;
        BigDecimal hours = BigDecimal.ZERO;
        long beneficiaries;
        boolean complete;
        boolean inTerm;

        Tally(Object[] network) {
            this.network = network;
        }

        void active(boolean verifiedToo) {
            active++;
            if (verifiedToo) {
                verified++;
            }
        }
    }

    @Override
    public void gather(Caller caller, FiscalYear year, ProvinceCode province, Consumer<NetworkYear> consumer) {
        Reach reach = AccessPolicy.requireAny(caller, Action.NETWORKS_READ);
        ProvinceCode only = province != null ? province : reach == Reach.ALL ? null : caller.province();
        if (only != null && !AccessPolicy.allows(caller, Action.NETWORKS_READ, only)) {
            return;
        }
        LocalDate today = NetworkAccess.today(clock);
        LocalDate asOf = year.end().isBefore(today) ? year.end() : today;
        if (asOf.isBefore(year.start())) {
            return; // a fiscal year that has not begun has no facts
        }
        long[] at = new long[6];
        at[0] = System.nanoTime();
        Map<String, Tally> tallies = jpa.txExpr(TransactionType.Supports, em -> networks(em, only, asOf));
        at[1] = System.nanoTime();
        // the year's activities are grouped by the database while this thread reads memberships and the register:
        // on a national run the grouping is the longest single wait, and the two need different processors
        Future<List<Object[]>> activities = background.submit(() -> jpa.txExpr(TransactionType.Supports,
                em -> activities(em, only, year.start(), asOf)));
        Map<String, Object> byVolunteer;
        boolean read = false;
        try {
            jpa.tx(TransactionType.Supports, em -> committees(em, asOf, tallies));
            at[2] = System.nanoTime();
            byVolunteer = memberships(asOf, tallies);
            at[3] = System.nanoTime();
            // the register's active records once, a page at a time: a national run reads every province's, a
            // province's its own
            standings.forEachActive(caller, only, asOf.minusMonths(12), asOf, (id, verified) -> {
                Object of = byVolunteer.get(id);
                if (of instanceof Tally t) {
                    t.active(verified);
                } else if (of != null) {
                    for (Tally t : (Tally[]) of) {
                        t.active(verified);
                    }
                }
            });
            read = true;
        } finally {
            if (!read) {
                // a failure here leaves no grouping running for nobody
                activities.cancel(true);
            }
        }
        at[4] = System.nanoTime();
        count(join(activities), tallies);
        at[5] = System.nanoTime();
        // where a national run's first phase goes, for whoever tunes it (benchmarks/tiering.sh)
        LOG.info("Facts of {} networks for fiscal year {} in {} ms: networks {}, committees {}, memberships {} ({} "
                + "volunteers), register {}, then waited {} for the activities", tallies.size(), year,
                ms(at[0], at[5]), ms(at[0], at[1]), ms(at[1], at[2]), ms(at[2], at[3]), byVolunteer.size(),
                ms(at[3], at[4]), ms(at[4], at[5]));
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            Object[] n = t.network;
            consumer.accept(new NetworkYear(e.getKey(), (String) n[1], NetworkLevel.valueOf((String) n[2]),
                    (String) n[3], n[4] == null ? null : ProvinceCode.of((String) n[4]), ((Date) n[5]).toLocalDate(),
                    asOf, t.members, t.active, t.verified, t.activities, t.months, t.participations, t.hours,
                    t.beneficiaries, t.complete, t.inTerm));
        }
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while the activities were counted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static Tally[] append(Tally[] several, Tally one) {
        Tally[] more = Arrays.copyOf(several, several.length + 1);
        more[several.length] = one;
        return more;
    }

    /** A native query's rows: plain SQL here, as JPQL's projection of a million rows costs more than reading them. */
    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static Map<String, Tally> networks(EntityManager em, ProvinceCode only, LocalDate asOf) {
        Query q = em.createNativeQuery("SELECT ID, NAME, LEVEL_CODE, AREA_CODE, PROVINCE, FOUNDED_ON FROM NET_NETWORK "
                + "WHERE FOUNDED_ON <= ?" + (only == null ? "" : " AND PROVINCE = ?"))
                .setParameter(1, Date.valueOf(asOf));
        if (only != null) {
            q.setParameter(2, only.value());
        }
        Map<String, Tally> byId = new HashMap<>();
        rows(q).forEach(r -> byId.put((String) r[0], new Tally(r)));
        return byId;
    }

    private static List<Object[]> activities(EntityManager em, ProvinceCode only, LocalDate from, LocalDate to) {
        Query q = em.createNativeQuery("SELECT NETWORK_ID, COUNT(*), COUNT(DISTINCT ACTIVITY_MONTH), "
                + "SUM(CAST(PARTICIPANT_COUNT AS BIGINT)), SUM(PERSON_HOURS), SUM(CAST(BENEFICIARIES AS BIGINT)) "
                + "FROM NET_ACTIVITY WHERE ACTIVITY_DATE >= ? AND ACTIVITY_DATE <= ?"
                + (only == null ? "" : " AND PROVINCE = ?") + " GROUP BY NETWORK_ID")
                .setParameter(1, Date.valueOf(from)).setParameter(2, Date.valueOf(to));
        if (only != null) {
            q.setParameter(3, only.value());
        }
        return rows(q);
    }

    private static void count(List<Object[]> activities, Map<String, Tally> byId) {
        for (Object[] r : activities) {
            Tally t = byId.get((String) r[0]);
            if (t != null) {
                t.activities = ((Number) r[1]).intValue();
                t.months = ((Number) r[2]).intValue();
                t.participations = ((Number) r[3]).intValue();
                t.hours = r[4] == null ? BigDecimal.ZERO : new BigDecimal(r[4].toString());
                t.beneficiaries = ((Number) r[5]).longValue();
            }
        }
    }

    /**
     * The committee whose term covered the day, the latest appointed of them when several did (a committee recorded
     * late, for a term already under way, counts for that term): complete when its four officers are seated.
     */
    private static void committees(EntityManager em, LocalDate asOf, Map<String, Tally> byId) {
        Date day = Date.valueOf(asOf);
        Map<String, Object[]> chosen = new HashMap<>();
        for (Object[] c : rows(em.createNativeQuery("SELECT ID, NETWORK_ID, COMMITTEE_NO FROM NET_COMMITTEE WHERE "
                + "TERM_START <= ? AND TERM_END >= ?").setParameter(1, day).setParameter(2, day))) {
            if (byId.containsKey((String) c[1])) {
                chosen.merge((String) c[1], c, (x, y) -> ((Number) x[2]).longValue() >= ((Number) y[2]).longValue()
                        ? x : y);
            }
        }
        Map<String, Tally> byCommittee = new HashMap<>();
        chosen.values().forEach(c -> {
            Tally t = byId.get((String) c[1]);
            t.inTerm = true;
            byCommittee.put((String) c[0], t);
        });
        Map<Tally, Set<CommitteePosition>> officers = new HashMap<>();
        for (Object[] s : rows(em.createNativeQuery("SELECT COMMITTEE_ID, SEAT_POSITION FROM NET_COMMITTEE_SEAT "
                + "WHERE SEAT_POSITION <> 'MEMBER'"))) {
            Tally t = byCommittee.get((String) s[0]);
            if (t != null) {
                officers.computeIfAbsent(t, k -> EnumSet.noneOf(CommitteePosition.class))
                        .add(CommitteePosition.valueOf((String) s[1]));
            }
        }
        officers.forEach((t, seated) -> t.complete = seated.containsAll(OFFICERS));
    }

    /**
     * Members on the day, a page at a time: each network's count, and the networks of each volunteer (a tally, or
     * for one in several networks an array of them: most belong to one, and a million lists were the run's garbage).
     */
    private Map<String, Object> memberships(LocalDate asOf, Map<String, Tally> tallies) {
        Map<String, Object> byVolunteer = new HashMap<>();
        String after = "";
        Date day = Date.valueOf(asOf);
        while (true) {
            String from = after;
            List<Object[]> page = jpa.txExpr(TransactionType.Supports, em -> rows(em.createNativeQuery("SELECT ID, "
                    + "NETWORK_ID, VOLUNTEER_ID FROM NET_MEMBERSHIP WHERE ID > ? AND MEMBER_FROM <= ? AND "
                    + "(MEMBER_UNTIL IS NULL OR MEMBER_UNTIL >= ?) ORDER BY ID FETCH FIRST " + PAGE + " ROWS ONLY")
                    .setParameter(1, from).setParameter(2, day).setParameter(3, day)));
            for (Object[] m : page) {
                Tally t = tallies.get((String) m[1]);
                if (t != null) {
                    t.members++;
                    byVolunteer.merge((String) m[2], t, (had, one) -> had instanceof Tally[] several
                            ? append(several, t) : new Tally[] {(Tally) had, t});
                }
            }
            if (page.size() < PAGE) {
                return byVolunteer;
            }
            after = (String) page.get(page.size() - 1)[0];
        }
    }
}
