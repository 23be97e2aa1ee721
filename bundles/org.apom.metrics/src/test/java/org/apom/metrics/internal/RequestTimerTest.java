package org.apom.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.WriterInterceptorContext;

import org.junit.jupiter.api.Test;

class RequestTimerTest {

    @Path("volunteers")
    static class Volunteers {
        @GET
        @Path("{id}")
        public void one() {
        }
    }

    private final ApomMetrics metrics = new ApomMetrics();
    private final RequestTimer timer = new RequestTimer(metrics);

    @Test
    void aMatchedRequestIsRecordedUnderItsTemplate() throws Exception {
        serve("GET", "http://localhost/api/v1/", Volunteers.class, Volunteers.class.getMethod("one"), 200);
        serve("GET", "http://localhost/api/v1/", Volunteers.class, Volunteers.class.getMethod("one"), 200);
        serve("GET", "http://localhost/api/v1/ext/50/", Volunteers.class, Volunteers.class.getMethod("one"), 403);
        String text = scrape();
        assertTrue(text.contains(
                "http_server_requests_seconds_count{method=\"GET\",route=\"/volunteers/{id}\",status=\"200\"} 2"), text);
        assertTrue(text.contains(
                "http_server_requests_seconds_count{method=\"GET\",route=\"/ext/50/volunteers/{id}\",status=\"403\"} 1"),
                text);
    }

    @Test
    void anUnmatchedRequestIsOneSeriesWhateverItsPathAndMethod() throws Exception {
        serve("GET", "http://localhost/api/v1/", null, null, 404);
        serve("BREW", "http://localhost/api/v1/", null, null, 405);
        String text = scrape();
        assertTrue(text.contains(
                "http_server_requests_seconds_count{method=\"GET\",route=\"UNMATCHED\",status=\"404\"} 1"), text);
        assertTrue(text.contains(
                "http_server_requests_seconds_count{method=\"OTHER\",route=\"UNMATCHED\",status=\"405\"} 1"), text);
    }

    @Test
    void aRequestWhoseClockNeverStartedIsNotRecorded() throws Exception {
        timer.filter(request("GET", "http://localhost/api/v1/", new HashMap<>()), response(500));
        assertFalse(scrape().contains("http_server_requests_seconds_count{"));
    }

    @Test
    void anAnswerWithABodyIsRecordedOnceTheBodyIsWritten() throws Exception {
        Map<String, Object> properties = new HashMap<>();
        ContainerRequestContext request = request("GET", "http://localhost/api/v1/", properties);
        timer.filter(request);
        Method one = Volunteers.class.getMethod("one");
        timer.matched = Fake.of(ResourceInfo.class, Map.of("getResourceClass", args -> Volunteers.class,
                "getResourceMethod", args -> one));
        timer.filter(request, response(200, true));
        assertFalse(scrape().contains("route=\"/volunteers/{id}\""), "not before the body is written");
        boolean[] written = new boolean[1];
        timer.aroundWriteTo(Fake.of(WriterInterceptorContext.class, Map.of(
                "proceed", args -> written[0] = true,
                "getProperty", args -> properties.get((String) args[0]),
                "removeProperty", args -> properties.remove((String) args[0]))));
        assertTrue(written[0]);
        assertTrue(scrape().contains(
                "http_server_requests_seconds_count{method=\"GET\",route=\"/volunteers/{id}\",status=\"200\"} 1"));
    }

    @Test
    void aHeadAnswerIsRecordedAtOnceSinceNoBodyWillBeWritten() throws Exception {
        ContainerRequestContext request = request("HEAD", "http://localhost/api/v1/", new HashMap<>());
        timer.filter(request);
        Method one = Volunteers.class.getMethod("one");
        timer.matched = Fake.of(ResourceInfo.class, Map.of("getResourceClass", args -> Volunteers.class,
                "getResourceMethod", args -> one));
        timer.filter(request, response(200, true));
        assertTrue(scrape().contains(
                "http_server_requests_seconds_count{method=\"HEAD\",route=\"/volunteers/{id}\",status=\"200\"} 1"));
    }

    private void serve(String method, String base, Class<?> resource, Method resourceMethod, int status)
            throws Exception {
        ContainerRequestContext request = request(method, base, new HashMap<>());
        timer.filter(request);
        timer.matched = Fake.of(ResourceInfo.class, Map.of("getResourceClass", args -> resource,
                "getResourceMethod", args -> resourceMethod));
        timer.filter(request, response(status));
    }

    private static ContainerRequestContext request(String method, String base, Map<String, Object> properties) {
        UriInfo uri = Fake.of(UriInfo.class, Map.of("getBaseUri", args -> URI.create(base)));
        return Fake.of(ContainerRequestContext.class, Map.of(
                "getMethod", args -> method,
                "getUriInfo", args -> uri,
                "getProperty", args -> properties.get((String) args[0]),
                "setProperty", args -> properties.put((String) args[0], args[1])));
    }

    private static ContainerResponseContext response(int status) {
        return response(status, false);
    }

    private static ContainerResponseContext response(int status, boolean withBody) {
        return Fake.of(ContainerResponseContext.class, Map.of("getStatus", args -> status,
                "hasEntity", args -> withBody));
    }

    private String scrape() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
