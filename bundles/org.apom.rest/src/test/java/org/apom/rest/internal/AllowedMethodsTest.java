package org.apom.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

class AllowedMethodsTest {

    @Test
    void namesOnlyTheMethodsOfTheAddressNotThoseOfItsNeighbours() {
        RuntimeDTO description = runtime(
                method("POST", "volunteers/imports"), method("GET", "volunteers/imports"),
                method("GET", "volunteers/imports/{id}"), method("GET", "volunteers/imports/{id}/rejected"),
                method("GET", "volunteers/{id}"), method("PATCH", "volunteers/{id}"),
                method("GET", "areas/provinces/{code: \\d{2}}/districts"));
        assertEquals(List.of("GET", "HEAD", "OPTIONS", "POST"),
                List.copyOf(at(description, "apom", "volunteers/imports")));
        // the literal imports/{id} takes the address, not volunteers/{id}
        assertEquals(List.of("GET", "HEAD", "OPTIONS"),
                List.copyOf(at(description, "apom", "/volunteers/imports/abc/")));
        assertEquals(List.of("GET", "HEAD", "OPTIONS", "PATCH"),
                List.copyOf(at(description, "apom", "volunteers/123")));
        assertEquals(List.of("GET", "HEAD", "OPTIONS"),
                List.copyOf(at(description, "apom", "areas/provinces/50/districts")));
        assertTrue(at(description, "apom", "areas/provinces/5x/districts").isEmpty());
        assertTrue(at(description, "another", "volunteers/imports").isEmpty());
    }

    /** Through the runtime, as the platform asks, with a change count no other call has used. */
    private static java.util.SortedSet<String> at(RuntimeDTO description, String application, String path) {
        return AllowedMethods.at(() -> description, System.nanoTime(), application, path);
    }

    @Test
    void describesTheRuntimeAgainOnlyWhenWhatItServesChanged() {
        AtomicInteger described = new AtomicInteger();
        RuntimeDTO before = runtime(method("GET", "areas/provinces"));
        RuntimeDTO after = runtime(method("GET", "areas/provinces"), method("POST", "areas/provinces"));
        // the cache is the class's: a count no earlier run of this test left there
        long first = System.nanoTime();
        AtomicLong changeCount = new AtomicLong(first);
        JaxrsServiceRuntime runtime = () -> {
            described.incrementAndGet();
            return changeCount.get() == first ? before : after;
        };
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of("GET", "HEAD", "OPTIONS"), List.copyOf(
                    AllowedMethods.at(runtime, changeCount.get(), "apom", "areas/provinces")));
        }
        assertEquals(1, described.get());
        changeCount.incrementAndGet();
        assertEquals(List.of("GET", "HEAD", "OPTIONS", "POST"), List.copyOf(
                AllowedMethods.at(runtime, changeCount.get(), "apom", "areas/provinces")));
        assertEquals(2, described.get());
    }

    private static ResourceMethodInfoDTO method(String method, String path) {
        ResourceMethodInfoDTO m = new ResourceMethodInfoDTO();
        m.method = method;
        m.path = path;
        return m;
    }

    private static RuntimeDTO runtime(ResourceMethodInfoDTO... methods) {
        ResourceDTO resource = new ResourceDTO();
        resource.resourceMethods = methods;
        ApplicationDTO app = new ApplicationDTO();
        app.name = "apom";
        app.resourceDTOs = new ResourceDTO[] {resource};
        RuntimeDTO runtime = new RuntimeDTO();
        runtime.applicationDTOs = new ApplicationDTO[] {app};
        return runtime;
    }
}
