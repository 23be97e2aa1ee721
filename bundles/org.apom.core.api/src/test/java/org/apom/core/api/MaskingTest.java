package org.apom.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void masksAsTheApiContractShows() {
        assertEquals("x-xxxx-xxxx5-63-5", Masking.nationalId(NationalId.parse("3100600445635")));
        assertEquals("08x-xxx-4567", Masking.phone("081-234-4567"));
        assertEquals("08x-xxx-4567", Masking.phone("๐๘๑๒๓๔๔๕๖๗"));
        assertEquals("02x-xxx-4567", Masking.phone("02 123 4567"));
        assertEquals("xxx", Masking.phone("1234"));
        assertEquals("1967", Masking.birthDate(LocalDate.of(1967, 3, 15)));
        assertEquals("xxx", Masking.address("99/1 หมู่ 3 ต.ศรีภูมิ"));
        assertNull(Masking.phone(null));
        assertNull(Masking.address(null));
    }
}
