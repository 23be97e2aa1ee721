package org.apom.registry.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.NationalId;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.registry.api.VolunteerStanding;
import org.apom.registry.api.VolunteerStandings;
import org.apom.registry.api.VolunteerStatus;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Records' standing by id, read as a projection: the personal data of a record never leaves the database here. */
@Component(service = VolunteerStandings.class)
public final class JpaVolunteerStandings implements VolunteerStandings {

    /** Ids per query: a bounded IN list, as Derby and PostgreSQL both plan well. */
    private static final int CHUNK = 500;
    /** Records per page of {@link #forEach} and {@link #forEachActive}. */
    private static final int PAGE = 10_000;

    private final JpaTemplate jpa;
    private final AuditTrail audit;

    @Activate
    public JpaVolunteerStandings(@Reference(target = "(osgi.unit.name=apom-registry)") JpaTemplate jpa,
            @Reference AuditTrail audit, @Reference VolunteerRegistry schemaOwner) {
        // the register migrates the schema when it activates: referencing it orders this after that
        this.jpa = jpa;
        this.audit = audit;
    }

    @Override
    public Map<String, VolunteerStanding> of(Caller caller, Collection<String> ids) {
        AccessPolicy.requireAny(caller, Action.VOLUNTEERS_READ);
        List<String> all = ids.stream().filter(id -> id != null && id.length() <= 40).distinct().toList();
        Map<String, VolunteerStanding> found = new HashMap<>();
        if (all.isEmpty()) {
            return found;
        }
        jpa.tx(TransactionType.Supports, em -> {
            for (int from = 0; from < all.size(); from += CHUNK) {
                for (Object[] r : rows(em, "v.id", all.subList(from, Math.min(all.size(), from + CHUNK)))) {
                    VolunteerStanding standing = standing(r);
                    if (AccessPolicy.allows(caller, Action.VOLUNTEERS_READ, standing.provinceCode())) {
                        found.put(standing.id(), standing);
                    }
                }
            }
        });
        return found;
    }

    @Override
    public Map<NationalId, VolunteerStanding> ofNationalIds(Caller caller, Collection<NationalId> nationalIds) {
        AccessPolicy.requireAny(caller, Action.PERSONAL_DATA_READ);
        List<String> all = nationalIds.stream().map(NationalId::value).distinct().toList();
        Map<NationalId, VolunteerStanding> found = new HashMap<>();
        if (all.isEmpty()) {
            return found;
        }
        jpa.tx(TransactionType.Required, em -> {
            for (int from = 0; from < all.size(); from += CHUNK) {
                for (Object[] r : rows(em, "v.nationalId", all.subList(from, Math.min(all.size(), from + CHUNK)))) {
                    VolunteerStanding standing = standing(r);
                    if (AccessPolicy.allows(caller, Action.PERSONAL_DATA_READ, standing.provinceCode())) {
                        found.put(NationalId.parse((String) r[7]), standing);
                        audit.record(caller, "volunteer.lookup", "volunteer", standing.id(), standing.provinceCode(),
                                null, null);
                    }
                }
            }
        });
        return found;
    }

    @Override
    public void forEach(Caller caller, ProvinceCode province, Consumer<VolunteerStanding> consumer) {
        inPages(caller, province, "SELECT ID, SUBDISTRICT_CODE, PROVINCE_CODE, STATUS, REGISTERED_ON, "
                + "LAST_VERIFIED_ON, MERGED_INTO FROM REGISTRY_VOLUNTEER WHERE ID > ?", List.of(),
                r -> consumer.accept(standing(r)));
    }

    @Override
    public void forEachActive(Caller caller, ProvinceCode province, LocalDate verifiedAfter, LocalDate asOf,
            BiConsumer<String, Boolean> consumer) {
        // the database decides what counts: a national run's million records arrive as an id and a flag each
        inPages(caller, province, "SELECT ID, CASE WHEN LAST_VERIFIED_ON > ? AND LAST_VERIFIED_ON <= ? THEN 1 ELSE 0 "
                + "END FROM REGISTRY_VOLUNTEER WHERE ID > ? AND STATUS = 'ACTIVE' AND MERGED_INTO IS NULL",
                List.of(Date.valueOf(verifiedAfter), Date.valueOf(asOf)),
                r -> consumer.accept((String) r[0], ((Number) r[1]).intValue() == 1));
    }

    /**
     * The rows of a query over the records in the caller's reach of the province, by id, a page at a time: each page
     * is its own short read, so no transaction stays open over the table. Plain SQL: a national run reads every
     * record, and JPQL's projection cost twice the database's time.
     *
     * @param select ends with the condition {@code ID > ?}; its parameters before that one are {@code before}
     */
    private void inPages(Caller caller, ProvinceCode province, String select, List<Object> before,
            Consumer<Object[]> consumer) {
        Reach reach = AccessPolicy.requireAny(caller, Action.VOLUNTEERS_READ);
        ProvinceCode only = province != null ? province : reach == Reach.ALL ? null : caller.province();
        if (only != null && !AccessPolicy.allows(caller, Action.VOLUNTEERS_READ, only)) {
            return;
        }
        String after = "";
        while (true) {
            String from = after;
            List<Object[]> page = jpa.txExpr(TransactionType.Supports, em -> {
                Query query = em.createNativeQuery(select + (only == null ? "" : " AND PROVINCE_CODE = ?")
                        + " ORDER BY ID FETCH FIRST " + PAGE + " ROWS ONLY");
                int p = 1;
                for (Object value : before) {
                    query.setParameter(p++, value);
                }
                query.setParameter(p++, from);
                if (only != null) {
                    query.setParameter(p, only.value());
                }
                @SuppressWarnings("unchecked")
                List<Object[]> rows = query.getResultList();
                return rows;
            });
            page.forEach(consumer);
            if (page.size() < PAGE) {
                return;
            }
            after = (String) page.get(page.size() - 1)[0];
        }
    }

    private static List<Object[]> rows(EntityManager em, String key, List<String> values) {
        return em.createQuery("SELECT v.id, v.subdistrictCode, v.provinceCode, v.status, v.registeredOn, "
                + "v.lastVerifiedOn, v.mergedInto, v.nationalId FROM VolunteerEntity v WHERE " + key + " IN :keys",
                Object[].class).setParameter("keys", new ArrayList<>(values)).getResultList();
    }

    private static VolunteerStanding standing(Object[] r) {
        return new VolunteerStanding((String) r[0], SubdistrictCode.of((String) r[1]), ProvinceCode.of((String) r[2]),
                VolunteerStatus.valueOf((String) r[3]), ((Date) r[4]).toLocalDate(),
                r[5] == null ? null : ((Date) r[5]).toLocalDate(), (String) r[6]);
    }
}
