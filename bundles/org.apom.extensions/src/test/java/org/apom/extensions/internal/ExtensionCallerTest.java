package org.apom.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;

import org.apom.core.api.ProvinceCode;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;
import org.apom.security.api.Reach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class ExtensionCallerTest {

    @Test
    void anExtensionReadsItsOwnProvinceOnlyAndUnderItsOwnName() {
        Caller caller = ExtensionCaller.of(bundle("org.apom.ext.p50.checks", "50"));
        assertEquals("extension:org.apom.ext.p50.checks", caller.name());
        assertEquals(ProvinceCode.of("50"), caller.province());
        assertEquals(Reach.OWN, AccessPolicy.reach(caller, Action.VOLUNTEERS_READ));
        assertTrue(AccessPolicy.allows(caller, Action.PERSONAL_DATA_READ, ProvinceCode.of("50")));
        assertTrue(!AccessPolicy.allows(caller, Action.VOLUNTEERS_READ, ProvinceCode.of("40")));
        assertEquals(Reach.NONE, AccessPolicy.reach(caller, Action.VOLUNTEERS_WRITE), "extensions only read");
    }

    @Test
    void aMinistryWideExtensionReadsEveryProvinceAndABundleWithoutAProvinceNothing() {
        assertEquals(Reach.ALL, AccessPolicy.reach(ExtensionCaller.of(bundle("org.apom.ext.all", "*")),
                Action.VOLUNTEERS_READ));
        assertNull(ExtensionCaller.of(bundle("com.example.other", null)));
        assertNull(ExtensionCaller.of(bundle("com.example.bad", "Chiang Mai")));
    }

    private static Bundle bundle(String name, String province) {
        Dictionary<String, String> headers = new Hashtable<>();
        if (province != null) {
            headers.put(ExtensionJar.PROVINCE_HEADER, province);
        }
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> headers;
                    case "getSymbolicName" -> name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
