package org.apom.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

class CookiesTest {

    @Test
    void overHttpsTheSessionCookieIsSecureAndHostBound() {
        List<String> headers = new ArrayList<>();
        Cookies.setPrivate(response(headers), Cookies.SESSION, "abc", true);
        Cookies.setPrivate(response(headers), Cookies.SESSION, "def", false);
        assertEquals(List.of("__Host-apom-session=abc; Path=/; HttpOnly; SameSite=Strict; Secure",
                "apom-session=def; Path=/; HttpOnly; SameSite=Strict"), headers);
    }

    @Test
    void aSecureVisitReadsOnlyTheHostBoundCookie() {
        // a cookie planted by a plain-HTTP page or a sibling subdomain has no __Host- name: it is not the session
        HttpServletRequest request = request(new Cookie("apom-session", "planted"));
        assertNull(Cookies.read(request, Cookies.SESSION, true));
        assertEquals("planted", Cookies.read(request, Cookies.SESSION, false));
        assertEquals("real", Cookies.read(request(new Cookie("__Host-apom-session", "real")), Cookies.SESSION, true));
    }

    private static HttpServletResponse response(List<String> headers) {
        return (HttpServletResponse) Proxy.newProxyInstance(CookiesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("addHeader") && args[0].equals("Set-Cookie")) {
                        headers.add((String) args[1]);
                    }
                    return null;
                });
    }

    private static HttpServletRequest request(Cookie... cookies) {
        return (HttpServletRequest) Proxy.newProxyInstance(CookiesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> method.getName().equals("getCookies") ? cookies : null);
    }
}
