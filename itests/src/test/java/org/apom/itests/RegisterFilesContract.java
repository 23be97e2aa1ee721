package org.apom.itests;

import static org.apom.itests.PlatformContract.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apom.itests.support.ApomContainerTest;
import org.apom.itests.support.Http;
import org.apom.itests.support.HttpAnswer;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The register's files through a running platform: the sample files of src/test/resources/files imported as
 * provinces send them, refusals, all-or-nothing and dry runs, and the export. Part of the platform contract, so
 * it runs on every database the platform supports.
 */
public abstract class RegisterFilesContract extends ApomContainerTest {

    @Test
    public void importsAUtf8FileWithItsBomCrlfAndQuotedLineBreaksOnceOnly() throws Exception {
        byte[] file = sampleFile("utf8-bom-crlf.csv");
        assertSampleOutcome(importFile(asAdmin(), file, ""), "UTF-8");
        JsonNode found = asAdmin().get("/volunteers?q=3100600000013").json().get("items");
        assertEquals(found.toString(), 1, found.size());
        assertEquals("สมชาย", found.get(0).get("firstName").asText());
        // the line break inside the quoted field arrives; the register keeps an address on one line
        assertEquals("99 หมู่ 1, ต.ศรีภูมิ อ.เมืองเชียงใหม่", found.get(0).get("address").asText());
        assertEquals("1967-03-15", found.get(0).get("birthDate").asText());
        JsonNode again = importFile(asAdmin(), file, "");
        assertEquals(0, again.get("accepted").asInt());
        assertEquals(5, again.get("rejected").asInt());
        assertEquals(1, asAdmin().get("/volunteers?q=3100600000013").json().get("items").size());
    }

    @Test
    public void detectsATis620FileAndStoresItsThaiRight() throws Exception {
        assertSampleOutcome(importFile(asAdmin(), sampleFile("tis620-lf.csv"), ""),
                "windows-874");
        JsonNode found = asAdmin().get("/volunteers?q=3100700000023").json().get("items");
        assertEquals(found.toString(), 1, found.size());
        assertEquals("สมหญิง", found.get(0).get("firstName").asText());
        assertEquals("รักดี", found.get(0).get("lastName").asText());
    }

    @Test
    public void refusesUnreadableFilesAtOnceAndWritesNothing() throws Exception {
        assertProblem(asAdmin().sendBytes("POST", "/volunteers/imports", "text/csv", sampleFile("misdecoded.csv")),
                422, "mis-encoded");
        assertEquals(0, asAdmin().get("/volunteers?q=3100800000017").json().get("items").size());
        assertProblem(asAdmin().send("POST", "/volunteers/imports", "text/csv", "national_id,first_name\n1,ก\n"),
                422, "missing-column");
        assertProblem(asAdmin().send("POST", "/volunteers/imports", "text/csv", ""), 422, "empty-file");
        assertProblem(asAdmin().send("POST", "/volunteers/imports", "application/json", "{}"), 415,
                "unsupported-media-type");
        assertProblem(asAdmin().send("POST", "/volunteers/imports?dryRun=yes", "text/csv", "x\n"), 400,
                "invalid-parameter");
        assertProblem(asAdmin().get("/volunteers/imports/no-such-import"), 404, "not-found");
    }

    @Test
    public void allOrNothingTakesNothingFromAFileWithABadRowAndADryRunWritesNothing() throws Exception {
        String good = "national_id,title,first_name,last_name,birth_date,gender,subdistrict_code\n"
                + AccessMatrixIT.nationalId(900001) + ",นาย,ทดสอบ,ทั้งหมด,1/1/2520,ชาย,500101\n";
        String bad = good + AccessMatrixIT.nationalId(900002) + ",นาย,ทดสอบ,ทั้งหมด,1/1/2520,ชาย,999999\n";
        JsonNode refused = importFile(asAdmin(), bad.getBytes(StandardCharsets.UTF_8), "?atomic=true");
        assertEquals(0, refused.get("accepted").asInt());
        assertEquals(List.of("3 subdistrict_code unknown"), errors(refused));
        JsonNode dry = importFile(asAdmin(), good.getBytes(StandardCharsets.UTF_8), "?dryRun=true");
        assertEquals(1, dry.get("accepted").asInt());
        assertTrue(dry.get("dryRun").asBoolean());
        assertEquals(0, asAdmin().get("/volunteers?q=" + AccessMatrixIT.nationalId(900001)).json().get("items").size());
        JsonNode taken = importFile(asAdmin(), good.getBytes(StandardCharsets.UTF_8), "?atomic=true");
        assertEquals(1, taken.get("accepted").asInt());
        assertEquals(1, asAdmin().get("/volunteers?q=" + AccessMatrixIT.nationalId(900001)).json().get("items").size());
    }

    @Test
    public void exportsAProvinceAsUtf8CsvWithABomInTheImportsColumns() throws Exception {
        HttpAnswer created = asAdmin().post("/volunteers", AccessMatrixIT.volunteerJson("50"));
        assertEquals(created.toString(), 201, created.status());
        String nationalId = created.json().get("nationalId").asText();
        HttpAnswer export = asAdmin().get("/volunteers/export?province=50");
        assertEquals(export.toString(), 200, export.status());
        assertTrue(export.contentType(), export.contentType().startsWith("text/csv"));
        assertTrue(export.body().startsWith("\uFEFFnational_id,title,first_name,last_name,"));
        assertTrue(export.body().contains(nationalId + ",นาย,ทดสอบ,สิทธิ์"));
        assertFalse(asAdmin().get("/volunteers/export?province=40").body().contains(nationalId));
    }

    @Test
    public void theExportQuotesAFormulaForSpreadsheetsAndTheImportReadsItBack() throws Exception {
        String json = AccessMatrixIT.volunteerJson("50");
        HttpAnswer created = asAdmin().post("/volunteers", json.substring(0, json.length() - 1)
                + ", \"address\": \"=HYPERLINK(1)\"}");
        assertEquals(created.toString(), 201, created.status());
        String nationalId = created.json().get("nationalId").asText();
        String export = asAdmin().get("/volunteers/export?province=50").body();
        String row = export.lines().filter(l -> l.startsWith(nationalId)).findFirst().orElseThrow();
        assertTrue(row, row.contains(",'=HYPERLINK(1),"));
        JsonNode again = importFile(asAdmin(), export.getBytes(StandardCharsets.UTF_8), "?dryRun=true");
        assertTrue(again.toString(), errors(again).stream().allMatch(e -> e.endsWith(" duplicate")));
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
