package org.apom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;

import com.fasterxml.jackson.databind.JsonNode;

/** Sends the sample files of src/test/resources/files through a running platform and follows the imports. */
final class ImportContract {

    private ImportContract() {
    }

    /** Posts the file and waits for its import to end; the finished report. */
    static JsonNode importFile(Http as, byte[] file, String query) throws Exception {
        HttpAnswer started = as.sendBytes("POST", "/volunteers/imports" + query, "text/csv", file);
        assertEquals(started.toString(), 202, started.status());
        String location = started.header("Location");
        assertTrue(location, location.endsWith("/volunteers/imports/" + started.json().get("id").asText()));
        String path = location.substring(location.indexOf("/api/v1") + "/api/v1".length());
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode report = as.get(path).json();
            String status = report.get("status").asText();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return report;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not end within a minute");
    }

    /** "line field code" of every error of the report. */
    static List<String> errors(JsonNode report) {
        List<String> errors = new ArrayList<>();
        report.get("errors").forEach(e -> errors.add(e.get("line").asInt() + " " + e.get("field").asText() + " "
                + e.get("code").asText()));
        return errors;
    }

    /**
     * What the sample files hold: a header with an unknown column, two good rows (the first with a quoted address
     * over two lines), a birth date in the future (line 5), the first row's ID again (line 6), a bad checksum and
     * an unknown subdistrict (line 7).
     */
    static void assertSampleOutcome(JsonNode report, String encoding) {
        assertEquals(report.toString(), "DONE", report.get("status").asText());
        assertEquals(encoding, report.get("encoding").asText());
        assertEquals(5, report.get("rows").asInt());
        assertEquals(2, report.get("accepted").asInt());
        assertEquals(3, report.get("rejected").asInt());
        assertEquals("[\"หมายเหตุ\"]", report.get("unknownColumns").toString());
        List<String> errors = errors(report);
        assertTrue(errors.toString(), errors.contains("5 birth_date future"));
        assertTrue(errors.toString(), errors.contains("6 national_id duplicate"));
        assertTrue(errors.toString(), errors.contains("7 national_id checksum"));
        assertTrue(errors.toString(), errors.contains("7 subdistrict_code unknown"));
    }
}
