package org.apom.ext.p50;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.apom.extensions.api.DistrictCountsDTO;
import org.apom.extensions.api.ProvinceRegister;
import org.apom.extensions.api.VolunteerDTO;
import org.apom.extensions.api.VolunteerPageDTO;
import org.apom.extensions.api.VolunteerQuery;
import org.junit.jupiter.api.Test;

class ChiangMaiTest {

    @Test
    void aPhoneOnRecordMustBeAMobileNumber() {
        MobilePhoneCheck check = new MobilePhoneCheck();
        assertEquals(0, check.check(volunteer("0812345678")).size());
        assertEquals(0, check.check(volunteer("0612345678")).size());
        assertEquals(0, check.check(volunteer(null)).size(), "no phone is the core's completeness figure");
        assertEquals("phone", check.check(volunteer("053123456")).get(0).field);
        assertEquals(1, check.check(volunteer("0212345678")).size());
    }

    @Test
    void theSummaryCountsActiveVolunteersPerDistrictAndNamesItsEdition() {
        ProvinceRegister register = new ProvinceRegister() {
            @Override
            public String province() {
                return "50";
            }

            @Override
            public VolunteerPageDTO search(VolunteerQuery query) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<DistrictCountsDTO> countByDistrict(String province) {
                return List.of(counts("5001", Map.of("ACTIVE", 3L, "SUSPENDED", 1L)),
                        counts("5002", Map.of("SUSPENDED", 2L)), counts("5003", Map.of("ACTIVE", 4L)));
            }
        };
        Map<String, Object> answer = new SummaryResource(register).summary();
        assertEquals(Map.of("5001", 3L, "5003", 4L), answer.get("activeByDistrict"));
        assertEquals("1.1.0", answer.get("version"), "the edition the build wrote");
        assertEquals(7L, answer.get("activeTotal"));
    }

    private static DistrictCountsDTO counts(String district, Map<String, Long> byStatus) {
        DistrictCountsDTO counts = new DistrictCountsDTO();
        counts.districtCode = district;
        counts.byStatus.putAll(byStatus);
        return counts;
    }

    private static VolunteerDTO volunteer(String phone) {
        VolunteerDTO v = new VolunteerDTO();
        v.id = "v1";
        v.provinceCode = "50";
        v.phone = phone;
        return v;
    }
}
