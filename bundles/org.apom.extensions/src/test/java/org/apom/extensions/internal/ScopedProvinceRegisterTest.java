package org.apom.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apom.core.api.DistrictCode;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
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

    private final List<String> calls = new ArrayList<>();
    private final VolunteerRegistry registry = (VolunteerRegistry) Proxy.newProxyInstance(
            VolunteerRegistry.class.getClassLoader(), new Class<?>[] {VolunteerRegistry.class}, (p, m, args) -> {
                Caller caller = (Caller) args[0];
                if (m.getName().equals("search")) {
                    calls.add("search as " + caller.name() + " in " + ((VolunteerSearch) args[1]).province());
                    return new Page<>(List.of(), null);
                }
                calls.add("count as " + caller.name() + " in " + args[1]);
                return Map.of(DistrictCode.of("5001"), Map.of(VolunteerStatus.ACTIVE, 1L));
            });

    @Test
    void readsAsThePersonWithinTheExtensionsStoredProvince() {
        ScopedProvinceRegister chiangMai = new ScopedProvinceRegister(registry, "50", () -> OFFICER_50);
        chiangMai.search(VolunteerSearch.all(), PageRequest.of(10, null));
        chiangMai.countByDistrict(ProvinceCode.of("50"));
        assertEquals(List.of("search as somchai in 50", "count as somchai in 50"), calls);
    }

    @Test
    void anotherProvinceFindsNothingEvenForACentralAdmin() {
        ScopedProvinceRegister chiangMai = new ScopedProvinceRegister(registry, "50", () -> ADMIN);
        assertTrue(chiangMai.search(new VolunteerSearch(ProvinceCode.of("40"), null, null, null, null, null),
                PageRequest.of(10, null)).items().isEmpty());
        assertEquals(Map.of(), chiangMai.countByDistrict(ProvinceCode.of("40")));
        assertEquals(List.of(), calls, "the register was not even asked");
    }

    @Test
    void aMinistryWideExtensionReadsWhatThePersonMaySee() {
        new ScopedProvinceRegister(registry, "*", () -> OFFICER_50).search(VolunteerSearch.all(), PageRequest.of(10, null));
        assertEquals(List.of("search as somchai in null"), calls, "the register scopes the officer to 50 itself");
    }

    @Test
    void outsideARequestThereIsNobodyToReadFor() {
        ScopedProvinceRegister chiangMai = new ScopedProvinceRegister(registry, "50", () -> null);
        assertThrows(IllegalStateException.class, () -> chiangMai.search(VolunteerSearch.all(), PageRequest.of(10, null)));
        assertTrue(new ScopedProvinceRegister(registry, null, () -> ADMIN).search(VolunteerSearch.all(),
                PageRequest.of(10, null)).items().isEmpty(), "a bundle the manager did not install reads nothing");
    }
}
