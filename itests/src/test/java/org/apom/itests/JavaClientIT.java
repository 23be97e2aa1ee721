package org.apom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.io.File;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apom.client.ApiClient;
import org.apom.client.ApiException;
import org.apom.client.ApiResponse;
import org.apom.client.api.ChangesApi;
import org.apom.client.api.TokensApi;
import org.apom.client.api.VolunteersApi;
import org.apom.client.model.ChangeJson;
import org.apom.client.model.ImportReport;
import org.apom.client.model.NewToken;
import org.apom.client.model.PageChangeJson;
import org.apom.client.model.PageVolunteerJson;
import org.apom.client.model.VolunteerInput;
import org.apom.client.model.VolunteerJson;
import org.apom.client.model.VolunteerPatch;
import org.apom.itests.support.ApomContainerTest;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.DeserializationFeature;

/**
 * An integrator's round trip with the Java client the build generates from the OpenAPI document (clients/java),
 * not hand-written HTTP: a token, a province searched, one record read with its ETag and changed with If-Match, a
 * stale ETag refused, a file imported and followed to DONE, and the change feed read from the start. The client bundle runs in the container beside the
 * platform, as an integrator's OSGi application would use it. Its JSON reader refuses fields the document does
 * not name, so an answer that grew a field without the document fails here too.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JavaClientIT extends ApomContainerTest {

    @Override
    protected List<Option> extraOptions() {
        return List.of(bundle(new File(System.getProperty("apom.client.jar")).toURI().toString()));
    }

    @Test
    public void anIntegratorsRoundTripWithTheGeneratedClient() throws Exception {
        String password = Files.readString(adminPasswordFile()).strip();
        ApiClient asAdmin = client("Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        String secret = new TokensApi(asAdmin).createToken(new NewToken().name("java client")
                .scopes(List.of("volunteers:read", "volunteers:write")).province("50")
                .expiresOn(java.time.LocalDate.now().plusDays(30).toString())).getSecret();
        assertNotNull("the secret comes once, in the answer that made the token", secret);
        ApiClient integrator = client("Bearer " + secret);
        VolunteersApi volunteers = new VolunteersApi(integrator);

        VolunteerInput input = asAdmin.getObjectMapper().readValue(
                AccessMatrixIT.volunteerJson("50", AccessMatrixIT.nationalId(770_001)), VolunteerInput.class);
        VolunteerJson registered = volunteers.registerVolunteer(input);
        assertTrue("an integrator without personal-data:read sees it masked", registered.getMasked());

        PageVolunteerJson page = volunteers.searchVolunteers("50", null, null, null, null, null, 50, null);
        assertTrue(page.getItems().stream().anyMatch(v -> v.getId().equals(registered.getId())));

        ApiResponse<VolunteerJson> read = volunteers.getVolunteerWithHttpInfo(registered.getId());
        String etag = header(read.getHeaders(), "ETag");
        assertEquals("\"" + read.getData().getVersion() + "\"", etag);
        VolunteerJson changed = volunteers.updateVolunteer(registered.getId(), etag,
                new VolunteerPatch().firstNameEn("Somchai"));
        assertEquals("Somchai", changed.getFirstNameEn());
        assertNotEquals(read.getData().getVersion(), changed.getVersion());
        try {
            volunteers.updateVolunteer(registered.getId(), etag, new VolunteerPatch().lastNameEn("Late"));
            fail("a stale ETag must be refused");
        } catch (ApiException stale) {
            assertEquals(412, stale.getCode());
            assertTrue(stale.getResponseBody(),
                    stale.getResponseBody().contains("urn:apom:problem:precondition-failed"));
        }

        Path csv = Files.createTempFile("apom-client", ".csv");
        Files.writeString(csv, "national_id,title,first_name,last_name,birth_date,gender,subdistrict_code\n"
                + AccessMatrixIT.nationalId(770_002) + ",นาง,สมศรี,ทดลอง,1975-05-05,FEMALE,500101\n"
                + AccessMatrixIT.nationalId(770_003) + ",นาย,สมหมาย,ทดลอง,1970-01-01,MALE,500101\n");
        ApiResponse<ImportReport> started = volunteers.startImportWithHttpInfo(csv.toFile(), "50", null, null);
        assertEquals(202, started.getStatusCode());
        assertTrue(header(started.getHeaders(), "Location")
                .endsWith("/volunteers/imports/" + started.getData().getId()));
        ImportReport report = started.getData();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (report.getStatus() != ImportReport.StatusEnum.DONE
                && report.getStatus() != ImportReport.StatusEnum.FAILED && System.nanoTime() < deadline) {
            Thread.sleep(200);
            report = volunteers.getImport(report.getId());
        }
        assertEquals(report.toString(), ImportReport.StatusEnum.DONE, report.getStatus());
        assertEquals(report.toString(), Integer.valueOf(2), report.getAccepted());
        assertEquals(2, volunteers.searchVolunteers("50", null, null, null, "ทดลอง", null, 50, null)
                .getItems().size());

        // what changed, from the start: the registration, the change, and the two rows of the file, in order
        PageChangeJson changes = new ChangesApi(integrator).listChanges(null, "volunteer", "50", 100);
        List<String> mine = changes.getItems().stream().filter(c -> c.getId().equals(registered.getId()))
                .map(c -> c.getKind() + " " + c.getVersion()).toList();
        assertEquals(List.of("created " + registered.getVersion(), "updated " + changed.getVersion()), mine);
        assertEquals(2, changes.getItems().stream().filter(c -> c.getKind() == ChangeJson.KindEnum.CREATED
                && !c.getId().equals(registered.getId())).count());
        assertNotNull(changes.getNextCursor());
    }

    private ApiClient client(String authorization) {
        ApiClient client = new ApiClient(HttpClient.newBuilder(), ApiClient.createDefaultObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES),
                "http://localhost:" + Integer.getInteger(HTTP_PORT_PROPERTY) + "/api/v1");
        client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        return client;
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElseThrow(() -> new AssertionError("no " + name));
    }
}
