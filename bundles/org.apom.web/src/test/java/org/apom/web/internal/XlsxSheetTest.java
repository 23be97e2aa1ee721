package org.apom.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apom.core.api.problem.ProblemException;
import org.junit.jupiter.api.Test;

class XlsxSheetTest {

    @Test
    void aSheetBecomesTheRegistersCsvWithItsValuesNotTheirLooks() throws Exception {
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("ทะเบียน");
            Row header = sheet.createRow(0);
            String[] columns = {"national_id", "first_name", "birth_date", "address", "phone"};
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(1101700203451d); // typed as a number, shown by Excel as 1.1017E+12
            row.createCell(1).setCellValue("น้ำผึ้ง");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("d/m/yyyy"));
            row.createCell(2).setCellValue(LocalDate.of(1980, 3, 15));
            row.getCell(2).setCellStyle(date);
            row.createCell(3).setCellValue("12 หมู่ 3\nบ้านนา, \"ใต้\"");
            row.createCell(4).setCellFormula("\"08\"&\"12345678\"");
            // row 3 left empty; row 4 has a value only in its second column
            sheet.createRow(3).createCell(1).setCellValue("สมชาย");
            book.setForceFormulaRecalculation(true);
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            book.write(out);
            workbook = out.toByteArray();
        }
        assertTrue(XlsxSheet.isWorkbook(workbook));
        assertFalse(XlsxSheet.isWorkbook("national_id\r\n".getBytes(StandardCharsets.UTF_8)));
        String csv = new String(XlsxSheet.toCsv(workbook), StandardCharsets.UTF_8);
        assertEquals("national_id,first_name,birth_date,address,phone\r\n"
                + "1101700203451,น้ำผึ้ง,1980-03-15,\"12 หมู่ 3 บ้านนา, \"\"ใต้\"\"\",0812345678\r\n"
                + "\r\n"
                + "\"\",สมชาย\r\n", csv, "one line per sheet row, so that the import's line is the sheet's row");
    }

    @Test
    void aSheetThatIsNoRegisterIsRefusedBeforeItFillsMemory() throws Exception {
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet();
            for (int r = 0; r < 3; r++) {
                sheet.createRow(r).createCell(XlsxSheet.MAX_COLUMNS + 50).setCellValue("x");
            }
            book.write(out);
            workbook = out.toByteArray();
        }
        ProblemException refused = assertThrows(ProblemException.class, () -> XlsxSheet.toCsv(workbook));
        assertEquals(422, refused.status());
        assertTrue(refused.detail().en().contains(XlsxSheet.MAX_COLUMNS + " columns"), refused.detail().en());
    }

    @Test
    void aFileThatIsNoWorkbookIsRefusedClearly() {
        byte[] notAWorkbook = {'P', 'K', 3, 4, 0, 0, 0, 0};
        ProblemException refused = assertThrows(ProblemException.class, () -> XlsxSheet.toCsv(notAWorkbook));
        assertEquals(422, refused.status());
        assertEquals("unreadable-workbook", refused.code());
    }
}
