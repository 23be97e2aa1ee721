package org.apom.recognition.internal.dossier;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apom.core.api.SpreadsheetCells;
import org.apom.networks.api.NetworkPosition;
import org.apom.networks.api.ServiceYear;
import org.apom.recognition.api.Honour;
import org.apom.recognition.api.NominationStep;

/**
 * The dossier as UTF-8 CSV with a BOM (so that Excel reads the Thai), one row per nominee, every cell guarded
 * against spreadsheet formulas. The columns are documented in docs/api.md.
 */
public final class DossierCsv {

    static final List<String> COLUMNS = List.of("nomination_id", "province", "province_name", "fiscal_year",
            "status", "volunteer_id", "title", "first_name", "last_name", "registered_on", "years_of_service",
            "positions", "activities_by_year", "activities", "hours", "beneficiaries", "previous_class",
            "previous_class_name", "previous_fiscal_year", "previous_gazette_reference", "class_requested",
            "class_requested_name", "justification", "endorsed_by", "endorsed_at", "endorsement_comment");

    private DossierCsv() {
    }

    public static void write(List<DossierEntry> entries, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(
                String[]::new)).get());
        for (DossierEntry e : entries) {
            printer.printRecord(row(e).stream().map(SpreadsheetCells::guarded).toList());
        }
        printer.flush();
    }

    private static List<Object> row(DossierEntry e) {
        Honour previous = e.previous();
        NominationStep endorsed = e.endorsement();
        List<Object> row = new ArrayList<>(COLUMNS.size());
        row.add(e.nomination().id());
        row.add(e.nomination().province().value());
        row.add(e.provinceName());
        row.add(e.nomination().fiscalYear());
        row.add(e.nomination().status().name());
        row.add(e.nomination().volunteerId());
        row.add(e.title());
        row.add(e.firstName());
        row.add(e.lastName());
        row.add(e.registeredOn());
        row.add(e.yearsOfService());
        row.add(e.positions().stream().map(DossierCsv::position).collect(Collectors.joining("; ")));
        row.add(e.years().stream().map(y -> y.fiscalYear() + ":" + y.activities()).collect(Collectors.joining("; ")));
        row.add(e.activities());
        row.add(e.years().stream().map(ServiceYear::hours).reduce(java.math.BigDecimal.ZERO,
                java.math.BigDecimal::add).stripTrailingZeros().toPlainString());
        row.add(e.years().stream().mapToInt(ServiceYear::beneficiaries).sum());
        row.add(previous == null ? null : previous.awardClass());
        row.add(e.previousClassName() == null ? null : e.previousClassName().th());
        row.add(previous == null ? null : previous.fiscalYear());
        row.add(previous == null ? null : previous.gazetteReference());
        row.add(e.nomination().awardClass());
        row.add(e.classRequested() == null ? null : e.classRequested().th());
        row.add(e.nomination().justification());
        row.add(endorsed == null ? null : endorsed.by());
        row.add(endorsed == null ? null : endorsed.at());
        row.add(endorsed == null ? null : endorsed.comment());
        return row;
    }

    private static String position(NetworkPosition p) {
        return p.networkName() + " (" + p.networkId() + ")" + (p.seat() == null ? "" : " " + p.seat().name());
    }
}
