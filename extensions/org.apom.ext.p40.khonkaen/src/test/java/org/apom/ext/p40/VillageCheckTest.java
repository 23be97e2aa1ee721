package org.apom.ext.p40;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apom.core.api.DistrictCode;
import org.apom.core.api.NationalId;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.registry.api.Gender;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerStatus;
import org.junit.jupiter.api.Test;

class VillageCheckTest {

    @Test
    void everyAddressNamesItsVillage() {
        VillageCheck check = new VillageCheck();
        assertEquals(0, check.check(volunteer("99 หมู่ 4 ต.ในเมือง")).size());
        assertEquals(0, check.check(volunteer("12 ม.3")).size());
        assertEquals(0, check.check(volunteer("บ้านโนนทัน")).size());
        assertEquals("address", check.check(volunteer("12 ถนนมิตรภาพ")).get(0).field());
        assertEquals(1, check.check(volunteer(null)).size());
    }

    private static Volunteer volunteer(String address) {
        return new Volunteer("v1", NationalId.parse("3100600445635"), "นาง", "มาลี", "ดีงาม", null, null, null,
                Gender.FEMALE, null, SubdistrictCode.of("400101"), DistrictCode.of("4001"), ProvinceCode.of("40"),
                address, null, VolunteerStatus.ACTIVE, null, null, null, null, null, 0);
    }
}
