package org.apom.tiering.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.LocalizedText;
import org.apom.persistence.testing.TestDatabase;
import org.apom.tiering.api.CriterionScore;
import org.apom.tiering.internal.jpa.AssessmentEntity;
import org.apom.tiering.internal.jpa.RunTextEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Assessments as a run stores them (plain SQL, many to a statement) read back whole, on the embedded Derby. */
class AssessmentStoreTest {

    private TestDatabase db;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase("apom-tiering-test", "META-INF/test-persistence.xml", JpaTiering.CHANGELOG);
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void provincialAndNationalNetworksAssessmentsReadBackWithTheirTexts() {
        RunTexts texts = new RunTexts();
        List<AssessmentEntity> stored = new ArrayList<>();
        Map<String, List<CriterionScore>> written = new HashMap<>();
        // more than one statement's worth, national networks (no province) among them
        for (int i = 0; i < 250; i++) {
            List<CriterionScore> scores = List.of(new CriterionScore("CONTINUITY", "core",
                    LocalizedText.of("Continuity", "ความต่อเนื่อง"), BigDecimal.valueOf(i % 13),
                    new BigDecimal("50.00"), 15, LocalizedText.of(i % 13 + " of 12 months had an activity.",
                            "มีกิจกรรม " + i % 13 + " จาก 12 เดือน"), false));
            String network = "n" + i;
            written.put(network, scores);
            stored.add(new AssessmentEntity("run-1", network, i % 5 == 0 ? null : "50", 2569, "B",
                    new BigDecimal("61.25"), ScoresJson.criteria(scores, texts), Instant.parse("2026-10-01T00:00:00Z")));
        }
        Map<Integer, String> added = texts.takeAdded();
        db.tx(TransactionType.Required, em -> {
            added.forEach((n, t) -> em.persist(new RunTextEntity("run-1", n, t)));
            AssessmentEntity.insert(em, stored);
        });
        Map<Integer, String> read = new HashMap<>();
        db.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT t FROM RunTextEntity t", RunTextEntity.class)
                .getResultList()).forEach(t -> read.put(t.number(), t.text()));
        List<AssessmentEntity> back = db.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT a FROM "
                + "AssessmentEntity a", AssessmentEntity.class).getResultList());
        assertEquals(250, back.size());
        for (AssessmentEntity a : back) {
            int i = Integer.parseInt(a.networkId().substring(1));
            assertEquals(i % 5 == 0 ? null : "50", a.province());
            assertEquals(new BigDecimal("61.25"), a.score());
            assertEquals(written.get(a.networkId()), ScoresJson.criteria(a.criteria(), read));
        }
    }
}
