package org.apom.areas.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apom.areas.internal.jpa.DistrictEntity;
import org.apom.areas.internal.jpa.SubdistrictEntity;
import org.apom.persistence.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The loader against a real (in-memory Derby) database built by the bundle's own changelog. */
class AreaEditionLoaderTest {

    private TestDatabase db;

    @BeforeEach
    void createSchema() throws Exception {
        db = new TestDatabase("apom-areas-test", "META-INF/test-persistence.xml", JpaAreaDirectory.CHANGELOG);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void loadsTheShippedEditionOnceAndThenRecognisesIt() {
        AreaData shipped = AreaFiles.shipped();
        AreaEditionLoader.Result first = inTx(em -> AreaEditionLoader.apply(em, shipped, Instant.now()));
        assertFalse(first.alreadyCurrent());
        assertEquals(77 + 928 + 7454, first.added());

        AreaEditionLoader.Result second = inTx(em -> AreaEditionLoader.apply(em, shipped, Instant.now()));
        assertTrue(second.alreadyCurrent());
        assertEquals(928, count("SELECT COUNT(d) FROM DistrictEntity d"));
    }

    @Test
    void aNewerEditionRetiresInsteadOfDeletingAndCanBringAreasBack() {
        AreaData v1 = AreaFiles.read(AreaFilesTest.files(
                "code,name_th,name_en,region\n50,เชียงใหม่,Chiang Mai,north\n",
                "code,province_code,name_th,name_en\n5001,50,เมืองเชียงใหม่,Mueang Chiang Mai\n"
                        + "5025,50,กัลยาณิวัฒนา,Galyani Vadhana\n",
                "code,district_code,name_th,name_en,postcode,lat,lon\n500101,5001,ศรีภูมิ,Si Phum,50200,,\n"
                        + "502501,5025,บ้านจันทร์,Ban Chan,58130,,\n"));
        AreaData v2 = AreaFiles.read(AreaFilesTest.files(
                "code,name_th,name_en,region\n50,เชียงใหม่,Chiang Mai,north\n",
                "code,province_code,name_th,name_en\n5001,50,เมืองเชียงใหม่,Mueang Chiang Mai City\n",
                "code,district_code,name_th,name_en,postcode,lat,lon\n500101,5001,ศรีภูมิ,Si Phum,50200,18.79,98.98\n"));
        inTx(em -> AreaEditionLoader.apply(em, v1, Instant.parse("2026-01-01T00:00:00Z")));

        AreaEditionLoader.Result r2 = inTx(em -> AreaEditionLoader.apply(em, v2, Instant.parse("2026-02-01T00:00:00Z")));
        assertEquals(0, r2.added());
        assertEquals(2, r2.updated(), "district renamed and subdistrict given coordinates");
        assertEquals(2, r2.retired(), "district 5025 and its subdistrict");
        assertEquals(2, count("SELECT COUNT(d) FROM DistrictEntity d"), "retired rows are kept");
        assertEquals(1, count("SELECT COUNT(d) FROM DistrictEntity d WHERE d.retiredEdition IS NULL"));
        assertEquals("Mueang Chiang Mai City", inTx(em -> em.find(DistrictEntity.class, "5001").toDTO().nameEn()));

        AreaEditionLoader.Result back = inTx(em -> AreaEditionLoader.apply(em, v1, Instant.parse("2026-03-01T00:00:00Z")));
        assertFalse(back.alreadyCurrent(), "an older edition loaded again is applied");
        assertEquals(0, count("SELECT COUNT(s) FROM SubdistrictEntity s WHERE s.retiredEdition IS NOT NULL"));
        assertEquals("Ban Chan", inTx(em -> em.find(SubdistrictEntity.class, "502501").toDTO().nameEn()));
        assertEquals(2, count("SELECT COUNT(e) FROM AreaEditionEntity e"));
    }

    private long count(String jpql) {
        return inTx(em -> em.createQuery(jpql, Long.class).getSingleResult());
    }

    private <T> T inTx(Function<EntityManager, T> work) {
        return db.txExpr(work::apply);
    }
}
