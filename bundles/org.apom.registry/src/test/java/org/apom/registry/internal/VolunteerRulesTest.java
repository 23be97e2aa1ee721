package org.apom.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apom.areas.api.Subdistrict;
import org.apom.core.api.DistrictCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.Gender;
import org.apom.registry.api.VolunteerInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolunteerRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final Subdistrict SI_PHUM = new Subdistrict(SubdistrictCode.of("500101"), DistrictCode.of("5001"), "ศรีภูมิ",
            "Si Phum", "50200", null, null);
    private final VolunteerRules rules = new VolunteerRules(
            code -> code.equals(SI_PHUM.code()) ? Optional.of(SI_PHUM) : Optional.empty(), 18);

    static VolunteerInput somchai() {
        return new VolunteerInput("3-1006-00445-63-5", "นาย", "สมชาย", "ใจดี", "Somchai", "Jaidee", "15/3/2510",
                "ชาย", "081-234-5678", "500101", "99 หมู่ 1", "2026-01-15");
    }

    @Test
    void acceptsWhatProvincesReallySendAndStoresTheNormalForms() {
        ValidVolunteer v = rules.check(somchai(), TODAY);
        assertEquals("3100600445635", v.nationalId().value());
        assertEquals(LocalDate.of(1967, 3, 15), v.birthDate());
        assertEquals(Gender.MALE, v.gender());
        assertEquals("0812345678", v.phone());
        assertEquals(SI_PHUM, v.subdistrict());
        assertEquals(LocalDate.of(2026, 1, 15), v.registeredOn());
    }

    @Test
    void titlesAndGendersInEnglishOrThai() {
        VolunteerInput in = new VolunteerInput("1234545678781", "Miss", "  สมหญิง  ", "รักดี", null, null,
                "1990-02-01", "female", "+66 2 123 4567", "500101", null, null);
        ValidVolunteer v = rules.check(in, TODAY);
        assertEquals("นางสาว", v.title());
        assertEquals("สมหญิง", v.firstName());
        assertEquals(Gender.FEMALE, v.gender());
        assertEquals("021234567", v.phone());
        assertEquals(TODAY, v.registeredOn(), "registered today unless said otherwise");
    }

    @Test
    void everyWrongFieldIsReportedAtOnce() {
        VolunteerInput in = new VolunteerInput("3100600445636", "Sir", "Somchai", "ใจดี<script>", "สมชาย", null,
                "2510-03-15", "x", "12345", "999999", null, "2027-01-01");
        ProblemException e = assertThrows(ProblemException.class, () -> rules.check(in, TODAY));
        assertEquals(422, e.status());
        List<String> got = e.errors().stream().map(f -> f.field() + ":" + f.code()).toList();
        assertEquals(List.of("nationalId:checksum", "title:unknown", "firstName:not-thai", "lastName:not-thai",
                "firstNameEn:not-latin", "registeredOn:future", "birthDate:future", "gender:unknown", "phone:format",
                "subdistrictCode:unknown"), got);
        assertTrue(e.errors().stream().filter(f -> f.field().equals("birthDate")).findFirst().orElseThrow()
                .message().en().contains("Buddhist"));
    }

    @ParameterizedTest
    @CsvSource({"1/12/2551, under-age", "31/2/2510, date", "15/3/1967, era", "1899-12-31, too-old", "15.3.2510, format"})
    void birthDates(String text, String code) {
        VolunteerInput base = somchai();
        VolunteerInput in = new VolunteerInput(base.nationalId(), base.title(), base.firstName(), base.lastName(),
                null, null, text, base.gender(), null, base.subdistrictCode(), null, "2026-01-15");
        ProblemException e = assertThrows(ProblemException.class, () -> rules.check(in, TODAY));
        assertEquals(code, e.errors().get(0).code(), e.errors().toString());
    }

    @Test
    void controlCharactersAndHugeStringsAreRefused() {
        VolunteerInput base = somchai();
        VolunteerInput in = new VolunteerInput(base.nationalId(), base.title(), "สม\u0007ชาย", "ใ".repeat(101), null,
                null, base.birthDate(), base.gender(), null, base.subdistrictCode(), "x".repeat(501), null);
        List<String> got = assertThrows(ProblemException.class, () -> rules.check(in, TODAY)).errors().stream()
                .map(f -> f.field() + ":" + f.code()).toList();
        assertEquals(List.of("firstName:control-characters", "lastName:too-long", "address:too-long"), got);
    }

    @Test
    void missingRequiredFields() {
        VolunteerInput in = new VolunteerInput(null, null, null, null, null, null, null, null, null, null, null, null);
        List<String> got = assertThrows(ProblemException.class, () -> rules.check(in, TODAY)).errors().stream()
                .map(f -> f.field() + ":" + f.code()).toList();
        assertEquals(List.of("nationalId:required", "title:required", "firstName:required", "lastName:required",
                "birthDate:required", "gender:required", "subdistrictCode:area-code"), got);
    }
}
