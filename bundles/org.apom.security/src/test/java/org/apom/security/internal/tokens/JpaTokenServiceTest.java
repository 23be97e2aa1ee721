package org.apom.security.internal.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apom.security.internal.audit.TestAudit;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.persistence.testing.TestDatabase;
import org.apom.security.api.Caller;
import org.apom.security.api.CreatedToken;
import org.apom.security.api.NewToken;
import org.apom.security.api.Role;
import org.apom.security.api.TokenView;
import org.apom.security.internal.users.JpaUserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JpaTokenServiceTest {

    private static final Caller CENTRAL = Caller.system("test");
    private static final Caller CM_ADMIN = Caller.person("cm-admin", Set.of(Role.PROVINCE_ADMIN), ProvinceCode.of("50"));

    private TestDatabase db;
    private Instant now = Instant.parse("2026-11-29T03:00:00Z");
    private JpaTokenService tokens;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase("apom-security-test", "META-INF/test-persistence.xml",
                JpaUserDirectory.CHANGELOG);
        tokens = service();
    }

    private JpaTokenService service() {
        return new JpaTokenService(db, TestAudit.pending(), p -> !p.value().equals("99"), Clock.fixed(now, JpaTokenService.THAILAND));
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void theSecretIsShownOnceAndStoredOnlyAsAHash() {
        CreatedToken created = tokens.create(CENTRAL, new NewToken("dashboard", List.of("volunteers:read"), null,
                "2027-03-31"));
        assertTrue(created.secret().startsWith("apom_") && created.secret().length() == 48, created.secret());
        String stored = db.txExpr(em -> (String) em.createNativeQuery("SELECT secret_hash FROM security_token")
                .getSingleResult());
        assertEquals(TokenSecrets.hash(created.secret()), stored);
        assertFalse(stored.contains(created.secret().substring(5)));

        Caller integrator = tokens.authenticate(created.secret());
        assertEquals(Set.of(Role.INTEGRATOR), integrator.roles());
        assertEquals(Set.of("volunteers:read"), integrator.scopes());
        assertEquals("token:" + created.token().id(), integrator.name());
    }

    @Test
    void twoTokensOfTheSameNameAreTwoCallers() {
        CreatedToken first = tokens.create(CENTRAL, new NewToken("app", List.of("volunteers:read"), null, "2027-01-01"));
        CreatedToken second = tokens.create(CENTRAL, new NewToken("app", List.of("volunteers:read"), null, "2027-01-01"));
        Caller one = tokens.authenticate(first.secret());
        Caller other = tokens.authenticate(second.secret());
        assertEquals("token:" + first.token().id(), one.name());
        assertEquals("token:" + second.token().id(), other.name());
        assertFalse(one.name().equals(other.name()), "rate limits and the audit trail tell them apart");
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        CreatedToken created = tokens.create(CENTRAL, new NewToken("app", List.of("volunteers:read"), "50", "2027-01-01"));
        TokenView revoked = tokens.revoke(CENTRAL, created.token().id());
        assertNotNull(revoked.revokedAt());
        assertEquals("token-revoked", codeOf(() -> tokens.authenticate(created.secret())));
        assertEquals(revoked.revokedAt(), tokens.revoke(CENTRAL, created.token().id()).revokedAt(), "idempotent");
    }

    @Test
    void aTokenIsValidThroughItsLastDayInThailand() {
        CreatedToken created = tokens.create(CENTRAL, new NewToken("app", List.of("networks:read"), null, "2026-12-31"));
        now = Instant.parse("2026-12-31T16:59:00Z"); // 23:59 in Bangkok
        tokens = service();
        assertEquals("token:" + created.token().id(), tokens.authenticate(created.secret()).name());
        now = Instant.parse("2026-12-31T17:00:00Z"); // 00:00 on 1 January in Bangkok
        tokens = service();
        assertEquals("token-expired", codeOf(() -> tokens.authenticate(created.secret())));
    }

    @Test
    void badRequestsNameTheirFields() {
        ProblemException e = assertThrows(ProblemException.class, () -> tokens.create(CENTRAL,
                new NewToken(" ", List.of("volunteers:read", "users:write", "root"), "99", "2030-01-01")));
        assertEquals(422, e.status());
        List<String> got = e.errors().stream().map(f -> f.field() + ":" + f.code()).toList();
        assertEquals(List.of("name:length", "scopes:unknown-scope", "scopes:unknown-scope", "province:unknown",
                "expiresOn:range"), got);
        assertEquals("expiresOn:format", assertThrows(ProblemException.class, () -> tokens.create(CENTRAL,
                new NewToken("x", List.of("volunteers:read"), null, "31/3/2570"))).errors().stream()
                .map(f -> f.field() + ":" + f.code()).findFirst().orElseThrow());
        assertEquals("scopes:required", assertThrows(ProblemException.class, () -> tokens.create(CENTRAL,
                new NewToken("x", List.of(), null, "2027-01-01"))).errors().get(0).field() + ":required");
    }

    @Test
    void onlyANationalTokenCarriesTheMetricsScope() {
        CreatedToken scraper = tokens.create(CENTRAL, new NewToken("prometheus", List.of("metrics:read"), null,
                "2027-01-01"));
        assertEquals(Set.of("metrics:read"), tokens.authenticate(scraper.secret()).scopes());
        ProblemException e = assertThrows(ProblemException.class, () -> tokens.create(CENTRAL,
                new NewToken("cm scraper", List.of("volunteers:read", "metrics:read"), "50", "2027-01-01")));
        assertEquals(422, e.status());
        assertEquals(List.of("scopes:national-scope"), e.errors().stream().map(f -> f.field() + ":" + f.code())
                .toList());
        // a province admin creates only tokens of their province, so never a scrape token
        assertEquals(422, statusOf(() -> tokens.create(CM_ADMIN,
                new NewToken("cm scraper", List.of("metrics:read"), "50", "2027-01-01"))));
    }

    @Test
    void nonsenseIsAnInvalidTokenWithoutALookup() {
        assertEquals("invalid-token", codeOf(() -> tokens.authenticate("abc")));
        assertEquals("invalid-token", codeOf(() -> tokens.authenticate(TokenSecrets.generate())));
    }

    @Test
    void aProvinceAdminKeepsToTheirProvince() {
        CreatedToken own = tokens.create(CM_ADMIN, new NewToken("cm", List.of("volunteers:read"), "50", "2027-01-01"));
        assertEquals(403, statusOf(() -> tokens.create(CM_ADMIN,
                new NewToken("kk", List.of("volunteers:read"), "40", "2027-01-01"))));
        assertEquals(403, statusOf(() -> tokens.create(CM_ADMIN,
                new NewToken("national", List.of("volunteers:read"), null, "2027-01-01"))));
        CreatedToken national = tokens.create(CENTRAL, new NewToken("n", List.of("volunteers:read"), null, "2027-01-01"));
        CreatedToken kk = tokens.create(CENTRAL, new NewToken("k", List.of("volunteers:read"), "40", "2027-01-01"));
        assertEquals(List.of(own.token().id()), tokens.list(CM_ADMIN, PageRequest.of(null, null)).items().stream()
                .map(TokenView::id).toList());
        assertEquals(404, statusOf(() -> tokens.revoke(CM_ADMIN, national.token().id())));
        assertEquals(404, statusOf(() -> tokens.revoke(CM_ADMIN, kk.token().id())));
        assertEquals(3, tokens.list(CENTRAL, PageRequest.of(null, null)).items().size());
        Caller officer = Caller.person("o", Set.of(Role.PROVINCE_OFFICER), ProvinceCode.of("50"));
        assertEquals(403, statusOf(() -> tokens.list(officer, PageRequest.of(null, null))));
    }

    private static String codeOf(Runnable r) {
        return assertThrows(ProblemException.class, r::run).code();
    }

    private static int statusOf(Runnable r) {
        return assertThrows(ProblemException.class, r::run).status();
    }

}
