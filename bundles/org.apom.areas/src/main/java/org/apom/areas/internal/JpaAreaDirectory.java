package org.apom.areas.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.transaction.TransactionManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.areas.api.AreaDirectory;
import org.apom.areas.api.AreaEdition;
import org.apom.areas.api.District;
import org.apom.areas.api.Province;
import org.apom.areas.api.Subdistrict;
import org.apom.areas.internal.jpa.AreaEditionEntity;
import org.apom.areas.internal.jpa.DistrictEntity;
import org.apom.areas.internal.jpa.ProvinceEntity;
import org.apom.areas.internal.jpa.SubdistrictEntity;
import org.apom.core.api.DistrictCode;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.persistence.api.SchemaMigrator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The area directory over the AREAS_* tables; brings them up to the shipped edition when it starts.
 * Immediate, so the edition is loaded at boot rather than on the first request.
 */
@Component(service = AreaDirectory.class, immediate = true)
public final class JpaAreaDirectory implements AreaDirectory {

    static final String CHANGELOG = "db/areas/changelog.xml";
    private static final Logger LOG = LoggerFactory.getLogger(JpaAreaDirectory.class);

    private final JpaTemplate jpa;

    @Activate
    public JpaAreaDirectory(@Reference(target = "(osgi.unit.name=apom-areas)") JpaTemplate jpa,
            @Reference SchemaMigrator migrator,
            // OpenJPA's managed runtime looks the JTA transaction manager up as a service on every transaction;
            // pax-transx re-registers it when its configuration changes, so wait for it rather than fail
            @Reference TransactionManager transactions) {
        this.jpa = jpa;
        migrator.migrate(CHANGELOG, JpaAreaDirectory.class.getClassLoader());
        AreaData shipped = AreaFiles.shipped();
        AreaEditionLoader.Result result = jpa.txExpr(TransactionType.Required,
                em -> AreaEditionLoader.apply(em, shipped, Instant.now()));
        if (result.alreadyCurrent()) {
            LOG.info("Area edition {} is current", shipped.checksum());
        } else {
            LOG.info("Loaded area edition {}: {} added, {} updated, {} retired", shipped.checksum(),
                    result.added(), result.updated(), result.retired());
        }
    }

    @Override
    public List<Province> provinces() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT p FROM ProvinceEntity p WHERE p.retiredEdition IS NULL ORDER BY p.code", ProvinceEntity.class)
                .getResultList().stream().map(ProvinceEntity::toDTO).toList());
    }

    @Override
    public Optional<Province> province(ProvinceCode code) {
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(em.find(ProvinceEntity.class, code.value()))
                .filter(p -> !p.isRetired()).map(ProvinceEntity::toDTO));
    }

    @Override
    public List<District> districts(ProvinceCode province) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT d FROM DistrictEntity d WHERE d.provinceCode = :p AND d.retiredEdition IS NULL ORDER BY d.code",
                DistrictEntity.class).setParameter("p", province.value())
                .getResultList().stream().map(DistrictEntity::toDTO).toList());
    }

    @Override
    public Optional<District> district(DistrictCode code) {
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(em.find(DistrictEntity.class, code.value()))
                .filter(d -> !d.isRetired()).map(DistrictEntity::toDTO));
    }

    @Override
    public List<Subdistrict> subdistricts(DistrictCode district) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT s FROM SubdistrictEntity s WHERE s.districtCode = :d AND s.retiredEdition IS NULL ORDER BY s.code",
                SubdistrictEntity.class).setParameter("d", district.value())
                .getResultList().stream().map(SubdistrictEntity::toDTO).toList());
    }

    @Override
    public Optional<Subdistrict> subdistrict(SubdistrictCode code) {
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(em.find(SubdistrictEntity.class, code.value()))
                .filter(s -> !s.isRetired()).map(SubdistrictEntity::toDTO));
    }

    @Override
    public AreaEdition edition() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT e FROM AreaEditionEntity e ORDER BY e.loadedAt DESC", AreaEditionEntity.class)
                .setMaxResults(1).getSingleResult().toDTO());
    }
}
