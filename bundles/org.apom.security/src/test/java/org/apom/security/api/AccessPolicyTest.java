package org.apom.security.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final ProvinceCode CHIANG_MAI = ProvinceCode.of("50");
    private static final ProvinceCode KHON_KAEN = ProvinceCode.of("40");

    @Test
    void theDocumentedTableIsTheTableTheCodeFollows() throws Exception {
        String doc = Files.readString(Path.of("../../docs/security.md"));
        String normalisedDoc = doc.lines().map(String::strip).filter(l -> l.startsWith("|"))
                .reduce("", (a, b) -> a + b + "\n");
        String normalisedCode = AccessPolicy.TABLE.lines().map(String::strip).filter(l -> l.startsWith("|"))
                .reduce("", (a, b) -> a + b + "\n");
        assertTrue(normalisedDoc.contains(normalisedCode),
                "docs/security.md must show AccessPolicy.TABLE exactly:\n" + normalisedCode);
    }

    @Test
    void provinceRolesReachTheirOwnProvinceOnly() {
        Caller officer = Caller.person("somchai", Set.of(Role.PROVINCE_OFFICER), CHIANG_MAI);
        assertTrue(AccessPolicy.allows(officer, Action.VOLUNTEERS_WRITE, CHIANG_MAI));
        assertFalse(AccessPolicy.allows(officer, Action.VOLUNTEERS_WRITE, KHON_KAEN));
        assertEquals(Reach.OWN, AccessPolicy.reach(officer, Action.VOLUNTEERS_READ));
        assertEquals(Reach.NONE, AccessPolicy.reach(officer, Action.USERS_WRITE));
        assertEquals(Reach.ALL, AccessPolicy.reach(officer, Action.AREAS_READ));
    }

    @Test
    void anotherProvincesRecordIsNotFoundAndAForbiddenActionIsForbidden() {
        Caller officer = Caller.person("somchai", Set.of(Role.PROVINCE_OFFICER), CHIANG_MAI);
        assertEquals(404, assertThrows(ProblemException.class,
                () -> AccessPolicy.require(officer, Action.VOLUNTEERS_READ, KHON_KAEN)).status());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> AccessPolicy.require(officer, Action.AUDIT_READ, null)).status());
        AccessPolicy.require(officer, Action.VOLUNTEERS_READ, CHIANG_MAI);
    }

    @Test
    void nationalDataIsNoProvinceAdminsOwn() {
        Caller provinceAdmin = Caller.person("cm-admin", Set.of(Role.PROVINCE_ADMIN), CHIANG_MAI);
        assertFalse(AccessPolicy.allows(provinceAdmin, Action.USERS_READ, null));
        assertEquals(404, assertThrows(ProblemException.class,
                () -> AccessPolicy.require(provinceAdmin, Action.USERS_READ, null)).status());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> AccessPolicy.require(provinceAdmin, Action.USERS_WRITE, null)).status());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> AccessPolicy.require(provinceAdmin, Action.TOKENS_MANAGE, null)).status());
        AccessPolicy.require(Caller.person("admin", Set.of(Role.CENTRAL_ADMIN), null), Action.USERS_READ, null);
    }

    @Test
    void aProvinceRoleWithoutAProvinceReachesNothing() {
        Caller broken = Caller.person("x", Set.of(Role.PROVINCE_ADMIN), null);
        assertEquals(Reach.NONE, AccessPolicy.reach(broken, Action.USERS_READ));
    }

    @Test
    void integratorsNeedTheScopeAndAreHeldToTheirTokensProvince() {
        Caller national = Caller.token("dashboard", Set.of("volunteers:read"), null);
        Caller provincial = Caller.token("cm-app", Set.of("volunteers:read"), CHIANG_MAI);
        assertEquals(Reach.ALL, AccessPolicy.reach(national, Action.VOLUNTEERS_READ));
        assertEquals(Reach.NONE, AccessPolicy.reach(national, Action.VOLUNTEERS_WRITE));
        assertEquals(Reach.NONE, AccessPolicy.reach(national, Action.PERSONAL_DATA_READ));
        assertTrue(AccessPolicy.allows(provincial, Action.VOLUNTEERS_READ, CHIANG_MAI));
        assertFalse(AccessPolicy.allows(provincial, Action.VOLUNTEERS_READ, KHON_KAEN));
        assertEquals(Reach.ALL, AccessPolicy.reach(national, Action.AREAS_READ), "reference data needs no scope");
    }

    @Test
    void metricsAreForCentralAdminsAndNationalTokensWithTheScope() {
        assertEquals(Reach.ALL, AccessPolicy.reach(Caller.person("root", Set.of(Role.CENTRAL_ADMIN), null),
                Action.METRICS_READ));
        assertEquals(Reach.ALL, AccessPolicy.reach(Caller.token("prometheus", Set.of("metrics:read"), null),
                Action.METRICS_READ));
        // even if a province's token somehow carried the scope, it reaches nothing
        assertEquals(Reach.NONE, AccessPolicy.reach(Caller.token("cm", Set.of("metrics:read"), CHIANG_MAI),
                Action.METRICS_READ));
        assertEquals(Reach.NONE, AccessPolicy.reach(Caller.token("dashboard", Set.of("volunteers:read"), null),
                Action.METRICS_READ));
        for (Role role : Set.of(Role.PROVINCE_ADMIN, Role.PROVINCE_OFFICER, Role.AUDITOR)) {
            assertEquals(Reach.NONE, AccessPolicy.reach(Caller.person("p", Set.of(role), CHIANG_MAI),
                    Action.METRICS_READ), role.id());
        }
        assertEquals(Set.of("metrics:read"), AccessPolicy.nationalScopes());
        assertTrue(AccessPolicy.integratorScopes().containsAll(Set.of("metrics:read", "volunteers:read")));
        assertEquals("metrics:read", Action.METRICS_READ.id());
    }

    @Test
    void auditorsReadTheTrailAndNothingPersonal() {
        Caller auditor = Caller.person("audit", Set.of(Role.AUDITOR), null);
        assertEquals(Reach.ALL, AccessPolicy.reach(auditor, Action.AUDIT_READ));
        assertEquals(Reach.NONE, AccessPolicy.reach(auditor, Action.VOLUNTEERS_READ));
        assertEquals(Reach.NONE, AccessPolicy.reach(auditor, Action.PERSONAL_DATA_READ));
    }

    @Test
    void theTableMustCoverEveryActionAndRole() {
        String missingRow = AccessPolicy.TABLE.replace("| extensions:manage | all | own | - | - | - |\n", "");
        assertThrows(IllegalStateException.class, () -> AccessPolicy.parse(missingRow));
    }

    @Test
    void rolesHaveApiNamesAndRanks() {
        assertEquals("province-officer", Role.PROVINCE_OFFICER.id());
        assertEquals(Role.CENTRAL_ADMIN, Role.fromId("central-admin"));
        assertTrue(Role.PROVINCE_ADMIN.outranks(Role.PROVINCE_OFFICER));
        assertFalse(Role.PROVINCE_ADMIN.outranks(Role.PROVINCE_ADMIN));
        assertFalse(Role.PROVINCE_ADMIN.outranks(Role.CENTRAL_ADMIN));
        assertEquals("personal-data:read", Action.PERSONAL_DATA_READ.id());
        assertEquals("role", assertThrows(org.apom.core.api.InvalidValueException.class,
                () -> Role.fromId("root")).code());
    }

    @Test
    void theTableCannotBeChangedAtRunTime() {
        var cells = AccessPolicy.parse(AccessPolicy.TABLE);
        assertThrows(UnsupportedOperationException.class,
                () -> cells.get(Action.EXTENSIONS_MANAGE).put(Role.PROVINCE_OFFICER, "all"));
        assertThrows(UnsupportedOperationException.class,
                () -> cells.remove(Action.USERS_READ));
    }
}
