package org.apom.registry.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apom.core.api.DistrictCode;
import org.apom.core.api.ProvinceCode;
import org.apom.registry.api.ProvinceQuality;
import org.apom.registry.api.VolunteerStatus;

/** The data-quality figures, computed by the database in a few grouped queries. */
final class QualityQuery {

    private QualityQuery() {
    }

    /** @param province only this province, or all when {@code null} */
    static List<ProvinceQuality> run(EntityManager em, ProvinceCode province, LocalDate today) {
        // a record merged into another is not a volunteer of its own any more
        String only = " WHERE v.mergedInto IS NULL" + and(province);
        Map<String, Map<VolunteerStatus, Long>> statuses = new TreeMap<>();
        for (Object[] row : query(em, "SELECT v.provinceCode, v.status, COUNT(v) FROM VolunteerEntity v" + only
                + " GROUP BY v.provinceCode, v.status", province)) {
            statuses.computeIfAbsent((String) row[0], p -> new EnumMap<>(VolunteerStatus.class))
                    .put(VolunteerStatus.valueOf((String) row[1]), ((Number) row[2]).longValue());
        }
        Map<String, Long> complete = counts(em, "SELECT v.provinceCode, COUNT(v) FROM VolunteerEntity v WHERE "
                + "v.mergedInto IS NULL AND v.phone IS NOT NULL AND v.address IS NOT NULL" + and(province) + " GROUP BY v.provinceCode", province,
                null);
        Map<String, Long> verified = counts(em, "SELECT v.provinceCode, COUNT(v) FROM VolunteerEntity v WHERE "
                + "v.mergedInto IS NULL AND v.lastVerifiedOn >= :since" + and(province) + " GROUP BY v.provinceCode", province,
                Date.valueOf(today.minusMonths(12)));
        Map<String, Long> duplicates = new HashMap<>();
        for (Object[] row : query(em, "SELECT a.provinceCode, COUNT(a) FROM VolunteerEntity a, VolunteerEntity b WHERE "
                + DuplicateQuery.PAIR + " AND a.provinceCode = b.provinceCode"
                + (province == null ? "" : " AND a.provinceCode = :p") + " GROUP BY a.provinceCode", province)) {
            duplicates.put((String) row[0], ((Number) row[1]).longValue());
        }
        List<ProvinceQuality> result = new ArrayList<>();
        statuses.forEach((code, byStatus) -> {
            long records = byStatus.values().stream().mapToLong(Long::longValue).sum();
            result.add(new ProvinceQuality(ProvinceCode.of(code), records, byStatus,
                    percent(complete.getOrDefault(code, 0L), records), percent(verified.getOrDefault(code, 0L), records),
                    duplicates.getOrDefault(code, 0L)));
        });
        return result;
    }

    /** Records (merged ones aside) per district of the province, by status. */
    static Map<DistrictCode, Map<VolunteerStatus, Long>> byDistrict(EntityManager em, ProvinceCode province) {
        Map<DistrictCode, Map<VolunteerStatus, Long>> counts = new TreeMap<>(Comparator.comparing(DistrictCode::value));
        for (Object[] row : query(em, "SELECT v.districtCode, v.status, COUNT(v) FROM VolunteerEntity v WHERE "
                + "v.mergedInto IS NULL AND v.provinceCode = :p GROUP BY v.districtCode, v.status", province)) {
            counts.computeIfAbsent(DistrictCode.of((String) row[0]), d -> new EnumMap<>(VolunteerStatus.class))
                    .put(VolunteerStatus.valueOf((String) row[1]), ((Number) row[2]).longValue());
        }
        return counts;
    }

    private static String and(ProvinceCode province) {
        return province == null ? "" : " AND v.provinceCode = :p";
    }

    private static Map<String, Long> counts(EntityManager em, String jpql, ProvinceCode province, Date since) {
        TypedQuery<Object[]> q = em.createQuery(jpql, Object[].class);
        if (province != null) {
            q.setParameter("p", province.value());
        }
        if (since != null) {
            q.setParameter("since", since);
        }
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : q.getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private static List<Object[]> query(EntityManager em, String jpql, ProvinceCode province) {
        TypedQuery<Object[]> q = em.createQuery(jpql, Object[].class);
        if (province != null) {
            q.setParameter("p", province.value());
        }
        return q.getResultList();
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
    }
}
