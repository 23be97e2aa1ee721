package org.apom.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apom.registry.api.VolunteerStatus;
import org.apom.registry.internal.demo.DemoRecord;
import org.apom.registry.internal.demo.DemoRegister;
import org.junit.jupiter.api.Test;

class DemoRegisterTest {

    private final VolunteerRules rules = new VolunteerRules(code -> Optional.of(VolunteerRulesTest.SI_PHUM), 18);

    @Test
    void everyGeneratedRecordPassesTheRegistersRules() {
        List<DemoRecord> records = DemoRegister.generate(2_000, List.of("500101"), VolunteerRulesTest.TODAY, 1);
        Set<String> ids = new HashSet<>();
        Set<String> people = new HashSet<>();
        int duplicates = 0;
        int neverVerified = 0;
        for (DemoRecord r : records) {
            ValidVolunteer v = rules.check(r.input(), VolunteerRulesTest.TODAY);
            assertTrue(ids.add(v.nationalId().value()), "national IDs are unique");
            if (!people.add(v.firstName() + v.lastName() + v.birthDate())) {
                duplicates++;
            }
            neverVerified += r.lastVerifiedOn() == null ? 1 : 0;
        }
        assertTrue(duplicates >= 20, "about 2 % look like the same person: " + duplicates);
        assertTrue(neverVerified > 400 && neverVerified < 800, "about a third never verified: " + neverVerified);
        assertTrue(records.stream().anyMatch(r -> r.status() == VolunteerStatus.SUSPENDED));
        long landlines = records.stream().filter(r -> r.input().phone() != null && r.input().phone().startsWith("02"))
                .count();
        assertTrue(landlines > 60 && landlines < 250, "about one phone in twelve a landline: " + landlines);
    }

    @Test
    void theSameSeedGivesTheSameRegister() {
        assertEquals(DemoRegister.generate(50, List.of("500101"), LocalDate.of(2026, 1, 1), 7),
                DemoRegister.generate(50, List.of("500101"), LocalDate.of(2026, 1, 1), 7));
    }
}
