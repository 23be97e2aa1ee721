package org.apom.networks.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.UploadedText;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;

/**
 * A spreadsheet of one network's activities: a header naming the columns in any order, then one activity per row.
 * Participants are national IDs (or volunteer ids) separated by spaces, semicolons or line breaks in one cell.
 */
final class ActivityCsv {

    static final List<String> COLUMNS = List.of("date", "kind", "title", "participants", "beneficiaries", "hours");
    private static final List<String> REQUIRED = List.of("date", "kind", "title", "participants", "hours");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** One data row: the physical line it starts on (the header is line 1) and its cells by column. */
    record Row(int line, int index, Map<String, String> cells) {

        String get(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        /** The participants cell split into its entries. */
        List<String> participants() {
            String value = get("participants");
            return value == null ? List.of()
                    : Arrays.stream(value.split("[\\s;,]+")).filter(s -> !s.isEmpty()).toList();
        }
    }

    private final String text;
    private final Map<String, Integer> positions;
    private final int rows;
    private final int[] lineStarts;

    private ActivityCsv(String text, Map<String, Integer> positions, int rows) {
        this.text = text;
        this.positions = positions;
        this.rows = rows;
        this.lineStarts = lineStarts(text);
    }

    /**
     * Reads the whole file once, so that a file that cannot be read is refused before anything is queued.
     *
     * @throws ProblemException 422 {@code malformed-csv}, {@code missing-column} or {@code empty-file}
     */
    static ActivityCsv read(String text) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw UploadedText.unreadable("empty-file", LocalizedText.of("The file is empty.", "แฟ้มว่างเปล่า"));
            }
            CSVRecord header = records.next();
            Map<String, Integer> positions = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip().toLowerCase(Locale.ROOT);
                if (COLUMNS.contains(name)) {
                    positions.putIfAbsent(name, i);
                }
            }
            List<FieldError> missing = REQUIRED.stream().filter(c -> !positions.containsKey(c))
                    .map(c -> new FieldError(c, "missing-column", LocalizedText.of("The header has no column " + c
                            + ".", "แถวหัวตารางไม่มีคอลัมน์ " + c))).toList();
            if (!missing.isEmpty()) {
                throw new ProblemException(422, "missing-column", LocalizedText.of("The header (line 1) lacks "
                        + "required columns. A file's columns are " + String.join(", ", REQUIRED)
                        + " and, if you like, beneficiaries.", "แถวหัวตาราง (บรรทัด 1) ขาดคอลัมน์ที่ต้องมี"), missing);
            }
            int rows = 0;
            while (records.hasNext()) {
                records.next();
                rows++;
            }
            return new ActivityCsv(text, positions, rows);
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

    /** Hands the data rows from {@code from} (counted from 0), in order, to the consumer. */
    void forEachRow(int from, Consumer<Row> consumer) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            int index = -1;
            for (CSVRecord record : parser) {
                if (index >= from) {
                    Map<String, String> cells = new LinkedHashMap<>();
                    positions.forEach((column, i) -> cells.put(column, i < record.size() ? record.get(i) : null));
                    consumer.accept(new Row(lineOf((int) record.getCharacterPosition()), index, cells));
                }
                index++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // read once already in read()
        }
    }

    private int lineOf(int position) {
        int start = position;
        // the parser places a record after the blank lines it skipped before it at their start
        while (start < text.length() && (text.charAt(start) == '\r' || text.charAt(start) == '\n')) {
            start++;
        }
        int found = Arrays.binarySearch(lineStarts, start);
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
}
