package org.apom.areas.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apom.areas.internal.jpa.AreaEditionEntity;
import org.apom.areas.internal.jpa.DistrictEntity;
import org.apom.areas.internal.jpa.AreaEntity;
import org.apom.areas.internal.jpa.ProvinceEntity;
import org.apom.areas.internal.jpa.SubdistrictEntity;

/**
 * Makes the database hold an edition of the area files: new codes are added, changed names updated, and
 * codes the edition no longer lists are retired (never deleted), all in the caller's transaction.
 */
final class AreaEditionLoader {

    /** What applying an edition changed. */
    record Result(boolean alreadyCurrent, int added, int updated, int retired) {
    }

    private AreaEditionLoader() {
    }

    static Result apply(EntityManager em, AreaData data, Instant now) {
        String latest = em.createQuery(
                "SELECT e.checksum FROM AreaEditionEntity e ORDER BY e.loadedAt DESC", String.class)
                .setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        if (data.checksum().equals(latest)) {
            return new Result(true, 0, 0, 0);
        }
        Counter counter = new Counter();
        sync(em, ProvinceEntity.class, data.provinces(), p -> p.code().value(), ProvinceEntity::new,
                data.checksum(), counter);
        sync(em, DistrictEntity.class, data.districts(), d -> d.code().value(), DistrictEntity::new,
                data.checksum(), counter);
        sync(em, SubdistrictEntity.class, data.subdistricts(), s -> s.code().value(), SubdistrictEntity::new,
                data.checksum(), counter);
        AreaEditionEntity previous = em.find(AreaEditionEntity.class, data.checksum());
        if (previous != null) {
            em.remove(previous); // an older edition loaded again becomes the newest
            em.flush();
        }
        em.persist(new AreaEditionEntity(data.checksum(), now, data.provinces().size(), data.districts().size(),
                data.subdistricts().size(), counter.added + counter.updated + counter.retired));
        return new Result(false, counter.added, counter.updated, counter.retired);
    }

    private static final class Counter {
        int added;
        int updated;
        int retired;
    }

    private static <D, E extends AreaEntity<D>> void sync(EntityManager em, Class<E> type, List<D> rows,
            Function<D, String> rowCode, BiFunction<D, String, E> create, String edition, Counter counter) {
        Map<String, E> existing = new HashMap<>();
        for (E e : em.createQuery("SELECT a FROM " + type.getSimpleName() + " a", type).getResultList()) {
            existing.put(e.code(), e);
        }
        for (D row : rows) {
            E entity = existing.remove(rowCode.apply(row));
            if (entity == null) {
                em.persist(create.apply(row, edition));
                counter.added++;
            } else if (entity.update(row)) {
                counter.updated++;
            }
        }
        for (E gone : existing.values()) {
            if (!gone.isRetired()) {
                gone.retire(edition);
                counter.retired++;
            }
        }
    }
}
