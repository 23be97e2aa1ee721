package org.apom.rest.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.apom.core.api.DownReason;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

class ComponentsCheckTest {

    private static final String NO_ADMIN =
            "no central admin: APOM_ADMIN_PASSWORD was refused: A password must not contain the username.";

    @Test
    void aReasonACoreBundleRegisteredMakesTheNodeDownAndIsInTheAnswer() {
        HealthJson.ComponentJson check = ComponentsCheck.of(stub(ServiceComponentRuntime.class, Map.of()),
                new Bundle[0], List.of(NO_ADMIN));
        assertEquals("DOWN", check.status());
        assertEquals(List.of(NO_ADMIN), check.details().get("reasons"));

        HealthJson.ComponentJson none = ComponentsCheck.of(stub(ServiceComponentRuntime.class, Map.of()),
                new Bundle[0], List.of());
        assertEquals("UP", none.status());
        assertFalse(none.details().containsKey("reasons"));
    }

    @Test
    void onlyTheCoreBundlesReasonsCountNotAProvincesExtension() {
        ServiceReference<?> core = reference(bundle("org.apom.security", null), 7L, NO_ADMIN);
        ServiceReference<?> province = reference(bundle("org.apom.ext.p50.chiangmai", "50"), 9L, "down, says 50");
        BundleContext context = stub(BundleContext.class, Map.of("getAllServiceReferences",
                new ServiceReference<?>[] {province, core}));
        assertEquals(List.of(NO_ADMIN), ComponentsCheck.downReasons(context));
        assertEquals(List.of(), ComponentsCheck.downReasons(stub(BundleContext.class, Map.of())));
    }

    private static ServiceReference<?> reference(Bundle bundle, long id, String reason) {
        return stub(ServiceReference.class, Map.of("getBundle", bundle, "getProperty:" + Constants.SERVICE_ID, id,
                "getProperty:" + DownReason.PROPERTY, reason));
    }

    private static Bundle bundle(String name, String province) {
        Dictionary<String, String> headers = new Hashtable<>();
        if (province != null) {
            headers.put("Apom-Province", province);
        }
        return stub(Bundle.class, Map.of("getSymbolicName", name, "getHeaders", headers));
    }

    /** A stand-in answering the named methods (a property by "getProperty:key"), null or empty for the rest. */
    private static <T> T stub(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            String key = method.getName().equals("getProperty") ? "getProperty:" + args[0] : method.getName();
            if (answers.containsKey(key)) {
                return answers.get(key);
            }
            if (method.getReturnType() == boolean.class) {
                return false;
            }
            return method.getReturnType().isArray()
                    ? java.lang.reflect.Array.newInstance(method.getReturnType().getComponentType(), 0) : null;
        }));
    }
}
