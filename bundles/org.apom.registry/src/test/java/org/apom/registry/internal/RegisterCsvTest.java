package org.apom.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.junit.jupiter.api.Test;

class RegisterCsvTest {

    private static final String HEADER = "first_name,last_name,national_id,title,birth_date,gender,subdistrict_code,"
            + "address,remark";

    @Test
    void readsColumnsInAnyOrderAndReportsUnknownOnes() {
        RegisterCsv csv = RegisterCsv.read(HEADER + "\nสมชาย,ใจดี,3-1006-00445-63-5,นาย,15/3/2510,ชาย,500101,,x\n");
        assertEquals(1, csv.rows());
        assertEquals(List.of("remark"), csv.unknownColumns());
        RegisterCsv.Row row = rows(csv).get(0);
        assertEquals(2, row.line());
        assertEquals("3-1006-00445-63-5", row.input().nationalId());
        assertEquals("สมชาย", row.input().firstName());
        assertNull(row.input().address(), "an empty field is no value");
        assertNull(row.input().phone(), "a column the file lacks is no value");
    }

    @Test
    void reportsEachRowByThePhysicalLineItStartsOnAcrossQuotedLineBreaksAndCrlf() {
        String text = HEADER + "\r\n"
                + "สมชาย,ใจดี,3100600445635,นาย,15/3/2510,ชาย,500101,\"99 หมู่ 1,\r\nต.ศรีภูมิ\r\nอ.เมือง\",\r\n"
                + "\r\n"
                + "สมหญิง,รักดี,1234545678781,นาง,1/1/2520,หญิง,500101,,\r\n";
        List<RegisterCsv.Row> rows = rows(RegisterCsv.read(text));
        assertEquals(2, rows.size());
        assertEquals(2, rows.get(0).line());
        assertEquals("99 หมู่ 1,\r\nต.ศรีภูมิ\r\nอ.เมือง", rows.get(0).input().address());
        assertEquals(6, rows.get(1).line(), "three lines of the first row, then a blank line");
        assertEquals(1, rows.get(1).index());
    }

    @Test
    void aRowWithMoreFieldsThanTheHeaderIsMarked() {
        List<RegisterCsv.Row> rows = rows(RegisterCsv.read(HEADER + "\na,b,c,d,e,f,g,h,i,extra\na,b,c,d,e,f,g,h,i\n"));
        assertTrue(rows.get(0).extraFields());
        assertFalse(rows.get(1).extraFields());
    }

    @Test
    void aHeaderWithoutRequiredColumnsIsRefusedNamingThem() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> RegisterCsv.read("national_id,first_name\n3100600445635,สมชาย\n"));
        assertEquals(422, e.status());
        assertEquals("missing-column", e.code());
        assertEquals(List.of("title", "last_name", "birth_date", "gender", "subdistrict_code"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void brokenQuotingAndEmptyFilesAreRefused() {
        assertEquals("malformed-csv", assertThrows(ProblemException.class,
                () -> RegisterCsv.read(HEADER + "\n\"unterminated,b,c\n")).code());
        assertEquals("empty-file", assertThrows(ProblemException.class, () -> RegisterCsv.read("")).code());
    }

    @Test
    void mapsTheRegistersFieldNamesToTheFilesColumns() {
        assertEquals("national_id", RegisterCsv.columnOf("nationalId"));
        assertEquals("subdistrict_code", RegisterCsv.columnOf("subdistrictCode"));
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreQuotedAndReadBackAsTheyWere() {
        for (String formula : List.of("=HYPERLINK(\"http://x\")", "+66812345678", "-5 ซอย 3", "@SUM(A1)", "\tx",
                "\rx", "\nx", " =1+1", "\u00A0 @x", "\u3000+1", "' -1",
                "\u2007=1", "\u202F@x", "\uFE66x", "\uFE62x", "\uFE63x", "\uFE6Bx", "\uFF1D1+1", "\uFF0B1",
                "\uFF0D1", "\uFF20x", "'=1+1", "''-1")) {
            assertEquals("'" + formula, RegisterCsv.guarded(formula), "guarded: " + formula);
            assertEquals(formula, RegisterCsv.unguarded(RegisterCsv.guarded(formula)), "read back: " + formula);
        }
        for (String plain : List.of("99 หมู่ 1", "0812345678", "'quoted", "a=b", "", "'", " 12", "x\n=y")) {
            assertEquals(plain, RegisterCsv.guarded(plain), "left alone: " + plain);
            assertEquals(plain, RegisterCsv.unguarded(plain), "read as it is: " + plain);
        }
        assertNull(RegisterCsv.guarded(null));
        RegisterCsv csv = RegisterCsv.read(HEADER + "\nสมชาย,ใจดี,3100600445635,นาย,15/3/2510,ชาย,500101,'=1+1,x\n");
        assertEquals("=1+1", rows(csv).get(0).input().address(), "the export's quote is taken off on import");
    }

    private static List<RegisterCsv.Row> rows(RegisterCsv csv) {
        List<RegisterCsv.Row> rows = new ArrayList<>();
        csv.forEachRow(rows::add);
        return rows;
    }
}
