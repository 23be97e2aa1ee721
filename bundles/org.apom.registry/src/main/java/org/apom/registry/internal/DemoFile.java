package org.apom.registry.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVPrinter;
import org.apom.registry.api.VolunteerInput;
import org.apom.registry.internal.demo.DemoRecord;
import org.apom.registry.internal.demo.DemoRegister;

/**
 * The demo register as an import file, for benchmarks and trials at any size:
 * {@code java -cp <registry, registry.api, core.api, commons-csv, commons-io and commons-codec jars> org.apom.registry.internal.DemoFile --rows 1000000
 * --subdistricts subdistricts.csv --out volunteers.csv [--provinces 50,40,10,90,34] [--seed 2569]}.
 */
public final class DemoFile {

    private DemoFile() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        int rows = Integer.parseInt(options.getOrDefault("--rows", "100000"));
        List<String> provinces = Arrays.asList(options.getOrDefault("--provinces", "50,40,10,90,34").split(","));
        Path out = Path.of(options.getOrDefault("--out", "volunteers.csv"));
        List<String> subdistricts = subdistricts(Path.of(required(options, "--subdistricts")), provinces);
        List<DemoRecord> records = DemoRegister.generate(rows, subdistricts, LocalDate.now(java.time.ZoneId.of("Asia/Bangkok")),
                Long.parseLong(options.getOrDefault("--seed", "2569")));
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, RegisterCsv.FORMAT)) {
            printer.printRecord(RegisterCsv.COLUMNS.keySet());
            for (DemoRecord r : records) {
                VolunteerInput v = r.input();
                printer.printRecord(v.nationalId(), v.title(), v.firstName(), v.lastName(), v.firstNameEn(),
                        v.lastNameEn(), v.birthDate(), v.gender(), v.phone(), v.subdistrictCode(), v.address(),
                        v.registeredOn());
            }
        }
        System.out.println(records.size() + " rows in " + out);
    }

    /** The codes of the subdistricts of the provinces, from the areas' subdistricts.csv. */
    private static List<String> subdistricts(Path file, List<String> provinces) throws IOException {
        List<String> codes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String code = line.split(",", 2)[0];
            if (code.matches("\\d{6}") && provinces.contains(code.substring(0, 2))) {
                codes.add(code);
            }
        }
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("no subdistricts of " + provinces + " in " + file);
        }
        return codes;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
