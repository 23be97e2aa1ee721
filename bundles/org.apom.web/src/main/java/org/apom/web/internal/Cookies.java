package org.apom.web.internal;

import java.util.Arrays;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The workspace's cookies, all {@code SameSite=Strict} (the servlet API of Pax Web has no attribute for it, so the
 * header is written whole): a request from another site carries none of them. Over HTTPS (as the transport policy
 * judges it) they are {@code Secure} and named with the {@code __Host-} prefix, which a browser accepts only from a
 * secure page for the whole host: a sibling subdomain or a plain-HTTP page cannot plant or overwrite them.
 */
final class Cookies {

    static final String SESSION = "apom-session";
    /** The sign-in form's own CSRF token, before there is a session to hold one (a double-submitted cookie). */
    static final String SIGN_IN = "apom-sign-in";

    private Cookies() {
    }

    /** The cookie's name on a visit that is ({@code secure}) or is not encrypted. */
    static String name(String base, boolean secure) {
        return secure ? "__Host-" + base : base;
    }

    static String read(HttpServletRequest request, String base, boolean secure) {
        String name = name(base, secure);
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies).filter(c -> name.equals(c.getName())).map(Cookie::getValue).findFirst()
                .orElse(null);
    }

    /** A cookie that only the server reads; {@code Secure} when the visit came encrypted. */
    static void setPrivate(HttpServletResponse response, String base, String value, boolean secure) {
        response.addHeader("Set-Cookie", name(base, secure) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : ""));
    }

    /** A setting of the browser's own (the language), kept a year. */
    static void setPreference(HttpServletResponse response, String base, String value, boolean secure) {
        response.addHeader("Set-Cookie", name(base, secure) + "=" + value + "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : ""));
    }

    static void clear(HttpServletResponse response, String base, boolean secure) {
        response.addHeader("Set-Cookie", name(base, secure) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : ""));
    }
}
