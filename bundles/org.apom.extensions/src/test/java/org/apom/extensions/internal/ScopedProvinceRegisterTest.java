package org.apom.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.time.LocalDate;

import org.apom.core.api.DistrictCode;
import org.apom.core.api.NationalId;
import org.apom.core.api.Page;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.extensions.api.DistrictCountsDTO;
import org.apom.extensions.api.VolunteerDTO;
import org.apom.extensions.api.VolunteerQuery;
import org.apom.registry.api.Gender;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.registry.api.VolunteerSearch;
import org.apom.registry.api.VolunteerStatus;
import org.apom.security.api.Caller;
import org.apom.security.api.Role;
import org.junit.jupiter.api.Test;

/** An extension reads as the person its request serves, and within its own province only. */
class ScopedProvinceRegisterTest {

    private static final Caller OFFICER_50 = Caller.person("somchai", Set.of(Role.PROVINCE_OFFICER), ProvinceCode.of("50"));
    private static final Caller ADMIN = Caller.person("admin", Set.of(Role.CENTRAL_ADMIN), null);
    /** An integrator's token that may read the register but not personal data: it can call an extension. */
    private static final Caller READ_ONLY_TOKEN = Caller.token("token:7", Set.of("volunteers:read"), null);
    private static final Volunteer SOMSRI = new Volunteer("v1", NationalId.parse("3100600445635"), "นาง", "สมศรี",
            "ใจดี", null, null, LocalDate.of(1970, 5, 1), Gender.FEMALE, "0812345678", SubdistrictCode.of("500101"),
            DistrictCode.of("5001"), ProvinceCode.of("50"), "99 หมู่ 4", LocalDate.of(2020, 1, 1),
            VolunteerStatus.ACTIVE, null, null, LocalDate.of(2026, 6, 1), "somchai", null, 3);

    private final List<String> calls = new ArrayList<>();
    private final VolunteerRegistry registry = (VolunteerRegistry) Proxy.newProxyInstance(
            VolunteerRegistry.class.getClassLoader(), new Class<?>[] {VolunteerRegistry.class}, (p, m, args) -> {
                Caller caller = (Caller) args[0];
                if (m.getName().equals("search")) {
                    calls.add("search as " + caller.name() + " in " + ((VolunteerSearch) args[1]).province());
                    return new Page<>(List.of(SOMSRI), "next");
                }
                calls.add("count as " + caller.name() + " in " + args[1]);
                return Map.of(DistrictCode.of("5001"), Map.of(VolunteerStatus.ACTIVE, 1L));
            });

    @Test
    void readsAsThePersonWithinTheExtensionsStoredProvince() {
        ScopedProvinceRegister chiangMai = new ScopedProvinceRegister(registry, "50", () -> OFFICER_50);
        VolunteerDTO somsri = chiangMai.search(new VolunteerQuery()).items.get(0);
        List<DistrictCountsDTO> counts = chiangMai.countByDistrict("50");
        assertEquals(List.of("search as somchai in 50", "count as somchai in 50"), calls);
        assertEquals("3100600445635", somsri.nationalId, "the officer of 50 may see it");
        assertEquals(LocalDate.of(2026, 6, 1), somsri.lastVerifiedOn);
        assertEquals("ACTIVE", somsri.status);
        assertEquals("5001", counts.get(0).districtCode);
        assertEquals(Map.of("ACTIVE", 1L), counts.get(0).byStatus);
    }

    @Test
    void personalDataIsMaskedForAPersonWhoMayNotSeeIt() {
        VolunteerDTO somsri = new ScopedProvinceRegister(registry, "50", () -> READ_ONLY_TOKEN)
                .search(new VolunteerQuery()).items.get(0);
        assertTrue(somsri.masked);
        assertEquals("08x-xxx-5678", somsri.phone);
        assertEquals("x-xxxx-xxxx5-63-5", somsri.nationalId);
        assertEquals(null, somsri.birthDate);
        assertEquals(1970, somsri.birthYear);
        assertEquals("xxx", somsri.address);
        assertEquals("สมศรี", somsri.firstName, "names are not personal data here");
    }

    @Test
    void anotherProvinceFindsNothingEvenForACentralAdmin() {
        ScopedProvinceRegister chiangMai = new ScopedProvinceRegister(registry, "50", () -> ADMIN);
        VolunteerQuery khonKaen = new VolunteerQuery();
        khonKaen.provinceCode = "40";
        assertTrue(chiangMai.search(khonKaen).items.isEmpty());
        assertEquals(List.of(), chiangMai.countByDistrict("40"));
        assertEquals(List.of(), calls, "the register was not even asked");
    }

    @Test
    void aMinistryWideExtensionReadsWhatThePersonMaySee() {
        new ScopedProvinceRegister(registry, "*", () -> OFFICER_50).search(new VolunteerQuery());
        assertEquals(List.of("search as somchai in null"), calls, "the register scopes the officer to 50 itself");
    }

    @Test
    void outsideARequestThereIsNobodyToReadFor() {
        ScopedProvinceRegister chiangMai = new ScopedProvinceRegister(registry, "50", () -> null);
        assertThrows(IllegalStateException.class, () -> chiangMai.search(new VolunteerQuery()));
        assertTrue(new ScopedProvinceRegister(registry, null, () -> ADMIN).search(new VolunteerQuery()).items
                .isEmpty(), "a bundle the manager did not install reads nothing");
    }

    @Test
    void aQueryWithAWrongCodeNamesTheField() {
        VolunteerQuery wrong = new VolunteerQuery();
        wrong.status = "RETIRED";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScopedProvinceRegister(registry, "50", () -> OFFICER_50).search(wrong));
        assertTrue(e.getMessage().contains("status"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ScopedProvinceRegister(registry, "50", () -> OFFICER_50).countByDistrict("5"));
    }
}
