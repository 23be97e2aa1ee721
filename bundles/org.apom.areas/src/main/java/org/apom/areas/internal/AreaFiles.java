package org.apom.areas.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apom.areas.api.District;
import org.apom.areas.api.Province;
import org.apom.areas.api.Subdistrict;
import org.apom.core.api.DistrictCode;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;

/**
 * Reads an edition of the DOPA area files (provinces.csv, districts.csv, subdistricts.csv, UTF-8 with a
 * header row) and refuses an inconsistent one: a bad code, a duplicate, or a parent that does not exist.
 */
final class AreaFiles {

    static final String PROVINCES = "provinces.csv";
    static final String DISTRICTS = "districts.csv";
    static final String SUBDISTRICTS = "subdistricts.csv";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get();

    private AreaFiles() {
    }

    /** The edition shipped inside this bundle. */
    static AreaData shipped() {
        return read(name -> AreaFiles.class.getResourceAsStream("data/" + name));
    }

    /**
     * @param open opens a file of the edition by name; {@code null} for a missing file
     * @throws IllegalArgumentException naming the file and line of the first problem
     */
    static AreaData read(Function<String, InputStream> open) {
        byte[] provinces = bytes(open, PROVINCES);
        byte[] districts = bytes(open, DISTRICTS);
        byte[] subdistricts = bytes(open, SUBDISTRICTS);

        Set<String> provinceCodes = new HashSet<>();
        List<Province> p = parse(PROVINCES, provinces, r -> {
            ProvinceCode code = ProvinceCode.of(r.get("code"));
            unique(provinceCodes, code.value());
            return new Province(code, name(r, "name_th"), name(r, "name_en"), name(r, "region"));
        });
        Set<String> districtCodes = new HashSet<>();
        List<District> d = parse(DISTRICTS, districts, r -> {
            DistrictCode code = DistrictCode.of(r.get("code"));
            ProvinceCode province = ProvinceCode.of(r.get("province_code"));
            parent(provinceCodes, province.value(), "province");
            prefix(code.province().equals(province), code.value(), province.value());
            unique(districtCodes, code.value());
            return new District(code, province, name(r, "name_th"), name(r, "name_en"));
        });
        Set<String> subdistrictCodes = new HashSet<>();
        List<Subdistrict> s = parse(SUBDISTRICTS, subdistricts, r -> {
            SubdistrictCode code = SubdistrictCode.of(r.get("code"));
            DistrictCode district = DistrictCode.of(r.get("district_code"));
            parent(districtCodes, district.value(), "district");
            prefix(code.district().equals(district), code.value(), district.value());
            unique(subdistrictCodes, code.value());
            return new Subdistrict(code, district, name(r, "name_th"), name(r, "name_en"),
                    blankToNull(r.get("postcode")), decimal(r.get("lat")), decimal(r.get("lon")));
        });
        return new AreaData(sha256(provinces, districts, subdistricts), p, d, s);
    }

    private static <T> List<T> parse(String file, byte[] content, Function<CSVRecord, T> row) {
        List<T> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(reader)) {
            for (CSVRecord record : parser) {
                try {
                    rows.add(row.apply(record));
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new IllegalArgumentException(
                            file + " line " + parser.getCurrentLineNumber() + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " has no rows");
        }
        return rows;
    }

    private static byte[] bytes(Function<String, InputStream> open, String name) {
        try (InputStream in = open.apply(name)) {
            if (in == null) {
                throw new IllegalArgumentException(name + " is missing from the edition");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static String name(CSVRecord r, String column) {
        String value = r.get(column);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(column + " is empty");
        }
        return value.strip();
    }

    private static void unique(Set<String> seen, String code) {
        if (!seen.add(code)) {
            throw new IllegalArgumentException("code " + code + " appears twice");
        }
    }

    private static void parent(Set<String> known, String code, String kind) {
        if (!known.contains(code)) {
            throw new IllegalArgumentException(kind + " " + code + " does not exist");
        }
    }

    private static void prefix(boolean matches, String code, String parent) {
        if (!matches) {
            throw new IllegalArgumentException("code " + code + " does not start with its parent's code " + parent);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static BigDecimal decimal(String value) {
        return value == null || value.isBlank() ? null : new BigDecimal(value.strip());
    }

    private static String sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
