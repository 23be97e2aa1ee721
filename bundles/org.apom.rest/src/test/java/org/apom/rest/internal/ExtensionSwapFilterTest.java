package org.apom.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

/** A request that meets an extension application while Aries rebuilds it gets a 503 to retry, not a 500 page. */
class ExtensionSwapFilterTest {

    private final ExtensionSwapFilter filter = new ExtensionSwapFilter();
    private final Map<String, Object> answer = new HashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean committed;

    @Test
    void aFailureInsideTheServletBeingReplacedIsA503ToRetryInTheProblemFormat() throws Exception {
        filter.doFilter(request("th"), response(), (req, res) -> {
            throw new NullPointerException("Cannot invoke \"MessageObserver.onMessage\" because "
                    + "\"this.incomingObserver\" is null");
        });
        assertEquals(503, answer.get("status"));
        assertEquals("2", answer.get("Retry-After"));
        assertEquals("application/problem+json", answer.get("contentType"));
        String json = body.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"type\":\"urn:apom:problem:extension-swapping\""), json);
        assertTrue(json.contains("ส่วนขยาย"), "in the caller's language: " + json);
        assertTrue(!json.contains("NullPointerException") && !json.contains("incomingObserver"), json);
    }

    @Test
    void anAnswerAlreadyOnItsWayIsLeftAlone() {
        committed = true;
        IllegalStateException failure = new IllegalStateException("late");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> filter.doFilter(request("en"), response(),
                (req, res) -> {
                    throw failure;
                })));
        assertTrue(answer.isEmpty());
    }

    private HttpServletRequest request(String language) {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                    case "getLocales" -> Collections.enumeration(java.util.List.of(Locale.forLanguageTag(language)));
                    case "getRequestURI" -> "/api/v1/ext/50/summary";
                    default -> null;
                });
    }

    private HttpServletResponse response() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "isCommitted": return committed;
                        case "setStatus": answer.put("status", args[0]); return null;
                        case "setHeader": answer.put((String) args[0], args[1]); return null;
                        case "setContentType": answer.put("contentType", args[0]); return null;
                        case "getOutputStream": return out;
                        default: return null;
                    }
                });
    }
}
