package org.apom.networks.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.areas.api.AreaDirectory;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.Preconditions;
import org.apom.core.api.problem.ProblemException;
import org.apom.networks.api.CurrentTier;
import org.apom.networks.api.Network;
import org.apom.networks.api.NetworkInput;
import org.apom.networks.api.NetworkLevel;
import org.apom.networks.api.NetworkQuery;
import org.apom.networks.api.Networks;
import org.apom.networks.internal.jpa.NetworkEntity;
import org.apom.networks.internal.jpa.NetworkTierEntity;
import org.apom.persistence.api.SchemaMigrator;
import org.apom.persistence.api.UniqueViolation;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The networks themselves; their people and activities are {@link JpaNetworkMembers} and the others. */
@Component(service = Networks.class)
public final class JpaNetworks implements Networks {

    static final String CHANGELOG = "db/networks/changelog.xml";
    private static final Set<String> CHANGEABLE = Set.of("name", "foundedOn");

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final AreaDirectory areas;
    private final Clock clock;

    @Activate
    public JpaNetworks(@Reference(target = "(osgi.unit.name=apom-networks)") JpaTemplate jpa,
            @Reference SchemaMigrator migrator, @Reference AuditTrail audit, @Reference AreaDirectory areas) {
        this(jpa, audit, areas, Clock.systemUTC());
        migrator.migrate(CHANGELOG, JpaNetworks.class.getClassLoader());
    }

    JpaNetworks(JpaTemplate jpa, AuditTrail audit, AreaDirectory areas, Clock clock) {
        this.jpa = jpa;
        this.audit = audit;
        this.areas = areas;
        this.clock = clock;
    }

    @Override
    public Network create(Caller caller, NetworkInput input) {
        AccessPolicy.requireAny(caller, Action.NETWORKS_WRITE);
        List<FieldError> errors = new ArrayList<>();
        String name = NetworkRules.text("name", input.name(), errors);
        NetworkLevel level = NetworkRules.level(input.level(), errors);
        String area = level == null ? null : NetworkRules.area(level, input.areaCode(), areas, errors);
        LocalDate today = NetworkAccess.today(clock);
        LocalDate founded = NetworkRules.day("foundedOn", input.foundedOn(), today, today, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ProvinceCode province = area == null ? null : ProvinceCode.of(area.substring(0, 2));
        if (!AccessPolicy.allows(caller, Action.NETWORKS_WRITE, province)) {
            throw new ProblemException(403, "forbidden", LocalizedText.of(province == null
                    ? "Only central callers keep national networks." : "You may create networks only in your own "
                            + "province.", province == null ? "เฉพาะผู้ดูแลส่วนกลางจัดการเครือข่ายระดับประเทศได้"
                                    : "คุณสร้างเครือข่ายได้เฉพาะในจังหวัดของคุณ"), List.of());
        }
        NetworkEntity network = new NetworkEntity(UUID.randomUUID().toString(), name, level, area, province, founded,
                caller.name(), clock.instant());
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                em.persist(network);
                em.flush();
                // after the network's row, which its foreign key names
                em.persist(new NetworkTierEntity(network.id()));
                audit.record(caller, "network.create", "network", network.id(), province, null,
                        NetworkAccess.state(network));
                return network.toNetwork(0, null);
            });
        } catch (RuntimeException e) {
            if (UniqueViolation.in(e)) {
                throw duplicate(name);
            }
            throw e;
        }
    }

    @Override
    public Network get(Caller caller, String id) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            NetworkEntity n = NetworkAccess.find(em, caller, id, Action.NETWORKS_READ);
            return n.toNetwork(memberCounts(em, List.of(n.id())).getOrDefault(n.id(), 0), tier(em, caller, n));
        });
    }

    /** The network's latest grading, if the caller may read it. */
    private static CurrentTier tier(EntityManager em, Caller caller, NetworkEntity n) {
        if (!gradesVisible(caller, n)) {
            return null;
        }
        NetworkTierEntity t = em.find(NetworkTierEntity.class, n.id());
        return t == null ? null : t.current();
    }

    /** The grading is its own right: a token for networks alone does not read their tiers. */
    private static boolean gradesVisible(Caller caller, NetworkEntity n) {
        return AccessPolicy.allows(caller, Action.TIERING_READ, n.province());
    }

    @Override
    public Page<Network> search(Caller caller, NetworkQuery query, PageRequest page) {
        Reach reach = AccessPolicy.requireAny(caller, Action.NETWORKS_READ);
        ProvinceCode province = query.province();
        if (reach == Reach.OWN) {
            if (province != null && !province.equals(caller.province())) {
                return new Page<>(List.of(), null);
            }
            province = caller.province();
        }
        if (query.tier() != null) {
            // filtering by tier reads the grading: within the caller's reach of tiering:read, not of networks:read
            Reach grades = AccessPolicy.reach(caller, Action.TIERING_READ);
            if (grades == Reach.NONE) {
                throw AccessPolicy.forbidden(Action.TIERING_READ);
            }
            if (grades == Reach.OWN) {
                if (province != null && !province.equals(caller.province())) {
                    return new Page<>(List.of(), null);
                }
                province = caller.province();
            }
        }
        String[] after = page.after() == null ? null : cursor(page.after());
        ProvinceCode only = province;
        return jpa.txExpr(TransactionType.Supports, em -> {
            StringBuilder jpql = new StringBuilder("SELECT n FROM NetworkEntity n WHERE 1 = 1");
            if (only != null) {
                jpql.append(" AND n.province = :province");
            }
            if (query.level() != null) {
                jpql.append(" AND n.level = :level");
            }
            if (query.areaCode() != null) {
                jpql.append(" AND n.areaCode = :area");
            }
            if (query.tier() != null) {
                jpql.append(" AND n.id IN (SELECT t.networkId FROM NetworkTierEntity t WHERE t.tier = :tier)");
            }
            if (after != null) {
                jpql.append(" AND (n.name > :name OR n.name = :name AND n.id > :id)");
            }
            TypedQuery<NetworkEntity> q = em.createQuery(jpql + " ORDER BY n.name, n.id", NetworkEntity.class);
            if (only != null) {
                q.setParameter("province", only.value());
            }
            if (query.level() != null) {
                q.setParameter("level", query.level().name());
            }
            if (query.areaCode() != null) {
                q.setParameter("area", query.areaCode());
            }
            if (query.tier() != null) {
                q.setParameter("tier", query.tier());
            }
            if (after != null) {
                q.setParameter("name", after[0]).setParameter("id", after[1]);
            }
            List<NetworkEntity> found = q.setMaxResults(page.limit() + 1).getResultList();
            List<NetworkEntity> shown = found.subList(0, Math.min(page.limit(), found.size()));
            Map<String, Integer> counts = memberCounts(em, shown.stream().map(NetworkEntity::id).toList());
            String next = found.size() > page.limit() ? PageRequest.encode(shown.get(shown.size() - 1).name()
                    + "\u0000" + shown.get(shown.size() - 1).id()) : null;
            Map<String, CurrentTier> tiers = new HashMap<>();
            List<String> graded = shown.stream().filter(n -> gradesVisible(caller, n)).map(NetworkEntity::id).toList();
            if (!graded.isEmpty()) {
                em.createQuery("SELECT t FROM NetworkTierEntity t WHERE t.networkId IN :ids", NetworkTierEntity.class)
                        .setParameter("ids", graded).getResultList().stream().filter(t -> t.current() != null)
                        .forEach(t -> tiers.put(t.networkId(), t.current()));
            }
            return new Page<>(shown.stream().map(n -> n.toNetwork(counts.getOrDefault(n.id(), 0),
                    tiers.get(n.id()))).toList(), next);
        });
    }

    @Override
    public Network update(Caller caller, String id, Map<String, String> changes, long expectedVersion) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : changes.keySet()) {
            if (!CHANGEABLE.contains(field)) {
                errors.add(NetworkRules.error(field, "not-changeable", "Only name and foundedOn change; a network at "
                        + "another level or area is another network.", "แก้ไขได้เฉพาะ name และ foundedOn"));
            }
        }
        String name = changes.containsKey("name") ? NetworkRules.text("name", changes.get("name"), errors) : null;
        LocalDate founded = changes.containsKey("foundedOn")
                ? NetworkRules.day("foundedOn", changes.get("foundedOn"), NetworkAccess.today(clock), null, errors)
                : null;
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                NetworkEntity n = NetworkAccess.findForChange(em, caller, id);
                if (expectedVersion != Preconditions.ANY && expectedVersion != n.version()) {
                    throw Preconditions.stale();
                }
                if (founded != null) {
                    requireNothingBefore(em, n.id(), founded);
                }
                Map<String, Object> before = NetworkAccess.state(n);
                if (name != null) {
                    n.name(name);
                }
                if (founded != null) {
                    n.foundedOn(founded);
                }
                em.flush();
                Map<String, Object> after = NetworkAccess.state(n);
                if (!after.equals(before)) {
                    audit.record(caller, "network.update", "network", n.id(), n.province(), before, after);
                }
                return n.toNetwork(memberCounts(em, List.of(n.id())).getOrDefault(n.id(), 0),
                        tier(em, caller, n));
            });
        } catch (RuntimeException e) {
            if (UniqueViolation.in(e)) {
                throw duplicate(name);
            }
            if (e.getClass().getSimpleName().equals("OptimisticLockException")
                    || e.getCause() != null && e.getCause().getClass().getSimpleName().equals("OptimisticLockException")) {
                throw Preconditions.stale();
            }
            throw e;
        }
    }

    /** A network was founded before its first member joined and its first activity: 422 otherwise. */
    private static void requireNothingBefore(EntityManager em, String networkId, LocalDate founded) {
        java.sql.Date day = java.sql.Date.valueOf(founded);
        boolean earlier = !em.createQuery("SELECT m.id FROM MembershipEntity m WHERE m.networkId = :n AND m.since < :d",
                String.class).setParameter("n", networkId).setParameter("d", day).setMaxResults(1).getResultList()
                .isEmpty() || !em.createQuery("SELECT a.id FROM ActivityEntity a WHERE a.networkId = :n AND a.date < :d",
                        String.class).setParameter("n", networkId).setParameter("d", day).setMaxResults(1)
                        .getResultList().isEmpty();
        if (earlier) {
            throw ProblemException.invalid(List.of(NetworkRules.error("foundedOn", "after-members", "The network has "
                    + "members or activities before " + founded + ": it was founded by then.", "เครือข่ายมีสมาชิกหรือกิจกรรม"
                            + "ก่อนวันที่ " + founded + " จึงต้องก่อตั้งก่อนหน้านั้น")));
        }
    }

    /** Current members of each network, in one query. */
    static Map<String, Integer> memberCounts(EntityManager em, List<String> ids) {
        Map<String, Integer> counts = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT m.networkId, COUNT(m) FROM MembershipEntity m WHERE m.networkId IN :ids "
                    + "AND m.openVolunteer IS NOT NULL GROUP BY m.networkId", Object[].class).setParameter("ids", ids)
                    .getResultList().forEach(r -> counts.put((String) r[0], ((Number) r[1]).intValue()));
        }
        return counts;
    }

    private static String[] cursor(String after) {
        String[] parts = after.split("\u0000", 2);
        if (parts.length != 2) {
            throw new InvalidValueException("cursor", LocalizedText.of("This cursor was not given by this list.",
                    "cursor นี้ไม่ได้มาจากรายการนี้"));
        }
        return parts;
    }

    private static ProblemException duplicate(String name) {
        return ProblemException.conflict("duplicate-network", LocalizedText.of("This area already has a network "
                + "of that level named " + name + ".", "พื้นที่นี้มีเครือข่ายระดับนี้ชื่อ " + name + " อยู่แล้ว"));
    }
}
