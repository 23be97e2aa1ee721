package org.apom.itests;

import static org.apom.itests.PlatformContract.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apom.itests.support.HttpAnswer;
import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The walking skeleton's security promises on each supported database: only health and the API description are
 * public (and the API description says so exactly), the first admin is an Argon2 hash with no Karaf account
 * beside it, and writes are audited in a chain that verifies. Run through {@link PlatformContract}.
 */
public abstract class PlatformSecurityContract extends RegisterFilesContract {

    @Inject
    @Filter("(osgi.jndi.service.name=apom)")
    protected DataSource dataSource;

    @Test
    public void writesAreAuditedInAChainThatVerifiesOnThisDatabase() throws Exception {
        HttpAnswer created = asAdmin().post("/users", "{\"username\": \"chain-check\", \"password\": "
                + "\"a long enough passphrase\", \"roles\": [\"auditor\"]}");
        assertEquals(created.toString(), 201, created.status());
        awaitAuditSealed();
        JsonNode verification = asAdmin().get("/audit/verification").json();
        assertTrue(verification.toString(), verification.get("brokenAt").isNull());
        assertTrue(verification.toString(), verification.get("entries").asLong() >= 1);
    }

    @Test
    public void onlyHealthAndTheApiDescriptionArePublic() throws Exception {
        assertEquals(200, http().get("/health").status());
        assertEquals("UP", http().get("/health/live").json().get("status").asText());
        assertEquals(200, http().get("/openapi.json").status());
        HttpAnswer anonymous = http().get("/areas/provinces");
        assertProblem(anonymous, 401, "authentication-required");
        assertTrue(anonymous.header("WWW-Authenticate"), anonymous.header("WWW-Authenticate").startsWith("Basic"));
        assertProblem(http().with("Authorization", "Basic " + base64("admin:wrong-password")).get("/areas/provinces"),
                401, "invalid-credentials");
        assertProblem(http().with("Authorization", "Basic " + base64("nobody:whatever")).get("/areas/provinces"),
                401, "invalid-credentials");
        assertProblem(http().with("Authorization", "Basic !!!").get("/areas/provinces"), 401,
                "malformed-authorization");
        assertProblem(http().with("Authorization", "Bearer").get("/areas/provinces"), 401,
                "malformed-authorization");
    }

    @Test
    public void everyOperationTheDocumentCallsPublicIsPublicAndNoOtherIs() throws Exception {
        JsonNode doc = http().get("/openapi.json").json();
        assertEquals("basic", doc.at("/components/securitySchemes/basicAuth/scheme").asText());
        int publicOperations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "00");
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                boolean documentedPublic = !op.getValue().has("security") || op.getValue().get("security").isEmpty();
                HttpAnswer anonymous = http().send(op.getKey().toUpperCase(), concrete, null, null);
                assertEquals(op.getKey() + " " + path.getKey() + ": " + anonymous, documentedPublic,
                        anonymous.status() != 401);
                publicOperations += documentedPublic ? 1 : 0;
            }
        }
        assertEquals("health, health/live and openapi.json", 3, publicOperations);
    }

    @Test
    public void theFirstAdminHasAGeneratedPasswordStoredOnlyAsAnArgon2Hash() throws Exception {
        String password = Files.readString(adminPasswordFile()).strip();
        assertTrue(password.length() >= 20);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(adminPasswordFile())));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT username, password_hash, roles FROM security_user")) {
            assertTrue(rs.next());
            assertEquals("admin", rs.getString(1));
            assertTrue(rs.getString(2), rs.getString(2).startsWith("$argon2id$"));
            assertFalse(rs.getString(2).contains(password));
            assertEquals("central-admin", rs.getString(3));
            assertFalse("the first start creates one account", rs.next());
        }
        Properties karafUsers = new Properties();
        try (var in = Files.newInputStream(Path.of(System.getProperty("karaf.etc"), "users.properties"))) {
            karafUsers.load(in);
        }
        assertTrue("Karaf's own realm holds no account (no karaf/karaf): " + karafUsers, karafUsers.isEmpty());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
