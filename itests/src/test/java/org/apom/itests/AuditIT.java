package org.apom.itests;

import static org.apom.itests.PlatformContract.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.Statement;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.HttpAnswer;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

/** The audit trail over HTTP: writes are recorded with their request, and an edit in the database shows. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class AuditIT extends ApomContainerTest {

    private static final String PASSWORD = "a long enough passphrase";

    @Inject
    @Filter("(osgi.jndi.service.name=apom)")
    private DataSource dataSource;

    @Test
    public void a_everyWriteIsRecordedWithWhoAndWhichRequest() throws Exception {
        HttpAnswer created = asAdmin().with("X-Request-Id", "it-request-0001")
                .post("/users", "{\"username\": \"audited\", \"password\": \"" + PASSWORD
                        + "\", \"roles\": [\"province-officer\"], \"province\": \"40\"}");
        assertEquals(201, created.status());
        assertEquals("it-request-0001", created.header("X-Request-Id"));

        awaitAuditSealed();
        JsonNode entries = asAdmin().get("/audit?entity=user&id=audited").json().get("items");
        assertEquals(entries.toString(), 1, entries.size());
        JsonNode entry = entries.get(0);
        assertEquals("user.create", entry.get("action").asText());
        assertEquals("admin", entry.get("actor").asText());
        assertEquals("central-admin", entry.get("roles").asText());
        assertEquals("it-request-0001", entry.get("requestId").asText());
        assertEquals("40", entry.get("entityProvince").asText());
        assertTrue(entry.get("after").asText().contains("province-officer"));
        assertFalse(entry.get("after").asText().contains(PASSWORD));
        assertNotNull("every authenticated answer names its request", asAdmin().get("/users").header("X-Request-Id"));
    }

    @Test
    public void b_onlyAuditorsAndCentralAdminsReadTheTrail() throws Exception {
        asAdmin().post("/users", "{\"username\": \"the-auditor\", \"password\": \"" + PASSWORD
                + "\", \"roles\": [\"auditor\"]}");
        assertEquals(200, http().as("the-auditor", PASSWORD).get("/audit").status());
        assertEquals(200, http().as("the-auditor", PASSWORD).get("/audit/verification").status());
        assertProblem(http().as("audited", PASSWORD).get("/audit"), 403, "forbidden");
        assertProblem(asAdmin().get("/audit?from=yesterday"), 400, "invalid-parameter");
        assertTrue(asAdmin().get("/audit/verification").json().get("brokenAt").isNull());
    }

    @Test
    public void c_anEntryEditedInTheDatabaseIsFound() throws Exception {
        awaitAuditSealed();
        long seq = asAdmin().get("/audit?entity=user&id=audited").json().at("/items/0/seq").asLong();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE security_audit SET actor = 'someone-else' WHERE seq = " + seq));
        }
        JsonNode verification = asAdmin().get("/audit/verification").json();
        assertEquals(verification.toString(), seq, verification.get("brokenAt").asLong());
        assertTrue(verification.get("reason").asText().contains("changed"));
    }
}
