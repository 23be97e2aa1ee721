package org.apom.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.aries.jpa.template.TransactionType;
import org.apom.core.api.NationalId;
import org.apom.core.api.ProvinceCode;
import org.apom.persistence.testing.TestDatabase;
import org.apom.registry.api.VolunteerInput;
import org.apom.registry.api.VolunteerStanding;
import org.apom.registry.api.VolunteerStandings;
import org.apom.security.api.Caller;
import org.apom.security.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The register's active records in SQL answer what the API's definition from {@code forEach} answers. */
class JpaVolunteerStandingsTest {

    private static final Caller CENTRAL = Caller.person("central", Set.of(Role.CENTRAL_ADMIN), null);
    private static final Caller KK_OFFICER = Caller.person("kk", Set.of(Role.PROVINCE_OFFICER), ProvinceCode.of("40"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T03:00:00Z"),
            JpaVolunteerRegistry.THAILAND);
    private static final LocalDate AFTER = LocalDate.of(2025, 9, 30);
    private static final LocalDate AS_OF = LocalDate.of(2026, 9, 30);

    private TestDatabase db;
    private JpaVolunteerRegistry registry;
    private JpaVolunteerStandings standings;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase("apom-registry-test", "META-INF/test-persistence.xml", JpaVolunteerRegistry.CHANGELOG);
        RecordingAudit audit = new RecordingAudit(new ArrayList<>());
        registry = new JpaVolunteerRegistry(db, new VolunteerRules(code -> Optional.of(VolunteerRulesTest.SI_PHUM),
                18), audit, CLOCK, 3);
        standings = new JpaVolunteerStandings(db, audit, registry);
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void activeRecordsAndTheirVerificationAsTheDefinitionSays() {
        // status, merged into, last verified on: each case on one side of a boundary
        String[][] cases = {{"ACTIVE", null, null}, {"ACTIVE", null, "2025-09-30"}, {"ACTIVE", null, "2025-10-01"},
            {"ACTIVE", null, "2026-09-30"}, {"ACTIVE", null, "2026-10-01"}, {"RESIGNED", null, "2026-01-01"},
            {"ACTIVE", "merged", "2026-01-01"}, {"DECEASED", null, null}};
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            String id = registry.register(CENTRAL, person(i)).id();
            ids.add(id);
            String[] c = cases[i];
            // literals: a native query's null parameter is bound as a type Derby refuses
            db.tx(TransactionType.Required, em -> em.createNativeQuery("UPDATE REGISTRY_VOLUNTEER SET STATUS = '"
                    + c[0] + "', MERGED_INTO = " + (c[1] == null ? "NULL" : "'" + ids.get(0) + "'")
                    + ", LAST_VERIFIED_ON = " + (c[2] == null ? "NULL" : "DATE('" + c[2] + "')") + " WHERE ID = '"
                    + id + "'").executeUpdate());
        }
        Map<String, Boolean> expected = new TreeMap<>(Map.of(ids.get(0), false, ids.get(1), false, ids.get(2), true,
                ids.get(3), true, ids.get(4), false));
        assertEquals(expected, active(standings, CENTRAL, null));
        assertEquals(expected, active(byDefinition(), CENTRAL, null));
        assertEquals(expected, active(standings, CENTRAL, ProvinceCode.of("50")));
        assertEquals(Map.of(), active(standings, CENTRAL, ProvinceCode.of("40")));
        assertEquals(Map.of(), active(standings, KK_OFFICER, null), "an officer reads their own province only");
        assertEquals(Map.of(), active(standings, KK_OFFICER, ProvinceCode.of("50")));
    }

    private static Map<String, Boolean> active(VolunteerStandings s, Caller caller, ProvinceCode province) {
        Map<String, Boolean> found = new TreeMap<>();
        s.forEachActive(caller, province, AFTER, AS_OF, found::put);
        return found;
    }

    /** The interface's own answer, from forEach. */
    private VolunteerStandings byDefinition() {
        return new VolunteerStandings() {
            @Override
            public Map<String, VolunteerStanding> of(Caller caller, Collection<String> ids) {
                return standings.of(caller, ids);
            }

            @Override
            public Map<NationalId, VolunteerStanding> ofNationalIds(Caller caller, Collection<NationalId> ids) {
                return standings.ofNationalIds(caller, ids);
            }

            @Override
            public void forEach(Caller caller, ProvinceCode province, Consumer<VolunteerStanding> consumer) {
                standings.forEach(caller, province, consumer);
            }
        };
    }

    private static VolunteerInput person(int i) {
        String digits = "31006004" + String.format("%04d", i);
        int sum = 0;
        for (int d = 0; d < 12; d++) {
            sum += (digits.charAt(d) - '0') * (13 - d);
        }
        VolunteerInput somchai = VolunteerRulesTest.somchai();
        return new VolunteerInput(digits + (11 - sum % 11) % 10, somchai.title(), somchai.firstName(),
                somchai.lastName(), somchai.firstNameEn(), somchai.lastNameEn(), somchai.birthDate(), somchai.gender(),
                somchai.phone(), somchai.subdistrictCode(), somchai.address(), somchai.registeredOn());
    }
}
