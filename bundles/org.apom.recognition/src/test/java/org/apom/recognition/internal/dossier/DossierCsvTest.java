package org.apom.recognition.internal.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apom.core.api.LocalizedText;
import org.apom.recognition.api.Nomination;
import org.junit.jupiter.api.Test;

class DossierCsvTest {

    @Test
    void oneRowPerNomineeInTheDocumentedColumnsReadableByExcel() throws IOException {
        String file = write(List.of(Dossiers.entry("nom-1", "น้ำผึ้ง", "ปิ่นทอง", true),
                Dossiers.entry("nom-2", "ญาณี", "ฤทธิ์ฤๅชัย", false)));
        assertEquals('\uFEFF', file.charAt(0), "Excel needs the BOM to read the Thai as UTF-8");
        List<CSVRecord> rows = parse(file);
        assertEquals(DossierCsv.COLUMNS, rows.get(0).toList());
        assertEquals(3, rows.size());
        CSVRecord first = rows.get(1);
        assertEquals("nom-1", value(first, "nomination_id"));
        assertEquals("เชียงใหม่", value(first, "province_name"));
        assertEquals("นางสาว", value(first, "title"));
        assertEquals("น้ำผึ้ง", value(first, "first_name"));
        assertEquals("13", value(first, "years_of_service"));
        assertEquals("เครือข่าย อพม. ตำบลป่าแดด (n-1) CHAIR", value(first, "positions"));
        assertEquals("2565:5; 2566:6; 2567:7; 2568:8; 2569:9", value(first, "activities_by_year"));
        assertEquals("35", value(first, "activities"));
        assertEquals("62.5", value(first, "hours"));
        assertEquals("200", value(first, "beneficiaries"));
        assertEquals("SILVER_MEDAL", value(first, "previous_class"));
        assertEquals("2563", value(first, "previous_fiscal_year"));
        assertEquals("GOLD_MEDAL", value(first, "class_requested"));
        assertEquals("เหรียญทองดิเรกคุณาภรณ์ (ร.ท.ภ.)", value(first, "class_requested_name"));
        assertEquals("admin50", value(first, "endorsed_by"));
        assertEquals("2026-01-15T03:00:00Z", value(first, "endorsed_at"));
        assertEquals(Dossiers.JUSTIFICATION, value(first, "justification"));
        CSVRecord second = rows.get(2);
        assertEquals("", value(second, "previous_class"));
        assertEquals("SILVER_MEDAL", value(second, "class_requested"));
    }

    @Test
    void aJustificationThatASpreadsheetWouldRunIsWrittenAsText() throws IOException {
        DossierEntry e = Dossiers.entry("nom-1", "น้ำผึ้ง", "ปิ่นทอง", false);
        Nomination n = e.nomination();
        Nomination formula = new Nomination(n.id(), n.awardCode(), n.volunteerId(), n.province(), n.fiscalYear(),
                n.awardClass(), "=HYPERLINK(\"http://evil.example\",\"ดู\")", n.status(), null, null, n.createdBy(),
                n.createdAt(), n.version(), n.history());
        DossierEntry hostile = new DossierEntry(formula, e.provinceName(), e.title(), "@SUM(A1)", e.lastName(),
                e.registeredOn(), e.yearsOfService(), e.positions(), e.years(), null, null,
                LocalizedText.of("x", "x"), e.endorsement());
        CSVRecord row = parse(write(List.of(hostile))).get(1);
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"ดู\")", value(row, "justification"));
        assertEquals("'@SUM(A1)", value(row, "first_name"));
    }

    private static String value(CSVRecord row, String column) {
        return row.get(DossierCsv.COLUMNS.indexOf(column));
    }

    private static String write(List<DossierEntry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DossierCsv.write(entries, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(String file) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(file.substring(1))).getRecords();
    }
}
