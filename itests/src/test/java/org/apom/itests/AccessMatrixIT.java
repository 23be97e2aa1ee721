package org.apom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.apom.core.api.FiscalYear;
import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;
import org.apom.itests.support.TestJars;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who gets what, for every operation the platform serves: each role, on a record of its own province and of
 * another. The table below is the expectation; the test fails when the platform serves an operation the
 * table does not cover, so every new endpoint must join it (docs/security.md is the rule behind it).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AccessMatrixIT extends ApomContainerTest {

    /** own = a record of province 50 (the province roles' own); other = of province 40; - = no record. */
    static final String MATRIX = """
            | operation                                  | target | central | p-admin | officer | auditor | integrator | anonymous |
            | GET /health                                | -      | 200     | 200     | 200     | 200     | 200        | 200       |
            | GET /health/live                           | -      | 200     | 200     | 200     | 200     | 200        | 200       |
            | GET /openapi.json                          | -      | 200     | 200     | 200     | 200     | 200        | 200       |
            | GET /areas/provinces                       | -      | 200     | 200     | 200     | 200     | 200        | 401       |
            | GET /areas/provinces/{code}/districts      | own    | 200     | 200     | 200     | 200     | 200        | 401       |
            | GET /areas/provinces/{code}/districts      | other  | 200     | 200     | 200     | 200     | 200        | 401       |
            | GET /areas/districts/{code}/subdistricts   | own    | 200     | 200     | 200     | 200     | 200        | 401       |
            | GET /areas/districts/{code}/subdistricts   | other  | 200     | 200     | 200     | 200     | 200        | 401       |
            | POST /users                                | own    | 201     | 201     | 403     | 403     | 403        | 401       |
            | POST /users                                | other  | 201     | 403     | 403     | 403     | 403        | 401       |
            | GET /users                                 | -      | 200     | 200     | 403     | 403     | 403        | 401       |
            | GET /users/{username}                      | own    | 200     | 200     | 403     | 403     | 403        | 401       |
            | GET /users/{username}                      | other  | 200     | 404     | 403     | 403     | 403        | 401       |
            | PATCH /users/{username}                    | own    | 200     | 200     | 403     | 403     | 403        | 401       |
            | PATCH /users/{username}                    | other  | 200     | 404     | 403     | 403     | 403        | 401       |
            | POST /tokens                               | own    | 201     | 201     | 403     | 403     | 403        | 401       |
            | POST /tokens                               | other  | 201     | 403     | 403     | 403     | 403        | 401       |
            | GET /tokens                                | -      | 200     | 200     | 403     | 403     | 403        | 401       |
            | DELETE /tokens/{id}                        | own    | 204     | 204     | 403     | 403     | 403        | 401       |
            | DELETE /tokens/{id}                        | other  | 204     | 404     | 403     | 403     | 403        | 401       |
            | POST /volunteers                           | own    | 201     | 201     | 201     | 403     | 403        | 401       |
            | POST /volunteers                           | other  | 201     | 403     | 403     | 403     | 403        | 401       |
            | GET /volunteers                            | -      | 200     | 200     | 200     | 403     | 200        | 401       |
            | GET /volunteers/{id}                       | own    | 200     | 200     | 200     | 403     | 200        | 401       |
            | GET /volunteers/{id}                       | other  | 200     | 404     | 404     | 403     | 404        | 401       |
            | PATCH /volunteers/{id}                     | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | PATCH /volunteers/{id}                     | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | GET /volunteers/{id}/history               | own    | 200     | 200     | 200     | 403     | 200        | 401       |
            | GET /volunteers/{id}/history               | other  | 200     | 404     | 404     | 403     | 404        | 401       |
            | GET /volunteers/{id}/checks                | own    | 200     | 200     | 200     | 403     | 200        | 401       |
            | GET /volunteers/{id}/checks                | other  | 200     | 404     | 404     | 403     | 404        | 401       |
            | POST /volunteers/{id}/status               | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | POST /volunteers/{id}/status               | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | POST /volunteers/{id}/verifications        | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | POST /volunteers/{id}/verifications        | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | POST /volunteers/{id}/merges               | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | POST /volunteers/{id}/merges               | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | POST /volunteers/transfers                 | own    | 201     | 201     | 201     | 403     | 403        | 401       |
            | POST /volunteers/transfers                 | other  | 201     | 403     | 403     | 403     | 403        | 401       |
            | GET /volunteers/transfers                  | -      | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /volunteers/transfers/{id}             | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /volunteers/transfers/{id}             | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | POST /volunteers/transfers/{id}/approval   | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | POST /volunteers/transfers/{id}/approval   | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | GET /volunteers/duplicates                 | -      | 200     | 200     | 200     | 403     | 200        | 401       |
            | POST /volunteers/duplicates/dismissals     | own    | 204     | 204     | 204     | 403     | 403        | 401       |
            | POST /volunteers/duplicates/dismissals     | other  | 204     | 404     | 404     | 403     | 403        | 401       |
            | POST /volunteers/imports                   | own    | 202     | 202     | 202     | 403     | 403        | 401       |
            | POST /volunteers/imports                   | other  | 202     | 403     | 403     | 403     | 403        | 401       |
            | GET /volunteers/imports/{id}               | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /volunteers/imports/{id}               | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | GET /volunteers/imports                    | -      | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /volunteers/imports/{id}/rejected      | own    | 200     | 403     | 403     | 403     | 403        | 401       |
            | GET /volunteers/imports/{id}/rejected      | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | GET /volunteers/export                     | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /volunteers/export                     | other  | 200     | 403     | 403     | 403     | 403        | 401       |
            | GET /data-quality                          | -      | 200     | 200     | 200     | 403     | 200        | 401       |
            | GET /changes                               | -      | 200     | 200     | 200     | 403     | 200        | 401       |
            | GET /extensions                            | -      | 200     | 200     | 403     | 403     | 403        | 401       |
            | POST /extensions                           | own    | 201     | 201     | 403     | 403     | 403        | 401       |
            | POST /extensions                           | other  | 201     | 403     | 403     | 403     | 403        | 401       |
            | PUT /extensions/{symbolicName}             | own    | 200     | 200     | 403     | 403     | 403        | 401       |
            | PUT /extensions/{symbolicName}             | other  | 200     | 404     | 403     | 403     | 403        | 401       |
            | POST /extensions/{symbolicName}/rollback   | own    | 200     | 200     | 403     | 403     | 403        | 401       |
            | POST /extensions/{symbolicName}/rollback   | other  | 200     | 404     | 403     | 403     | 403        | 401       |
            | DELETE /extensions/{symbolicName}          | own    | 204     | 204     | 403     | 403     | 403        | 401       |
            | DELETE /extensions/{symbolicName}          | other  | 204     | 404     | 403     | 403     | 403        | 401       |
            | GET /extensions/submissions                | -      | 200     | 200     | 403     | 403     | 403        | 401       |
            | POST /extensions/submissions               | own    | 201     | 201     | 403     | 403     | 403        | 401       |
            | POST /extensions/submissions               | other  | 201     | 403     | 403     | 403     | 403        | 401       |
            | GET /extensions/submissions/{id}           | own    | 200     | 200     | 403     | 403     | 403        | 401       |
            | GET /extensions/submissions/{id}           | other  | 200     | 404     | 403     | 403     | 403        | 401       |
            | POST /extensions/submissions/{id}/approval | own    | 200     | 403     | 403     | 403     | 403        | 401       |
            | POST /extensions/submissions/{id}/approval | other  | 200     | 403     | 403     | 403     | 403        | 401       |
            | POST /extensions/submissions/{id}/rejection | own   | 200     | 403     | 403     | 403     | 403        | 401       |
            | POST /extensions/submissions/{id}/rejection | other | 200     | 403     | 403     | 403     | 403        | 401       |
            | POST /extensions/submissions/{id}/revocation | own  | 200     | 403     | 403     | 403     | 403        | 401       |
            | POST /extensions/submissions/{id}/revocation | other | 200    | 403     | 403     | 403     | 403        | 401       |
            | GET /audit                                 | -      | 200     | 403     | 403     | 200     | 403        | 401       |
            | GET /audit/verification                    | -      | 200     | 403     | 403     | 200     | 403        | 401       |
            | GET /metrics                               | -      | 200     | 403     | 403     | 403     | 403        | 401       |
            | POST /networks                             | own    | 201     | 201     | 201     | 403     | 403        | 401       |
            | POST /networks                             | other  | 201     | 403     | 403     | 403     | 403        | 401       |
            | GET /networks                              | -      | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /networks/{id}                         | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /networks/{id}                         | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | PATCH /networks/{id}                       | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | PATCH /networks/{id}                       | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | POST /networks/{id}/members                | own    | 201     | 201     | 201     | 403     | 403        | 401       |
            | POST /networks/{id}/members                | other  | 201     | 404     | 404     | 403     | 403        | 401       |
            | GET /networks/{id}/members                 | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /networks/{id}/members                 | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | GET /networks/{id}/members/{volunteerId}   | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /networks/{id}/members/{volunteerId}   | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | DELETE /networks/{id}/members/{volunteerId} | own   | 200     | 200     | 200     | 403     | 403        | 401       |
            | DELETE /networks/{id}/members/{volunteerId} | other | 200     | 404     | 404     | 403     | 403        | 401       |
            | GET /networks/{id}/committee               | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /networks/{id}/committee               | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | PUT /networks/{id}/committee               | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | PUT /networks/{id}/committee               | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | GET /networks/{id}/committees              | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /networks/{id}/committees              | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | POST /networks/{id}/activities             | own    | 201     | 201     | 201     | 403     | 403        | 401       |
            | POST /networks/{id}/activities             | other  | 201     | 404     | 404     | 403     | 403        | 401       |
            | GET /networks/{id}/activities              | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /networks/{id}/activities              | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | GET /networks/{id}/activities/{activityId} | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /networks/{id}/activities/{activityId} | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | POST /networks/{id}/activities/imports     | own    | 202     | 202     | 202     | 403     | 403        | 401       |
            | POST /networks/{id}/activities/imports     | other  | 202     | 404     | 404     | 403     | 403        | 401       |
            | GET /networks/{id}/activities/imports/{importId} | own | 200 | 200     | 200     | 403     | 403        | 401       |
            | GET /networks/{id}/activities/imports/{importId} | other | 200 | 404   | 404     | 403     | 403        | 401       |
            | GET /tiering/criteria                      | -      | 200     | 200     | 200     | 403     | 403        | 401       |
            | POST /tiering/runs                         | own    | 202     | 202     | 403     | 403     | 403        | 401       |
            | POST /tiering/runs                         | other  | 202     | 403     | 403     | 403     | 403        | 401       |
            | GET /tiering/runs                          | -      | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /tiering/runs/{id}                     | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /tiering/runs/{id}                     | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | GET /tiering/summary                       | -      | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /networks/{id}/assessments             | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /networks/{id}/assessments             | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | POST /networks/{id}/assessments/overrides  | own    | 201     | 403     | 403     | 403     | 403        | 401       |
            | POST /networks/{id}/assessments/overrides  | other  | 201     | 403     | 403     | 403     | 403        | 401       |
            | GET /activity-kinds                        | -      | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /activity-kinds/{code}                 | -      | 200     | 200     | 200     | 403     | 403        | 401       |
            | POST /activity-kinds                       | -      | 201     | 403     | 403     | 403     | 403        | 401       |
            | GET /awards                                | -      | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /volunteers/{id}/eligibility           | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /volunteers/{id}/eligibility           | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | GET /volunteers/{id}/awards                | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /volunteers/{id}/awards                | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | POST /volunteers/{id}/awards               | own    | 201     | 403     | 403     | 403     | 403        | 401       |
            | POST /volunteers/{id}/awards               | other  | 201     | 403     | 403     | 403     | 403        | 401       |
            | POST /nominations                          | own    | 201     | 201     | 201     | 403     | 403        | 401       |
            | POST /nominations                          | other  | 201     | 422     | 422     | 403     | 403        | 401       |
            | GET /nominations                           | -      | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /nominations/summary                   | -      | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /nominations/dossier                   | -      | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /nominations/{id}                      | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /nominations/{id}                      | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | POST /nominations/{id}/transitions         | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | POST /nominations/{id}/transitions         | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | GET /networks/{id}/registration            | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | GET /networks/{id}/registration            | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | PUT /networks/{id}/registration/{kind}     | own    | 200     | 200     | 200     | 403     | 403        | 401       |
            | PUT /networks/{id}/registration/{kind}     | other  | 200     | 404     | 404     | 403     | 403        | 401       |
            | POST /webhooks                             | own    | 201     | 201     | 403     | 403     | 403        | 401       |
            | POST /webhooks                             | other  | 201     | 403     | 403     | 403     | 403        | 401       |
            | GET /webhooks                              | -      | 200     | 200     | 403     | 403     | 403        | 401       |
            | GET /webhooks/{id}                         | own    | 200     | 200     | 403     | 403     | 403        | 401       |
            | GET /webhooks/{id}                         | other  | 200     | 404     | 403     | 403     | 403        | 401       |
            | PATCH /webhooks/{id}                       | own    | 200     | 200     | 403     | 403     | 403        | 401       |
            | PATCH /webhooks/{id}                       | other  | 200     | 404     | 403     | 403     | 403        | 401       |
            | DELETE /webhooks/{id}                      | own    | 204     | 204     | 403     | 403     | 403        | 401       |
            | DELETE /webhooks/{id}                      | other  | 204     | 404     | 403     | 403     | 403        | 401       |
            | GET /webhooks/{id}/deliveries              | own    | 200     | 200     | 403     | 403     | 403        | 401       |
            | GET /webhooks/{id}/deliveries              | other  | 200     | 404     | 403     | 403     | 403        | 401       |
            | GET /webhooks/{id}/deliveries/{deliveryId} | own    | 200     | 200     | 403     | 403     | 403        | 401       |
            | GET /webhooks/{id}/deliveries/{deliveryId} | other  | 200     | 404     | 403     | 403     | 403        | 401       |
            | POST /webhooks/{id}/deliveries/{deliveryId}/redeliver | own | 202 | 202 | 403     | 403     | 403        | 401       |
            | POST /webhooks/{id}/deliveries/{deliveryId}/redeliver | other | 202 | 404 | 403   | 403     | 403        | 401       |
            """;

    private static final String PASSWORD = "a long enough passphrase";
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final AtomicInteger RUN_YEARS = new AtomicInteger();

    @Inject
    private JaxrsServiceRuntime runtime;
    private Http submitter;
    private final Map<String, String[]> webhooks = new HashMap<>();
    private final Map<String, String[]> networks = new HashMap<>();
    private final Map<String, String> nominations = new HashMap<>();

    @Test
    public void everyRoleGetsWhatTheTableSays() throws Exception {
        Map<String, Http> callers = callers();
        List<String> wrong = new ArrayList<>();
        List<String[]> rows = rows();
        String[] header = rows.get(0);
        for (String[] row : rows.subList(1, rows.size())) {
            for (int column = 2; column < header.length; column++) {
                String role = header[column];
                int expected = Integer.parseInt(row[column]);
                HttpAnswer answer = call(callers.get(role), row[0], row[1]);
                if (answer.status() != expected) {
                    wrong.add(row[0] + " [" + row[1] + "] as " + role + ": expected " + expected + ", got " + answer);
                }
            }
        }
        assertTrue(String.join("\n", wrong), wrong.isEmpty());
    }

    @Test
    public void theTableCoversEveryOperationThePlatformServes() {
        Set<String> covered = new TreeSet<>();
        rows().subList(1, rows().size()).forEach(r -> covered.add(r[0]));
        Set<String> served = new TreeSet<>();
        for (ApplicationDTO app : runtime.getRuntimeDTO().applicationDTOs) {
            for (ResourceDTO resource : app.resourceDTOs) {
                for (ResourceMethodInfoDTO m : resource.resourceMethods) {
                    served.add(m.method + " " + (m.path.startsWith("/") ? m.path : "/" + m.path));
                }
            }
        }
        Set<String> uncovered = new TreeSet<>(served);
        uncovered.removeAll(covered);
        assertTrue("served but not in the access matrix (add a row): " + uncovered, uncovered.isEmpty());
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(served);
        assertTrue("in the access matrix but not served: " + stale, stale.isEmpty());
    }

    private Map<String, Http> callers() throws Exception {
        Map<String, Http> callers = new LinkedHashMap<>();
        callers.put("central", asAdmin());
        callers.put("p-admin", person("matrix-cm-admin", "province-admin", "50"));
        callers.put("officer", person("matrix-cm-officer", "province-officer", "50"));
        callers.put("auditor", person("matrix-auditor", "auditor", null));
        String token = asAdmin().post("/tokens", "{\"name\": \"matrix\", \"scopes\": [\"volunteers:read\"], "
                + "\"province\": \"50\", \"expiresOn\": \"" + LocalDate.now().plusDays(30) + "\"}").json()
                .get("secret").asText();
        callers.put("integrator", http().with("Authorization", "Bearer " + token));
        callers.put("anonymous", http());
        person("matrix-own-target", "province-officer", "50");
        person("matrix-other-target", "province-officer", "40");
        return callers;
    }

    private Http person(String username, String role, String province) throws Exception {
        HttpAnswer created = asAdmin().post("/users", userJson(username, role, province));
        assertTrue(created.toString(), created.status() == 201 || created.status() == 409);
        return http().as(username, PASSWORD);
    }

    private HttpAnswer call(Http as, String operation, String target) throws Exception {
        String province = "own".equals(target) ? "50" : "40";
        switch (operation) {
            case "GET /areas/provinces/{code}/districts":
                return as.get("/areas/provinces/" + province + "/districts");
            case "GET /areas/districts/{code}/subdistricts":
                return as.get("/areas/districts/" + province + "01/subdistricts");
            case "POST /users":
                return as.post("/users", userJson("matrix-new-" + UNIQUE.incrementAndGet(), "province-officer", province));
            case "GET /users/{username}":
                return as.get("/users/" + targetUser(target));
            case "PATCH /users/{username}":
                return as.with("If-Match", "*").send("PATCH", "/users/" + targetUser(target),
                        "application/merge-patch+json", "{\"enabled\": true}");
            case "POST /tokens":
                return as.post("/tokens", tokenJson(province));
            case "POST /volunteers":
                return as.post("/volunteers", volunteerJson(province));
            case "GET /volunteers/{id}":
                return as.get("/volunteers/" + newVolunteer(province));
            case "PATCH /volunteers/{id}":
                return as.with("If-Match", "*").send("PATCH", "/volunteers/" + newVolunteer(province),
                        "application/merge-patch+json", "{\"address\": \"1 ถนนทดสอบ\"}");
            case "GET /volunteers/{id}/history":
                return as.get("/volunteers/" + newVolunteer(province) + "/history");
            case "GET /volunteers/{id}/checks":
                return as.get("/volunteers/" + newVolunteer(province) + "/checks");
            case "POST /volunteers/{id}/status":
                return as.post("/volunteers/" + newVolunteer(province) + "/status",
                        "{\"status\": \"SUSPENDED\", \"reason\": \"matrix\"}");
            case "POST /volunteers/{id}/verifications":
                return as.send("POST", "/volunteers/" + newVolunteer(province) + "/verifications", null, null);
            case "POST /volunteers/{id}/merges":
                return as.copy().with("If-Match", "*").post("/volunteers/" + newVolunteer(province) + "/merges",
                        "{\"merged\": \"" + newVolunteer(province) + "\", \"mergedIfMatch\": \"*\"}");
            case "POST /volunteers/duplicates/dismissals":
                // every test record of a province has the same names and birth date: any two are a suspected pair
                return as.post("/volunteers/duplicates/dismissals", "{\"ids\": [\"" + newVolunteer(province)
                        + "\", \"" + newVolunteer(province) + "\"], \"reason\": \"two people\"}");
            case "POST /volunteers/transfers": {
                // into the province, of a volunteer registered in another (a probe for province callers)
                String nationalId = nationalId(UNIQUE.incrementAndGet());
                HttpAnswer created = asAdmin().post("/volunteers", volunteerJson("own".equals(target) ? "40" : "50",
                        nationalId));
                assertEquals(created.toString(), 201, created.status());
                return as.post("/volunteers/transfers", transferJson(nationalId, province));
            }
            case "GET /volunteers/transfers/{id}":
                return as.get("/volunteers/transfers/" + newTransfer(target));
            case "POST /volunteers/transfers/{id}/approval":
                return as.post("/volunteers/transfers/" + newTransfer(target) + "/approval", "{\"approve\": true}");
            case "POST /volunteers/imports":
                return as.send("POST", "/volunteers/imports?province=" + province, "text/csv", importFile(province));
            case "GET /volunteers/imports/{id}":
                String importId = asAdmin().send("POST", "/volunteers/imports?dryRun=true&province=" + province,
                        "text/csv", importFile(province)).json().get("id").asText();
                return as.get("/volunteers/imports/" + importId);
            case "GET /volunteers/imports":
                return as.get("/volunteers/imports");
            case "GET /volunteers/imports/{id}/rejected":
                // the central admin's import: the province's own staff did not send its rows, which may be anyone's
                return as.get("/volunteers/imports/" + importWithARefusedRow(province) + "/rejected");
            case "GET /volunteers/export":
                return as.get("/volunteers/export?province=" + province);
            case "POST /extensions":
                return as.sendBytes("POST", "/extensions", "application/java-archive",
                        TestJars.extension("org.apom.ext.matrix" + UNIQUE.incrementAndGet(), "1.0.0", province));
            case "PUT /extensions/{symbolicName}": {
                String name = installedExtension(province, false);
                return as.sendBytes("PUT", "/extensions/" + name, "application/java-archive",
                        TestJars.extension(name, "1.1.0", province));
            }
            case "POST /extensions/{symbolicName}/rollback":
                return as.post("/extensions/" + installedExtension(province, true) + "/rollback", "");
            case "DELETE /extensions/{symbolicName}":
                return as.send("DELETE", "/extensions/" + installedExtension(province, false), null, null);
            case "POST /extensions/submissions":
                return as.sendBytes("POST", "/extensions/submissions", "application/java-archive",
                        TestJars.extension("org.apom.ext.submitted" + UNIQUE.incrementAndGet(), "1.0.0", province));
            case "GET /extensions/submissions/{id}":
                return as.get("/extensions/submissions/" + submission(province));
            case "POST /extensions/submissions/{id}/approval":
                return as.post("/extensions/submissions/" + submission(province) + "/approval", "{}");
            case "POST /extensions/submissions/{id}/rejection":
                return as.post("/extensions/submissions/" + submission(province) + "/rejection",
                        "{\"reason\": \"reads more than it needs\"}");
            case "POST /extensions/submissions/{id}/revocation": {
                String approved = submission(province);
                assertEquals(200, asAdmin().post("/extensions/submissions/" + approved + "/approval", "{}").status());
                return as.post("/extensions/submissions/" + approved + "/revocation",
                        "{\"reason\": \"a flaw found since\"}");
            }
            case "POST /networks":
                return as.post("/networks", networkJson(province));
            case "GET /networks/{id}":
                return as.get("/networks/" + network(province)[0]);
            case "PATCH /networks/{id}":
                return as.copy().with("If-Match", "*").send("PATCH", "/networks/" + network(province)[0],
                        "application/merge-patch+json", "{\"foundedOn\": \"2020-01-01\"}");
            case "POST /networks/{id}/members":
                return as.post("/networks/" + network(province)[0] + "/members", "{\"volunteerId\": \""
                        + newVolunteer(province) + "\"}");
            case "GET /networks/{id}/members":
                return as.get("/networks/" + network(province)[0] + "/members");
            case "GET /networks/{id}/members/{volunteerId}": {
                String[] n = network(province);
                return as.get("/networks/" + n[0] + "/members/" + n[1]);
            }
            case "DELETE /networks/{id}/members/{volunteerId}": {
                String net = network(province)[0];
                String member = newVolunteer(province);
                assertEquals(201, asAdmin().post("/networks/" + net + "/members", "{\"volunteerId\": \"" + member
                        + "\"}").status());
                return as.send("DELETE", "/networks/" + net + "/members/" + member, null, null);
            }
            case "GET /networks/{id}/committee":
                return as.get("/networks/" + network(province)[0] + "/committee");
            case "PUT /networks/{id}/committee": {
                String[] n = network(province);
                return as.copy().with("If-Match", "*").send("PUT", "/networks/" + n[0] + "/committee",
                        "application/json", committeeJson(n[1]));
            }
            case "GET /networks/{id}/committees":
                return as.get("/networks/" + network(province)[0] + "/committees");
            case "POST /networks/{id}/activities": {
                String[] n = network(province);
                return as.post("/networks/" + n[0] + "/activities", activityJson(n[1]));
            }
            case "GET /networks/{id}/activities":
                return as.get("/networks/" + network(province)[0] + "/activities");
            case "GET /networks/{id}/activities/{activityId}": {
                String[] n = network(province);
                return as.get("/networks/" + n[0] + "/activities/" + n[2]);
            }
            case "POST /networks/{id}/activities/imports": {
                String[] n = network(province);
                return as.send("POST", "/networks/" + n[0] + "/activities/imports?dryRun=true", "text/csv",
                        activityFile(n[1]));
            }
            case "GET /networks/{id}/activities/imports/{importId}": {
                String[] n = network(province);
                String started = asAdmin().send("POST", "/networks/" + n[0] + "/activities/imports?dryRun=true",
                        "text/csv", activityFile(n[1])).json().get("id").asText();
                return as.get("/networks/" + n[0] + "/activities/imports/" + started);
            }
            case "POST /tiering/runs":
                // each cell a fiscal year of its own: a scope and year has one run at a time (409 otherwise)
                return as.post("/tiering/runs", "{\"fiscalYear\": " + (FiscalYear.of(LocalDate.now())
                        .buddhistYear() - 1 - RUN_YEARS.getAndIncrement() % 30) + ", \"province\": \"" + province
                        + "\"}");
            case "GET /tiering/runs/{id}":
                return as.get("/tiering/runs/" + network(province)[3]);
            case "GET /networks/{id}/assessments":
                return as.get("/networks/" + network(province)[0] + "/assessments");
            case "POST /networks/{id}/assessments/overrides":
                return as.post("/networks/" + network(province)[0] + "/assessments/overrides", "{\"fiscalYear\": "
                        + FiscalYear.of(LocalDate.now()).buddhistYear() + ", \"tier\": \"A\", \"reason\": \"matrix\"}");
            case "GET /activity-kinds/{code}":
                return as.get("/activity-kinds/HOME_VISIT");
            case "POST /activity-kinds":
                return as.post("/activity-kinds", "{\"code\": \"MATRIX_" + UNIQUE.incrementAndGet()
                        + "\", \"nameTh\": \"ทดสอบ\", \"nameEn\": \"Test\"}");
            case "GET /volunteers/{id}/eligibility":
                return as.get("/volunteers/" + network(province)[1] + "/eligibility");
            case "GET /volunteers/{id}/awards":
                return as.get("/volunteers/" + network(province)[1] + "/awards");
            case "POST /volunteers/{id}/awards":
                // a fresh volunteer each time: an honour is recorded once
                return as.post("/volunteers/" + newVolunteer(province) + "/awards", "{\"awardCode\": "
                        + "\"HONOUR_PLAQUE\", \"fiscalYear\": 2560, \"conferredOn\": \"2017-07-28\"}");
            case "POST /nominations":
                return as.post("/nominations", nominationJson(servingVolunteer(province)));
            case "GET /nominations/{id}":
                return as.get("/nominations/" + nomination(province));
            case "POST /nominations/{id}/transitions":
                // a fresh draft each time: a withdrawn one is closed
                return as.post("/nominations/" + draft(province) + "/transitions", "{\"action\": \"withdraw\", "
                        + "\"comment\": \"matrix\"}");
            case "GET /networks/{id}/registration":
                return as.get("/networks/" + network(province)[0] + "/registration");
            case "PUT /networks/{id}/registration/{kind}":
                // a fresh network each time: a registration started once is PREPARING, not to start again
                return as.send("PUT", "/networks/" + newNetwork(province) + "/registration/COMMUNITY_WELFARE",
                        "application/json", "{\"status\": \"PREPARING\"}");
            case "POST /webhooks":
                return as.post("/webhooks", webhookJson(province));
            case "GET /webhooks/{id}":
                return as.get("/webhooks/" + webhookWithDelivery(province)[0]);
            case "PATCH /webhooks/{id}":
                return as.send("PATCH", "/webhooks/" + webhookWithDelivery(province)[0], "application/merge-patch+json",
                        "{\"description\": \"matrix\"}");
            case "DELETE /webhooks/{id}":
                return as.send("DELETE", "/webhooks/" + asAdmin().post("/webhooks", webhookJson(province)).json()
                        .get("id").asText(), null, null);
            case "GET /webhooks/{id}/deliveries":
                return as.get("/webhooks/" + webhookWithDelivery(province)[0] + "/deliveries");
            case "GET /webhooks/{id}/deliveries/{deliveryId}": {
                String[] hook = webhookWithDelivery(province);
                return as.get("/webhooks/" + hook[0] + "/deliveries/" + hook[1]);
            }
            case "POST /webhooks/{id}/deliveries/{deliveryId}/redeliver": {
                String[] hook = webhookWithDelivery(province);
                return as.send("POST", "/webhooks/" + hook[0] + "/deliveries/" + hook[1] + "/redeliver", null, null);
            }
            case "DELETE /tokens/{id}":
                String id = asAdmin().post("/tokens", tokenJson(province)).json().get("id").asText();
                return as.send("DELETE", "/tokens/" + id, null, null);
            default:
                String[] methodAndPath = operation.split(" ", 2);
                assertEquals(operation + " needs a case here", -1, methodAndPath[1].indexOf('{'));
                return as.send(methodAndPath[0], methodAndPath[1], null, null);
        }
    }

    /**
     * A subdistrict network of the province made by the central admin once per province, with one member, a committee
     * and an activity: its id, the member's id and the activity's id.
     */
    private String[] network(String province) throws Exception {
        String[] made = networks.get(province);
        if (made != null) {
            return made;
        }
        HttpAnswer created = asAdmin().post("/networks", networkJson(province));
        assertEquals(created.toString(), 201, created.status());
        String id = created.json().get("id").asText();
        String member = newVolunteer(province);
        assertEquals(201, asAdmin().post("/networks/" + id + "/members", "{\"volunteerId\": \"" + member
                + "\", \"since\": \"2020-01-01\"}").status());
        assertEquals(200, asAdmin().copy().with("If-Match", "*").send("PUT", "/networks/" + id + "/committee",
                "application/json", committeeJson(member)).status());
        HttpAnswer activity = asAdmin().post("/networks/" + id + "/activities", activityJson(member));
        assertEquals(activity.toString(), 201, activity.status());
        // graded once, by the central admin, for this fiscal year: a run and an assessment to read and override
        HttpAnswer run = asAdmin().post("/tiering/runs", "{\"fiscalYear\": " + FiscalYear.of(LocalDate.now())
                .buddhistYear() + ", \"province\": \"" + province + "\"}");
        assertEquals(run.toString(), 202, run.status());
        String runId = run.json().get("id").asText();
        for (int i = 0; i < 600 && !asAdmin().get("/tiering/runs/" + runId).json().get("status").asText()
                .equals("DONE"); i++) {
            Thread.sleep(100);
        }
        made = new String[] {id, member, activity.json().get("id").asText(), runId};
        networks.put(province, made);
        return made;
    }

    /**
     * A fresh volunteer of the province registered in 2015, a member of the province's network who took part in an
     * activity in each of the three fiscal years before this one: eligible for the provincial outstanding award.
     */
    private String servingVolunteer(String province) throws Exception {
        String net = network(province)[0];
        HttpAnswer created = asAdmin().post("/volunteers", volunteerJson(province).replace("}",
                ", \"registeredOn\": \"2015-01-01\"}"));
        assertEquals(created.toString(), 201, created.status());
        String v = created.json().get("id").asText();
        assertEquals(201, asAdmin().post("/networks/" + net + "/members", "{\"volunteerId\": \"" + v
                + "\", \"since\": \"2020-01-01\"}").status());
        FiscalYear now = FiscalYear.of(LocalDate.now());
        for (int back = 3; back >= 1; back--) {
            HttpAnswer activity = asAdmin().post("/networks/" + net + "/activities", "{\"date\": \""
                    + FiscalYear.of(now.buddhistYear() - back).start().plusMonths(8) + "\", \"kind\": \"MEETING\", "
                    + "\"title\": \"ประชุม " + UNIQUE.incrementAndGet() + "\", \"participants\": [\"" + v
                    + "\"], \"hours\": 2}");
            assertEquals(activity.toString(), 201, activity.status());
        }
        return v;
    }

    private static String nominationJson(String volunteer) {
        return "{\"awardCode\": \"OUTSTANDING_PROVINCIAL\", \"volunteerId\": \"" + volunteer
                + "\", \"fiscalYear\": " + FiscalYear.of(LocalDate.now()) + ", \"justification\": \"matrix\"}";
    }

    /** A draft nomination of a fresh serving volunteer of the province, by the central admin; its id. */
    private String draft(String province) throws Exception {
        HttpAnswer drafted = asAdmin().post("/nominations", nominationJson(servingVolunteer(province)));
        assertEquals(drafted.toString(), 201, drafted.status());
        return drafted.json().get("id").asText();
    }

    /** One draft nomination of the province, made once; its id. */
    private String nomination(String province) throws Exception {
        return nominations.computeIfAbsent(province, p -> {
            try {
                return draft(p);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A new network of the province, by the central admin; its id. */
    private String newNetwork(String province) throws Exception {
        HttpAnswer created = asAdmin().post("/networks", networkJson(province));
        assertEquals(created.toString(), 201, created.status());
        return created.json().get("id").asText();
    }

    private static String networkJson(String province) {
        return "{\"name\": \"เครือข่ายทดสอบ " + UNIQUE.incrementAndGet() + "\", \"level\": \"SUBDISTRICT\", "
                + "\"areaCode\": \"" + province + "0101\", \"foundedOn\": \"2020-01-01\"}";
    }

    private static String committeeJson(String chair) {
        return "{\"termStart\": \"2024-01-01\", \"termEnd\": \"2027-12-31\", \"seats\": [{\"volunteerId\": \""
                + chair + "\", \"position\": \"CHAIR\"}]}";
    }

    private static String activityFile(String participant) {
        return "date,kind,title,participants,hours\n" + LocalDate.now().minusDays(1) + ",MEETING,ประชุม "
                + UNIQUE.incrementAndGet() + "," + participant + ",2\n";
    }

    private static String activityJson(String participant) {
        return "{\"date\": \"" + LocalDate.now().minusDays(1) + "\", \"kind\": \"MEETING\", \"title\": \"ประชุม "
                + UNIQUE.incrementAndGet() + "\", \"participants\": [\"" + participant + "\"], \"hours\": 2}";
    }

    /**
     * A webhook of the province (to a loopback port nothing listens on) with one queued message, made once per
     * province: its id and the message's id.
     */
    private String[] webhookWithDelivery(String province) throws Exception {
        String[] made = webhooks.get(province);
        if (made != null) {
            return made;
        }
        HttpAnswer created = asAdmin().post("/webhooks", webhookJson(province));
        assertEquals(created.toString(), 201, created.status());
        String id = created.json().get("id").asText();
        newVolunteer(province);
        for (int i = 0; i < 600; i++) {
            JsonNode items = asAdmin().get("/webhooks/" + id + "/deliveries").json().get("items");
            if (items.size() > 0) {
                made = new String[] {id, items.get(0).get("id").asText()};
                webhooks.put(province, made);
                return made;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no message was queued for webhook " + id);
    }

    private static String webhookJson(String province) {
        return "{\"url\": \"http://127.0.0.1:9/matrix\", \"types\": [\"volunteer.created\"], \"province\": \""
                + province + "\"}";
    }

    /** A fresh volunteer in the province, registered by the central admin; its id. */
    private String newVolunteer(String province) throws Exception {
        HttpAnswer created = asAdmin().post("/volunteers", volunteerJson(province));
        assertEquals(created.toString(), 201, created.status());
        return created.json().get("id").asText();
    }

    /**
     * A transfer requested by the central admin: for {@code own}, out of province 50 into 40; for {@code other},
     * out of 40 into 10 (neither province 50's); its id.
     */
    private String newTransfer(String target) throws Exception {
        String from = "own".equals(target) ? "50" : "40";
        String nationalId = nationalId(UNIQUE.incrementAndGet());
        HttpAnswer created = asAdmin().post("/volunteers", volunteerJson(from, nationalId));
        assertEquals(created.toString(), 201, created.status());
        HttpAnswer asked = asAdmin().post("/volunteers/transfers", transferJson(nationalId,
                "own".equals(target) ? "40" : "10"));
        assertEquals(asked.toString(), 201, asked.status());
        return asked.json().get("id").asText();
    }

    private static String transferJson(String nationalId, String toProvince) {
        return "{\"nationalId\": \"" + nationalId + "\", \"subdistrictCode\": \"" + toProvince
                + "0101\", \"reason\": \"moved\"}";
    }

    /** A valid record with a national ID no other cell uses. */
    static String volunteerJson(String province) {
        return volunteerJson(province, nationalId(UNIQUE.incrementAndGet()));
    }

    static String volunteerJson(String province, String nationalId) {
        return "{\"nationalId\": \"" + nationalId + "\", \"title\": \"นาย\", "
                + "\"firstName\": \"ทดสอบ\", \"lastName\": \"สิทธิ์\", \"birthDate\": \"1980-01-01\", "
                + "\"gender\": \"MALE\", \"subdistrictCode\": \"" + province + "0101\"}";
    }

    /** An extension of the province installed by the central admin (in a second version when asked); its name. */
    private String installedExtension(String province, boolean withPrevious) throws Exception {
        String name = "org.apom.ext.matrix" + UNIQUE.incrementAndGet();
        HttpAnswer installed = asAdmin().sendBytes("POST", "/extensions", "application/java-archive",
                TestJars.extension(name, "1.0.0", province));
        assertEquals(installed.toString(), 201, installed.status());
        if (withPrevious) {
            asAdmin().sendBytes("PUT", "/extensions/" + name, "application/java-archive",
                    TestJars.extension(name, "1.2.0", province));
        }
        return name;
    }

    /**
     * A jar of the province submitted for review by a second central admin (a reviewer never decides on their own
     * submission); its id.
     */
    private String submission(String province) throws Exception {
        if (submitter == null) {
            submitter = person("matrix-submitter", "central-admin", null);
        }
        HttpAnswer submitted = submitter.sendBytes("POST", "/extensions/submissions", "application/java-archive",
                TestJars.extension("org.apom.ext.submitted" + UNIQUE.incrementAndGet(), "1.0.0", province));
        assertEquals(submitted.toString(), 201, submitted.status());
        return submitted.json().get("id").asText();
    }

    /** An ended import by the central admin, of one row refused (its national ID's check digit is wrong). */
    private String importWithARefusedRow(String province) throws Exception {
        String file = "national_id,title,first_name,last_name,birth_date,gender,subdistrict_code\n"
                + "1234567890123,นาย,ทดสอบ,ปฏิเสธ,1/1/2520,ชาย," + province + "0101\n";
        String id = asAdmin().send("POST", "/volunteers/imports?province=" + province, "text/csv", file).json()
                .get("id").asText();
        for (int i = 0; i < 240; i++) {
            JsonNode report = asAdmin().get("/volunteers/imports/" + id).json();
            if ("DONE".equals(report.get("status").asText())) {
                assertEquals(report.toString(), 1, report.get("rejected").asInt());
                return id;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("import " + id + " did not end");
    }

    /** A CSV file of one new volunteer in the province. */
    static String importFile(String province) {
        return "national_id,title,first_name,last_name,birth_date,gender,subdistrict_code\n"
                + nationalId(UNIQUE.incrementAndGet()) + ",นาย,ทดสอบ,นำเข้า,1/1/2520,ชาย," + province + "0101\n";
    }

    /** A checksum-valid national ID made from a number, for test records. */
    static String nationalId(int n) {
        String first12 = "5" + String.format("%011d", n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (first12.charAt(i) - '0') * (13 - i);
        }
        return first12 + (11 - sum % 11) % 10;
    }

    private static String targetUser(String target) {
        return "own".equals(target) ? "matrix-own-target" : "matrix-other-target";
    }

    private static String userJson(String username, String role, String province) {
        return "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\", \"roles\": [\"" + role
                + "\"], \"province\": " + (province == null ? "null" : "\"" + province + "\"") + "}";
    }

    private static String tokenJson(String province) {
        return "{\"name\": \"matrix token\", \"scopes\": [\"volunteers:read\"], \"province\": \"" + province
                + "\", \"expiresOn\": \"" + LocalDate.now().plusDays(30) + "\"}";
    }

    private static List<String[]> rows() {
        return MATRIX.lines().map(String::strip).filter(l -> l.startsWith("|"))
                .map(l -> l.substring(1, l.length() - 1).split("\\|"))
                .map(cells -> java.util.Arrays.stream(cells).map(String::strip).toArray(String[]::new)).toList();
    }
}
