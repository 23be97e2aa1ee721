package org.apom.registry.internal;

import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.NationalId;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerSearch;
import org.apom.registry.internal.jpa.VolunteerEntity;
import org.apom.security.api.Reach;

/**
 * A register search in the order of the index that serves it (province, last name, first name, id), paged by
 * keyset: the cursor holds the last row's sort key, so a page costs the same at the millionth row as at the
 * first.
 */
final class VolunteerQuery {

    private static final String SEP = "\u001f";

    private VolunteerQuery() {
    }

    static Page<Volunteer> run(EntityManager em, VolunteerSearch s, Reach reach, ProvinceCode own, PageRequest page) {
        // a record merged into another is found by its id only, not by searches
        StringBuilder where = new StringBuilder("v.mergedInto IS NULL");
        Map<String, Object> params = new HashMap<>();
        ListScope scope = ListScope.of(reach, own, s.province());
        if (scope.nothing()) {
            return new Page<>(List.of(), null);
        }
        ProvinceCode province = scope.province();
        ProvinceCode implied = s.subdistrict() != null ? s.subdistrict().province()
                : s.district() != null ? s.district().province() : null;
        if (implied != null) {
            if (province != null && !province.equals(implied)) {
                return new Page<>(List.of(), null);
            }
            // with the area's province fixed, the (area, last name, first name, id) index gives the order
            province = implied;
        }
        if (province != null) {
            where.append(" AND v.provinceCode = :province");
            params.put("province", province.value());
        }
        if (s.district() != null) {
            where.append(" AND v.districtCode = :district");
            params.put("district", s.district().value());
        }
        if (s.subdistrict() != null) {
            where.append(" AND v.subdistrictCode = :subdistrict");
            params.put("subdistrict", s.subdistrict().value());
        }
        if (s.status() != null) {
            where.append(" AND v.status = :status");
            params.put("status", s.status().name());
        }
        if (s.verifiedBefore() != null) {
            where.append(" AND (v.lastVerifiedOn IS NULL OR v.lastVerifiedOn < :verifiedBefore)");
            params.put("verifiedBefore", Date.valueOf(s.verifiedBefore()));
        }
        String q = TextRules.clean(s.q());
        if (q != null && NationalId.isValid(q)) {
            where.append(" AND v.nationalId = :nationalId");
            params.put("nationalId", NationalId.parse(q).value());
        } else if (q != null) {
            where.append(" AND (v.firstKey LIKE :prefix ESCAPE '\\' OR v.lastKey LIKE :prefix ESCAPE '\\'"
                    + " OR v.firstEnKey LIKE :prefix ESCAPE '\\' OR v.lastEnKey LIKE :prefix ESCAPE '\\')");
            params.put("prefix", TextRules.searchKey(q).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (page.after() != null) {
            String[] key = page.after().split(SEP, -1);
            if (key.length != 4) {
                throw new InvalidValueException("cursor", LocalizedText.of("The cursor is not one this server gave out.",
                        "cursor ไม่ถูกต้อง"));
            }
            // the first comparison is repeated alone so that the database can start the index scan at the cursor
            String within = "(v.lastKey > :cl OR (v.lastKey = :cl AND (v.firstKey > :cf OR (v.firstKey = :cf"
                    + " AND v.id > :ci))))";
            if (province != null) {
                where.append(" AND v.lastKey >= :cl AND ").append(within);
            } else {
                where.append(" AND v.provinceCode >= :cp AND (v.provinceCode > :cp OR (v.provinceCode = :cp AND ")
                        .append(within).append("))");
                params.put("cp", key[0]);
            }
            params.put("cl", key[1]);
            params.put("cf", key[2]);
            params.put("ci", key[3]);
        }
        TypedQuery<VolunteerEntity> query = em.createQuery("SELECT v FROM VolunteerEntity v WHERE " + where
                + " ORDER BY v.provinceCode, v.lastKey, v.firstKey, v.id", VolunteerEntity.class)
                .setMaxResults(page.limit() + 1);
        params.forEach(query::setParameter);
        List<VolunteerEntity> rows = query.getResultList();
        List<Volunteer> items = rows.stream().limit(page.limit()).map(VolunteerEntity::toDTO).toList();
        String next = null;
        if (rows.size() > page.limit()) {
            VolunteerEntity last = rows.get(page.limit() - 1);
            next = PageRequest.encode(String.join(SEP, last.province().value(), last.lastKey(), last.firstKey(),
                    last.id()));
        }
        return new Page<>(items, next);
    }
}
