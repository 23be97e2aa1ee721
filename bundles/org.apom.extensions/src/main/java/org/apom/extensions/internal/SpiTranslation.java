package org.apom.extensions.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apom.core.api.DistrictCode;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Masking;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.extensions.api.DistrictCountsDTO;
import org.apom.extensions.api.Finding;
import org.apom.extensions.api.VolunteerDTO;
import org.apom.extensions.api.VolunteerQuery;
import org.apom.registry.api.RecordFinding;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerSearch;
import org.apom.registry.api.VolunteerStatus;

/**
 * Between the register's own types and the extension SPI's data transfer objects. The SPI copies rather than
 * shares them so that the register can change its records freely while provinces' bundles, compiled against an
 * older SPI, keep working.
 */
final class SpiTranslation {

    private SpiTranslation() {
    }

    /** The record as the SPI shows it; personal data masked unless {@code unmasked}. */
    static VolunteerDTO volunteer(Volunteer v, boolean unmasked) {
        VolunteerDTO dto = new VolunteerDTO();
        dto.id = v.id();
        dto.nationalId = v.nationalId() == null ? null
                : unmasked ? v.nationalId().value() : Masking.nationalId(v.nationalId());
        dto.title = v.title();
        dto.firstName = v.firstName();
        dto.lastName = v.lastName();
        dto.firstNameEn = v.firstNameEn();
        dto.lastNameEn = v.lastNameEn();
        dto.birthDate = unmasked ? v.birthDate() : null;
        dto.birthYear = v.birthDate() == null ? null : v.birthDate().getYear();
        dto.gender = v.gender() == null ? null : v.gender().name();
        dto.phone = unmasked ? v.phone() : Masking.phone(v.phone());
        dto.subdistrictCode = v.subdistrictCode() == null ? null : v.subdistrictCode().value();
        dto.districtCode = v.districtCode() == null ? null : v.districtCode().value();
        dto.provinceCode = v.provinceCode() == null ? null : v.provinceCode().value();
        dto.address = unmasked ? v.address() : Masking.address(v.address());
        dto.registeredOn = v.registeredOn();
        dto.status = v.status() == null ? null : v.status().name();
        dto.statusReason = v.statusReason();
        dto.statusChangedOn = v.statusChangedOn();
        dto.lastVerifiedOn = v.lastVerifiedOn();
        dto.version = v.version();
        dto.masked = !unmasked;
        return dto;
    }

    /**
     * The register's search for an extension's query, within {@code province} unless the query names one.
     *
     * @throws IllegalArgumentException naming the field the extension filled wrongly
     */
    static VolunteerSearch search(VolunteerQuery query, ProvinceCode province) {
        ProvinceCode asked = query.provinceCode == null ? province : province(query.provinceCode);
        return new VolunteerSearch(asked, code(query.districtCode, DistrictCode::of, "districtCode"),
                code(query.subdistrictCode, SubdistrictCode::of, "subdistrictCode"),
                code(query.status, VolunteerStatus::valueOf, "status"), query.q, query.verifiedBefore);
    }

    /** @throws IllegalArgumentException when the extension passed no valid province code */
    static ProvinceCode province(String code) {
        return code(code, ProvinceCode::of, "provinceCode");
    }

    static List<DistrictCountsDTO> counts(Map<DistrictCode, Map<VolunteerStatus, Long>> byDistrict) {
        List<DistrictCountsDTO> counts = new ArrayList<>();
        byDistrict.entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> a.value().compareTo(b.value())))
                .forEach(district -> {
                    DistrictCountsDTO dto = new DistrictCountsDTO();
                    dto.districtCode = district.getKey().value();
                    district.getValue().forEach((status, n) -> dto.byStatus.put(status.name(), n));
                    counts.add(dto);
                });
        return counts;
    }

    /** An extension's finding as the register lists it; a finding without text in one language gets the other. */
    static RecordFinding finding(String volunteerId, String code, Finding f) {
        String en = f.en != null ? f.en : f.th != null ? f.th : "(the check gave no message)";
        String th = f.th != null ? f.th : en;
        return new RecordFinding(volunteerId, code, f.field, LocalizedText.of(en, th));
    }

    private static <T> T code(String value, java.util.function.Function<String, T> parse, String field) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("VolunteerQuery." + field + " is not a valid code: " + value, e);
        }
    }
}
