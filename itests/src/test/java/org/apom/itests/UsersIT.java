package org.apom.itests;

import static org.apom.itests.PlatformContract.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/** Accounts over HTTP: who may create whom, what bad input gets, concurrency and lockout. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UsersIT extends ApomContainerTest {

    private static final String PASSWORD = "a long enough passphrase";

    @Test
    public void aProvinceAdminManagesOnlyOfficersOfTheirOwnProvince() throws Exception {
        HttpAnswer created = asAdmin().post("/users", user("cm-admin", "province-admin", "50"));
        assertEquals(created.toString(), 201, created.status());
        assertTrue(created.header("Location"), created.header("Location").endsWith("/api/v1/users/cm-admin"));
        assertNotNull(created.header("ETag"));
        assertEquals("50", created.json().get("province").asText());

        Http cmAdmin = http().as("cm-admin", PASSWORD);
        assertEquals(201, cmAdmin.post("/users", user("cm-officer", "province-officer", "50")).status());
        assertProblem(cmAdmin.post("/users", user("boss", "central-admin", null)), 403, "role-not-grantable");
        assertProblem(cmAdmin.post("/users", user("cm-admin-2", "province-admin", "50")), 403, "role-not-grantable");
        assertProblem(cmAdmin.post("/users", user("kk-officer", "province-officer", "40")), 403, "role-not-grantable");

        assertEquals(201, asAdmin().post("/users", user("kk-officer-1", "province-officer", "40")).status());
        assertProblem(cmAdmin.get("/users/kk-officer-1"), 404, "not-found");
        // a user of no province is national, nobody's own province (issue 10, finding 8)
        assertProblem(cmAdmin.get("/users/admin"), 404, "not-found");
        assertProblem(cmAdmin.copy().with("If-Match", "*").send("PATCH", "/users/admin", "application/merge-patch+json",
                "{\"enabled\": false}"), 404, "not-found");
        assertEquals(true, asAdmin().get("/users/admin").json().get("enabled").asBoolean());
        JsonNode visible = cmAdmin.get("/users").json().get("items");
        for (JsonNode u : visible) {
            assertEquals(u.toString(), "50", u.get("province").asText());
        }
        assertProblem(http().as("cm-officer", PASSWORD).get("/users"), 403, "forbidden");
    }

    @Test
    public void badInputGetsAClearAnswerAndWritesNothing() throws Exception {
        HttpAnswer invalid = asAdmin().post("/users", "{\"username\": \"X y\", \"password\": \"short\", "
                + "\"roles\": [\"root\"], \"province\": \"99\"}");
        assertProblem(invalid, 422, "validation");
        assertTrue(invalid.body(), invalid.body().contains("\"field\":\"username\""));
        assertTrue(invalid.body(), invalid.body().contains("at least 12"));
        assertProblem(asAdmin().post("/users", user("nowhere", "province-officer", "99")), 422, "validation");
        assertProblem(asAdmin().post("/users", "{\"username\": "), 400, "malformed-json");
        assertProblem(asAdmin().post("/users", "{\"username\": \"u1\", \"pasword\": \"x\"}"), 400, "unknown-field");
        assertProblem(asAdmin().send("POST", "/users", "text/plain", "hello"), 415, "unsupported-media-type");
        assertProblem(asAdmin().get("/users?limit=ten"), 400, "invalid-parameter");
        assertProblem(asAdmin().get("/users?limit=501"), 400, "invalid-parameter");

        assertEquals(201, asAdmin().post("/users", user("twice", "auditor", null)).status());
        assertProblem(asAdmin().post("/users", user("twice", "auditor", null)), 409, "duplicate-username");
        assertProblem(asAdmin().get("/users/never-created"), 404, "not-found");
    }

    @Test
    public void changesNeedTheCurrentETag() throws Exception {
        HttpAnswer created = asAdmin().post("/users", user("etag-user", "auditor", null));
        String etag = created.header("ETag");
        String disable = "{\"enabled\": false}";
        assertProblem(asAdmin().send("PATCH", "/users/etag-user", "application/merge-patch+json", disable), 428,
                "precondition-required");
        HttpAnswer changed = asAdmin().with("If-Match", etag)
                .send("PATCH", "/users/etag-user", "application/merge-patch+json", disable);
        assertEquals(changed.toString(), 200, changed.status());
        assertEquals(false, changed.json().get("enabled").asBoolean());
        assertTrue(!etag.equals(changed.header("ETag")));
        assertProblem(asAdmin().with("If-Match", etag)
                .send("PATCH", "/users/etag-user", "application/merge-patch+json", "{\"enabled\": true}"), 412,
                "precondition-failed");
        assertProblem(http().as("etag-user", PASSWORD).get("/areas/provinces"), 401, "account-disabled");
    }

    @Test
    public void fiveWrongPasswordsLockAnAccountUntilAnAdminLiftsIt() throws Exception {
        String etag = asAdmin().post("/users", user("locked-user", "auditor", null)).header("ETag");
        Http wrong = http().as("locked-user", "not the password at all");
        for (int i = 0; i < 4; i++) {
            assertProblem(wrong.get("/areas/provinces"), 401, "invalid-credentials");
        }
        assertProblem(wrong.get("/areas/provinces"), 401, "account-locked");
        assertProblem(http().as("locked-user", PASSWORD).get("/areas/provinces"), 401, "account-locked");
        HttpAnswer view = asAdmin().get("/users/locked-user");
        assertTrue(view.json().get("locked").asBoolean());
        // web failures lock out their address only: the shell on the host (JAAS, address "local") still logs in
        assertTrue(roles("locked-user", PASSWORD).contains("auditor"));

        assertEquals(200, asAdmin().with("If-Match", view.header("ETag"))
                .send("PATCH", "/users/locked-user", "application/merge-patch+json", "{\"locked\": false}").status());
        assertEquals(200, http().as("locked-user", PASSWORD).get("/areas/provinces").status());
        assertNotNull(etag);
    }

    @Test
    public void theKarafRealmGivesTheShellToCentralAdminsOnly() throws Exception {
        assertEquals(201, asAdmin().post("/users", user("shell-officer", "province-officer", "50")).status());
        Set<String> admin = roles("admin", Files.readString(adminPasswordFile()).strip());
        assertTrue(admin.toString(), admin.containsAll(Set.of("central-admin", "ssh", "admin")));
        Set<String> officer = roles("shell-officer", PASSWORD);
        assertTrue(officer.toString(), officer.contains("province-officer"));
        assertFalse(officer.toString(), officer.contains("ssh") || officer.contains("admin"));
        try {
            roles("shell-officer", "not the password at all");
            fail("a wrong password must not log in to the shell");
        } catch (LoginException expected) {
            // refused
        }
    }

    /** Logs in to the JAAS realm that Karaf's ssh and JMX use, and returns the role names it grants. */
    private static Set<String> roles(String username, String password) throws LoginException {
        Subject subject = new Subject();
        new LoginContext("apom", subject, callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof NameCallback n) {
                    n.setName(username);
                } else if (c instanceof PasswordCallback p) {
                    p.setPassword(password.toCharArray());
                }
            }
        }).login();
        Set<String> roles = new TreeSet<>();
        subject.getPrincipals().stream().filter(p -> p.getClass().getSimpleName().equals("RolePrincipal"))
                .forEach(p -> roles.add(p.getName()));
        return roles;
    }

    private static String user(String username, String role, String province) {
        return "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\", \"roles\": [\"" + role
                + "\"], \"province\": " + (province == null ? "null" : "\"" + province + "\"") + "}";
    }
}
