package org.apom.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.apom.core.api.ProvinceCode;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;
import org.apom.security.api.Role;
import org.junit.jupiter.api.Test;

class ExtensionRequestsTest {

    @Test
    void aProvincesExtensionsServeOnlyThoseWhoMayReadItsVolunteers() {
        Caller officer40 = Caller.person("malee", Set.of(Role.PROVINCE_OFFICER), ProvinceCode.of("40"));
        Caller officer50 = Caller.person("somchai", Set.of(Role.PROVINCE_OFFICER), ProvinceCode.of("50"));
        assertFalse(ExtensionRequests.mayRead(officer40, "50"));
        assertTrue(ExtensionRequests.mayRead(officer50, "50"));
        assertTrue(ExtensionRequests.mayRead(Caller.person("admin", Set.of(Role.CENTRAL_ADMIN), null), "50"));
        assertFalse(ExtensionRequests.mayRead(Caller.person("audit", Set.of(Role.AUDITOR), null), "50"));
        assertFalse(ExtensionRequests.mayRead(Caller.token("t", Set.of(Action.VOLUNTEERS_READ.id()),
                ProvinceCode.of("40")), "50"));
        assertTrue(ExtensionRequests.mayRead(officer40, "*"), "every province's extensions, for any reader");
        assertFalse(ExtensionRequests.mayRead(Caller.person("audit", Set.of(Role.AUDITOR), null), "*"));
        assertFalse(ExtensionRequests.mayRead(officer50, null));
    }

    @Test
    void theProvinceIsTheApplicationsBase() {
        assertEquals("50", ExtensionRequests.provinceOf("/api/v1/ext/50/"));
        assertEquals("*", ExtensionRequests.provinceOf("/api/v1/ext/all/"));
        assertNull(ExtensionRequests.provinceOf("/api/v1/"));
        assertNull(ExtensionRequests.provinceOf("/api/v1/ext/5x/"));
    }
}
