package org.apom.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.NotAcceptableException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.NationalId;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

class ProblemsTest {

    private final ObjectMapper json = JsonProvider.mapper();

    @Test
    void aDomainProblemKeepsItsStatusCodeAndFieldsInBothLanguages() {
        InvalidValueException checksum = invalid(() -> NationalId.parse("3100600445636"));
        ProblemException p = ProblemException.invalid(List.of(FieldError.of("nationalId", checksum)));
        ProblemJson en = Problems.from(p, "x").toJson(Locale.ENGLISH, "/api/v1/volunteers");
        ProblemJson th = Problems.from(p, "x").toJson(Languages.THAI, "/api/v1/volunteers");
        assertEquals(422, en.status());
        assertEquals("urn:apom:problem:validation", en.type());
        assertEquals("nationalId", en.errors().get(0).field());
        assertEquals("checksum", th.errors().get(0).code());
        assertEquals("Unprocessable Content", en.title());
        assertEquals("ข้อมูลไม่ผ่านการตรวจสอบ", th.title());
        assertTrue(th.errors().get(0).message().contains("หลักตรวจสอบ"));
        assertEquals("/api/v1/volunteers", en.instance());
    }

    @Test
    void runtimeFailuresGetStableCodes() {
        assertEquals("not-found", Problems.from(new NotFoundException(), "x").code());
        assertEquals(405, Problems.from(new NotAllowedException("GET", new String[0]), "x").status());
        assertTrue(Problems.from(new NotAllowedException("GET", new String[] {"POST"}), "x").detail().en().contains("GET, POST"));
        assertEquals("method-not-allowed", Problems.from(new WebApplicationException(405), "x").code());
        assertEquals("unsupported-media-type", Problems.from(new NotSupportedException(), "x").code());
        assertEquals("not-acceptable", Problems.from(new NotAcceptableException(), "x").code());
        assertEquals("http-400", Problems.from(new BadRequestException(), "x").code());
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsABadRequestNotAMissingResource() {
        Problem p = Problems.from(new NotFoundException(new NumberFormatException("For input string: \"x\"")), "x");
        assertEquals(400, p.status());
        assertEquals("invalid-parameter", p.code());
    }

    @Test
    void malformedJsonAndUnknownFieldsAre400WithTheirPlace() throws Exception {
        Exception malformed = parse("{\"a\": ");
        Problem p = Problems.from(new BadRequestException(malformed), "x");
        assertEquals(400, p.status());
        assertEquals("malformed-json", p.code());

        Exception e = parse("{\"name\": \"x\", \"count\": 1, \"nmae\": 1}");
        Problem unknown = Problems.from(e, "x");
        assertEquals("unknown-field", unknown.code());
        assertEquals("nmae", unknown.errors().get(0).field());

        Problem wrongType = Problems.from(parse("{\"name\": \"x\", \"count\": \"many\"}"), "x");
        assertEquals("invalid-json", wrongType.code());
        assertEquals("count", wrongType.errors().get(0).field());
    }

    @Test
    void aProblemWrappedByAParserKeepsItsStatus() {
        ProblemException tooLarge = new ProblemException(413, "body-too-large",
                LocalizedText.of("too large", "ใหญ่เกินไป"), List.of());
        Problem p = Problems.from(new WebApplicationException(new RuntimeException(tooLarge), 400), "x");
        assertEquals(413, p.status());
        assertEquals("body-too-large", p.code());
    }

    @Test
    void anythingElseIsA500ThatRevealsNothingButTheIncident() {
        Problem p = Problems.from(new IllegalStateException("secret table APOM_X in org.apom.Foo"), "incident-42");
        assertEquals(500, p.status());
        assertEquals("internal-error", p.code());
        assertTrue(p.detail().en().contains("incident-42"));
        assertFalse(p.detail().en().contains("APOM_X"));
        assertFalse(p.detail().en().contains("IllegalState"));
        assertEquals(500, Problems.from(new WebApplicationException(Response.status(503).build()), "i").status());
    }

    @Test
    void languageFollowsAcceptLanguagePreference() {
        assertEquals(Languages.THAI, Languages.choose(List.of(Locale.forLanguageTag("th-TH"), Locale.ENGLISH)));
        assertEquals(Locale.ENGLISH, Languages.choose(List.of(Locale.forLanguageTag("en-US"), Languages.THAI)));
        assertEquals(Locale.ENGLISH, Languages.choose(List.of(Locale.FRENCH)));
        assertEquals(Languages.THAI, Languages.choose(List.of(Locale.FRENCH, Locale.forLanguageTag("th"))));
        assertEquals(Locale.ENGLISH, Languages.choose(List.of()));
    }

    @Test
    void unknownStatusesStillHaveATitle() {
        assertEquals("Client Error", Problem.title(418).en());
        assertEquals(LocalizedText.of("Not Found", "ไม่พบข้อมูล"), Problem.title(404));
    }

    record Sample(String name, int count) {
    }

    private Exception parse(String body) {
        try {
            json.readValue(body, Sample.class);
            throw new AssertionError("expected a failure for " + body);
        } catch (MismatchedInputException e) {
            return e;
        } catch (Exception e) {
            return e;
        }
    }

    private static InvalidValueException invalid(Runnable r) {
        try {
            r.run();
            throw new AssertionError("expected InvalidValueException");
        } catch (InvalidValueException e) {
            return e;
        }
    }
}
