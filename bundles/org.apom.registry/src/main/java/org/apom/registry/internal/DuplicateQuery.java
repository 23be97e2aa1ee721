package org.apom.registry.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.registry.api.DuplicatePair;
import org.apom.registry.internal.jpa.VolunteerEntity;

/**
 * Suspected duplicates: two records (neither merged) with the same names and birth date, never dismissed.
 * The pair is found through the index on (last name, first name, birth date) and paged by the pair's ids.
 */
final class DuplicateQuery {

    /** The pair condition over {@code a} and {@code b}, {@code a} having the smaller id. */
    static final String PAIR = "a.lastKey = b.lastKey AND a.firstKey = b.firstKey AND a.birthDate = b.birthDate"
            + " AND a.id < b.id AND a.mergedInto IS NULL AND b.mergedInto IS NULL AND NOT EXISTS (SELECT d FROM"
            + " DismissalEntity d WHERE d.firstId = a.id AND d.secondId = b.id)";
    private static final String SEP = "/";

    private DuplicateQuery() {
    }

    /** @param province both records in this province; any when {@code null} */
    static Page<DuplicatePair> run(EntityManager em, ProvinceCode province, PageRequest page) {
        StringBuilder where = new StringBuilder(PAIR);
        Map<String, Object> params = new HashMap<>();
        if (province != null) {
            where.append(" AND a.provinceCode = :p AND b.provinceCode = :p");
            params.put("p", province.value());
        }
        if (page.after() != null) {
            String[] key = page.after().split(SEP, -1);
            if (key.length != 2) {
                throw new InvalidValueException("cursor", LocalizedText.of("The cursor is not one this server gave out.",
                        "cursor ไม่ถูกต้อง"));
            }
            where.append(" AND (a.id > :ca OR (a.id = :ca AND b.id > :cb))");
            params.put("ca", key[0]);
            params.put("cb", key[1]);
        }
        TypedQuery<Object[]> query = em.createQuery("SELECT a, b FROM VolunteerEntity a, VolunteerEntity b WHERE "
                + where + " ORDER BY a.id, b.id", Object[].class).setMaxResults(page.limit() + 1);
        params.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        List<DuplicatePair> pairs = rows.stream().limit(page.limit()).map(r -> new DuplicatePair(
                ((VolunteerEntity) r[0]).toDTO(), ((VolunteerEntity) r[1]).toDTO(),
                DuplicatePair.SAME_NAMES_AND_BIRTH_DATE)).toList();
        String next = null;
        if (rows.size() > page.limit()) {
            DuplicatePair last = pairs.get(page.limit() - 1);
            next = PageRequest.encode(last.first().id() + SEP + last.second().id());
        }
        return new Page<>(pairs, next);
    }
}
