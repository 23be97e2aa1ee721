package org.apom.registry.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.SpreadsheetCells;
import org.apom.core.api.UploadedText;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.RowError;
import org.apom.registry.api.VolunteerInput;

/**
 * The register's CSV file (shared/docs/api.md, "Import file"): a header naming the columns in any order, then
 * one volunteer per record. Quoted fields may hold commas and line breaks, so each row is reported by the
 * physical line on which it starts.
 */
final class RegisterCsv {

    /** The columns in the order the export writes them, each with the register's field name. */
    static final Map<String, String> COLUMNS = columns("national_id", "nationalId", "title", "title",
            "first_name", "firstName", "last_name", "lastName", "first_name_en", "firstNameEn", "last_name_en",
            "lastNameEn", "birth_date", "birthDate", "gender", "gender", "phone", "phone", "subdistrict_code",
            "subdistrictCode", "address", "address", "registered_on", "registeredOn");
    private static final List<String> REQUIRED = List.of("national_id", "title", "first_name", "last_name",
            "birth_date", "gender", "subdistrict_code");
    private static final Map<String, String> COLUMN_OF_FIELD = new HashMap<>();
    /**
     * The column a file of rejected rows ({@link #writeRejected}) adds: the reasons, which a file sent again after
     * the fix may still carry; known, so never reported as unknown, and never read.
     */
    static final String ERRORS_COLUMN = "import_errors";

    static {
        COLUMNS.forEach((column, field) -> COLUMN_OF_FIELD.put(field, column));
    }

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** One data row: the line it starts on, its place among the rows (from 0), and its fields. */
    record Row(int line, int index, VolunteerInput input, boolean extraFields) {
    }

    private final String text;
    private final Map<String, Integer> positions;
    private final List<String> unknownColumns;
    private final int rows;
    private final int[] lineStarts;
    /** How many fields a row may have: the columns read, unknown and ignored ({@link #ERRORS_COLUMN}). */
    private final int fields;

    private RegisterCsv(String text, Map<String, Integer> positions, List<String> unknownColumns, int ignored,
            int rows) {
        this.text = text;
        this.fields = positions.size() + unknownColumns.size() + ignored;
        this.positions = positions;
        this.unknownColumns = unknownColumns;
        this.rows = rows;
        this.lineStarts = lineStarts(text);
    }

    /**
     * Reads the whole file once, so that a file with broken quoting or without a required column is refused
     * before anything is queued.
     *
     * @throws ProblemException 422 {@code malformed-csv}, {@code missing-column} or {@code empty-file}
     */
    static RegisterCsv read(String text) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw UploadedText.unreadable("empty-file", LocalizedText.of("The file is empty.", "แฟ้มว่างเปล่า"));
            }
            CSVRecord header = records.next();
            Map<String, Integer> positions = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            int ignored = 0;
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip().toLowerCase(Locale.ROOT);
                if (COLUMNS.containsKey(name) && !positions.containsKey(name)) {
                    positions.put(name, i);
                } else if (ERRORS_COLUMN.equals(name)) {
                    ignored++;
                } else if (!name.isEmpty()) {
                    unknown.add(header.get(i).strip());
                }
            }
            List<FieldError> missing = REQUIRED.stream().filter(c -> !positions.containsKey(c))
                    .map(c -> new FieldError(c, "missing-column", LocalizedText.of(
                            "The header has no column " + c + ".", "แถวหัวตารางไม่มีคอลัมน์ " + c)))
                    .toList();
            if (!missing.isEmpty()) {
                throw new ProblemException(422, "missing-column", LocalizedText.of(
                        "The header (line 1) lacks required columns.", "แถวหัวตาราง (บรรทัด 1) ขาดคอลัมน์ที่ต้องมี"),
                        missing);
            }
            int rows = 0;
            while (records.hasNext()) {
                records.next();
                rows++;
            }
            return new RegisterCsv(text, positions, unknown, ignored, rows);
        } catch (IOException | UncheckedIOException e) {
            // the parser's own words, without the exception's class name that an unchecked wrapper puts before them
            String reason = (e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e).getMessage();
            throw UploadedText.unreadable("malformed-csv", LocalizedText.of("The file is not valid CSV: " + reason,
                    "แฟ้มไม่เป็น CSV ที่ถูกต้อง (เช่น เครื่องหมายคำพูดไม่ครบคู่): " + reason));
        }
    }

    int rows() {
        return rows;
    }

    List<String> unknownColumns() {
        return unknownColumns;
    }

    /** Hands every data row, in order, to the consumer. */
    void forEachRow(Consumer<Row> consumer) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            int index = -1;
            for (CSVRecord record : parser) {
                if (index >= 0) {
                    consumer.accept(new Row(lineOf((int) record.getCharacterPosition()), index, input(record),
                            record.size() > fields));
                }
                index++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // read once already in read()
        }
    }

    /**
     * The header and the rows whose first line {@code keep} selects, each cell as the file had it, after a first
     * column with that line: what {@link #writeRejected} turns into the file an officer downloads.
     */
    byte[] keep(IntPredicate keep) {
        StringWriter kept = new StringWriter();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get();
                CSVPrinter printer = new CSVPrinter(kept, FORMAT)) {
            boolean header = true;
            for (CSVRecord record : parser) {
                int line = lineOf((int) record.getCharacterPosition());
                if (header || keep.test(line)) {
                    List<String> cells = new ArrayList<>(record.size() + 1);
                    cells.add(header ? "line" : Integer.toString(line));
                    record.forEach(cells::add);
                    printer.printRecord(cells);
                }
                header = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // read once already in read()
        }
        return kept.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes rows {@link #keep} kept as a file to fix and send again: UTF-8 with a byte-order mark (for Excel), the
     * file's own header and cells, and a last column {@value #ERRORS_COLUMN} with each row's line in the sent file
     * and its reasons, in the caller's language.
     *
     * @return how many rows were written
     */
    static int writeRejected(byte[] kept, Map<Integer, List<RowError>> errorsByLine, Locale language, Writer out)
            throws IOException {
        boolean thai = "th".equals(language.getLanguage());
        out.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        int rows = 0;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(new String(kept, StandardCharsets.UTF_8)))
                .setFormat(FORMAT).get()) {
            boolean header = true;
            int width = 0;
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                for (int i = 1; i < record.size(); i++) {
                    // the cells as sent, each guarded again: a formula an officer sent must not run in a
                    // colleague's spreadsheet, and the import undoes the guard when the file comes back
                    cells.add(guarded(unguarded(record.get(i))));
                }
                if (header) {
                    width = cells.size();
                    cells.add(ERRORS_COLUMN);
                } else {
                    // a short row's reasons go under import_errors, never under a column of the register
                    while (cells.size() < width) {
                        cells.add("");
                    }
                    int line = Integer.parseInt(record.get(0));
                    StringBuilder reasons = new StringBuilder(thai ? "บรรทัด " : "line ").append(line);
                    for (RowError e : errorsByLine.getOrDefault(line, List.of())) {
                        reasons.append("; ").append(e.field() == null ? "" : columnOf(e.field()) + ": ")
                                .append(e.message().in(language));
                    }
                    cells.add(guarded(reasons.toString()));
                    rows++;
                }
                printer.printRecord(cells);
                header = false;
            }
        }
        printer.flush();
        return rows;
    }

    /** The file's column for a field of the register ({@code nationalId} is {@code national_id}). */
    static String columnOf(String field) {
        return COLUMN_OF_FIELD.getOrDefault(field, field);
    }

    private VolunteerInput input(CSVRecord r) {
        return new VolunteerInput(get(r, "national_id"), get(r, "title"), get(r, "first_name"), get(r, "last_name"),
                get(r, "first_name_en"), get(r, "last_name_en"), get(r, "birth_date"), get(r, "gender"),
                get(r, "phone"), get(r, "subdistrict_code"), get(r, "address"), get(r, "registered_on"));
    }

    private String get(CSVRecord record, String column) {
        Integer i = positions.get(column);
        if (i == null || i >= record.size()) {
            return null;
        }
        String value = unguarded(record.get(i));
        return value.isBlank() ? null : value;
    }

    /** A value as the export writes it: guarded against spreadsheet formulas ({@link SpreadsheetCells}). */
    static String guarded(Object value) {
        return SpreadsheetCells.guarded(value);
    }

    /** A value as the file holds it, without the quote {@link #guarded(Object)} put before a formula. */
    static String unguarded(String text) {
        return SpreadsheetCells.unguarded(text);
    }

    private int lineOf(int position) {
        int start = position;
        // the parser places a record after the blank lines it skipped before it at their start
        while (start < text.length() && (text.charAt(start) == '\r' || text.charAt(start) == '\n')) {
            start++;
        }
        return lineOf(lineStarts, start);
    }

    /** The physical line (from 1) of a character of the text: CRLF, LF and a lone CR each end a line. */
    static int lineAt(String text, int position) {
        return lineOf(lineStarts(text), position);
    }

    private static int lineOf(int[] lineStarts, int position) {
        int found = Arrays.binarySearch(lineStarts, position);
        return (found >= 0 ? found : -found - 2) + 1;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Map<String, String> columns(String... pairs) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            columns.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(columns);
    }
}
