package org.apom.web.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;
import org.apom.core.api.problem.TransientFailures;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an Excel workbook ({@code .xlsx}) as the register's CSV, so that it goes into the same import
 * path as a CSV file: one CSV line per sheet row (an empty row an empty line), so that the import's "line 5" is the
 * sheet's row 5. Values are what the cells hold, not how Excel shows them: a national ID typed as a number is its
 * 13 digits, never "1.23457E+12"; a date cell is its ISO date; a formula its last computed value.
 *
 * <p>The sheet is read as a stream of SAX events, never as a whole workbook in memory, and within bounds a
 * province's register never reaches (rows, columns, the CSV's size, each zip entry's), so that a small file that
 * unpacks to gigabytes is refused instead of filling the heap. At most two workbooks are read at once.
 */
final class XlsxSheet {

    /** More rows than a province's register: a sheet that has more is refused. */
    static final int MAX_ROWS = 200_000;
    /** The register has a dozen columns; a sheet using more than this is not a register. */
    static final int MAX_COLUMNS = 100;
    /** The CSV a workbook becomes, at most: what the register accepts as one file. */
    static final int MAX_CSV_CHARS = 64 * 1024 * 1024;
    /** A zip entry of a workbook may expand at most this far (the register's files are text, not images). */
    private static final long MAX_ENTRY_BYTES = 128L * 1024 * 1024;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final Semaphore READING = new Semaphore(2);

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
     *         {@code .xls}, a damaged or encrypted file, a zip bomb) or no register (too many rows or columns), 413
     *         when its CSV would be larger than a file the register takes, 503 while two others are being read
     */
    static byte[] toCsv(byte[] file) {
        try {
            if (!READING.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new ProblemException(503, "busy", LocalizedText.of("Other workbooks are being read; try again"
                        + " in a moment.", "ระบบกำลังอ่านสมุดงานอื่นอยู่ กรุณาลองใหม่อีกครั้ง"), List.of(),
                        (long) TransientFailures.RETRY_AFTER_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "busy", LocalizedText.of("The platform is stopping.",
                    "ระบบกำลังหยุดทำงาน"), List.of());
        }
        // POI's XML parsers and xmlbeans' schema types are found through the context class loader
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(XlsxSheet.class.getClassLoader());
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(file))) {
            XSSFReader reader = new XSSFReader(workbook);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw unreadable("The workbook has no sheet.", "สมุดงานไม่มีแผ่นงาน");
            }
            Rows rows = new Rows();
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(),
                        new ReadOnlySharedStringsTable(workbook), rows, new ValuesNotLooks(), false));
                parser.parse(new InputSource(sheet));
            }
            return rows.csv().getBytes(StandardCharsets.UTF_8);
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | SAXException | ParserConfigurationException | OpenXML4JException | RuntimeException e) {
            throw unreadable("The file is not an Excel workbook (.xlsx) that can be read: " + e.getMessage(),
                    "อ่านแฟ้มเป็นสมุดงาน Excel (.xlsx) ไม่ได้ (แฟ้ม .xls รุ่นเก่าให้บันทึกเป็น .xlsx หรือ CSV ก่อน)");
        } finally {
            thread.setContextClassLoader(before);
            READING.release();
        }
    }

    /** The sheet's rows as CSV lines, an empty line for each row the sheet skips, within the bounds above. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final StringWriter out = new StringWriter();
        private final CSVPrinter printer;
        private final List<String> cells = new ArrayList<>();
        private int nextRow;

        Rows() {
            try {
                printer = new CSVPrinter(out, FORMAT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum >= MAX_ROWS) {
                throw unreadable("The first sheet has more than " + MAX_ROWS + " rows; split it.",
                        "แผ่นงานแรกมีมากกว่า " + MAX_ROWS + " แถว กรุณาแบ่งแฟ้ม");
            }
            // rows the sheet does not hold are empty lines, which the import skips, so that lines stay rows
            for (; nextRow < rowNum; nextRow++) {
                print(List.of());
            }
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            int last = cells.size() - 1;
            while (last >= 0 && cells.get(last).isEmpty()) {
                last--;
            }
            print(cells.subList(0, last + 1));
            nextRow = rowNum + 1;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column >= MAX_COLUMNS) {
                throw unreadable("The first sheet uses more than " + MAX_COLUMNS + " columns; the register has a"
                        + " dozen.", "แผ่นงานแรกใช้มากกว่า " + MAX_COLUMNS + " คอลัมน์ ทะเบียนมีประมาณสิบสองคอลัมน์");
            }
            while (cells.size() < column) {
                cells.add("");
            }
            // a line break typed in a cell (an address) would move every later line number; a space keeps rows
            cells.add(value == null ? "" : value.replaceAll("\\R", " "));
        }

        private void print(List<String> row) {
            try {
                if (row.isEmpty()) {
                    printer.println();
                } else {
                    printer.printRecord(row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (out.getBuffer().length() > MAX_CSV_CHARS) {
                throw new ProblemException(413, "too-large", LocalizedText.of("The workbook holds more than a file"
                        + " the register takes; split it.", "สมุดงานมีข้อมูลมากกว่าที่ทะเบียนรับได้ในแฟ้มเดียว กรุณาแบ่งแฟ้ม"),
                        List.of());
            }
        }

        String csv() {
            return out.toString();
        }
    }

    /**
     * Numbers as the cells hold them: a date as its ISO date, any other number in plain digits (Excel's "General"
     * shows a 13-digit ID as 1.1017E+12, which would be no ID at all).
     */
    private static final class ValuesNotLooks extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    private static ProblemException unreadable(String en, String th) {
        return new ProblemException(422, "unreadable-workbook", LocalizedText.of(en, th), List.of());
    }
}
