package org.apom.ext.p40;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apom.extensions.api.VolunteerDTO;
import org.junit.jupiter.api.Test;

class VillageCheckTest {

    @Test
    void everyAddressNamesItsVillage() {
        VillageCheck check = new VillageCheck();
        assertEquals(0, check.check(volunteer("99 หมู่ 4 ต.ในเมือง")).size());
        assertEquals(0, check.check(volunteer("12 ม.3")).size());
        assertEquals(0, check.check(volunteer("บ้านโนนทัน")).size());
        assertEquals("address", check.check(volunteer("12 ถนนมิตรภาพ")).get(0).field);
        assertEquals(1, check.check(volunteer(null)).size());
    }

    private static VolunteerDTO volunteer(String address) {
        VolunteerDTO v = new VolunteerDTO();
        v.id = "v1";
        v.provinceCode = "40";
        v.address = address;
        return v;
    }
}
