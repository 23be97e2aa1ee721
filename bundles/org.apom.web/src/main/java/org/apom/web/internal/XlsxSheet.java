package org.apom.web.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;

/**
 * The first sheet of an Excel workbook ({@code .xlsx}) as the register's CSV, so that it goes into the same import
 * path as a CSV file: one CSV line per sheet row (an empty row an empty line), so that the import's "line 5" is the
 * sheet's row 5. Values are what the cells hold, not how Excel shows them: a national ID typed as a number is its
 * 13 digits, never "1.23457E+12"; a date cell is its ISO date; a formula its last computed value.
 */
final class XlsxSheet {

    /** More rows than a province's register: a sheet that claims more is refused before it is read. */
    static final int MAX_ROWS = 200_000;
    /** A zip entry of a workbook may expand at most this far (the register's files are text, not images). */
    private static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private XlsxSheet() {
    }

    /** Whether the bytes are a zip archive, as every {@code .xlsx} is (a CSV never starts with "PK\3\4"). */
    static boolean isWorkbook(byte[] file) {
        return file.length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
    }

    /**
     * @return the first sheet as UTF-8 CSV
     * @throws ProblemException 422 {@code unreadable-workbook} when the file is no workbook POI can read (an old
     *         {@code .xls}, a damaged or encrypted file, a zip bomb)
     */
    static byte[] toCsv(byte[] file) {
        // POI's XML parsers and xmlbeans' schema types are found through the context class loader
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(XlsxSheet.class.getClassLoader());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw unreadable("The workbook has no sheet.", "สมุดงานไม่มีแผ่นงาน");
            }
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() >= MAX_ROWS) {
                throw unreadable("The first sheet has more than " + MAX_ROWS + " rows; split it.",
                        "แผ่นงานแรกมีมากกว่า " + MAX_ROWS + " แถว กรุณาแบ่งแฟ้ม");
            }
            StringWriter out = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = row == null ? List.of() : cells(row);
                    if (cells.isEmpty()) {
                        printer.println(); // an empty line, which the import skips, so lines stay rows
                    } else {
                        printer.printRecord(cells);
                    }
                }
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw unreadable("The file is not an Excel workbook (.xlsx) that can be read: " + e.getMessage(),
                    "อ่านแฟ้มเป็นสมุดงาน Excel (.xlsx) ไม่ได้ (แฟ้ม .xls รุ่นเก่าให้บันทึกเป็น .xlsx หรือ CSV ก่อน)");
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** The row's values up to its last non-empty cell; none when every cell is empty. */
    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        int last = -1;
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
            String value = value(row.getCell(c));
            cells.add(value);
            if (!value.isEmpty()) {
                last = c;
            }
        }
        return cells.subList(0, last + 1);
    }

    static String value(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            // a line break typed in a cell (an address) would move every later line number; a space keeps rows
            case STRING -> cell.getStringCellValue().replaceAll("\\R", " ");
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> "";
        };
    }

    private static ProblemException unreadable(String en, String th) {
        return new ProblemException(422, "unreadable-workbook", LocalizedText.of(en, th), List.of());
    }
}
