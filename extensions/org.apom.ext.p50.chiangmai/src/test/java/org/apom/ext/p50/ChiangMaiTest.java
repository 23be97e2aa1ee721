package org.apom.ext.p50;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.apom.core.api.DistrictCode;
import org.apom.core.api.NationalId;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.extensions.api.ProvinceRegister;
import org.apom.registry.api.Gender;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerSearch;
import org.apom.registry.api.VolunteerStatus;
import org.junit.jupiter.api.Test;

class ChiangMaiTest {

    @Test
    void aPhoneOnRecordMustBeAMobileNumber() {
        MobilePhoneCheck check = new MobilePhoneCheck();
        assertEquals(0, check.check(volunteer("0812345678")).size());
        assertEquals(0, check.check(volunteer("0612345678")).size());
        assertEquals(0, check.check(volunteer(null)).size(), "no phone is the core's completeness figure");
        assertEquals("phone", check.check(volunteer("053123456")).get(0).field());
        assertEquals(1, check.check(volunteer("0212345678")).size());
    }

    @Test
    void theSummaryCountsActiveVolunteersPerDistrictAndNamesItsEdition() {
        ProvinceRegister register = new ProvinceRegister() {
            @Override
            public Page<Volunteer> search(VolunteerSearch search, PageRequest page) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Map<DistrictCode, Map<VolunteerStatus, Long>> countByDistrict(ProvinceCode province) {
                return Map.of(DistrictCode.of("5001"), Map.of(VolunteerStatus.ACTIVE, 3L, VolunteerStatus.SUSPENDED, 1L),
                        DistrictCode.of("5002"), Map.of(VolunteerStatus.SUSPENDED, 2L),
                        DistrictCode.of("5003"), Map.of(VolunteerStatus.ACTIVE, 4L));
            }
        };
        Map<String, Object> answer = new SummaryResource(register).summary();
        assertEquals(Map.of("5001", 3L, "5003", 4L), answer.get("activeByDistrict"));
        assertEquals("1.1.0", answer.get("version"), "the edition the build wrote");
        assertEquals(7L, answer.get("activeTotal"));
    }

    private static Volunteer volunteer(String phone) {
        return new Volunteer("v1", NationalId.parse("3100600445635"), "นาย", "สมชาย", "ใจดี", null, null, null,
                Gender.MALE, phone, SubdistrictCode.of("500101"), DistrictCode.of("5001"), ProvinceCode.of("50"),
                null, null, VolunteerStatus.ACTIVE, null, null, null, null, null, 0);
    }
}
