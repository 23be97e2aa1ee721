package org.apom.extensions.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;

import javax.servlet.GenericServlet;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;

/**
 * Every request under {@code /api/v1/ext}: {@code /api/v1/ext/50/...} goes to the application that serves province 50
 * now ({@code /all/...}: the ministry-wide one), anything else is 404. The application sees the request exactly as
 * if it were deployed at {@code /api/v1/ext/50} (its base URI, paths and problem answers name the public address);
 * the internal bases of the applications cannot be reached from outside at all.
 */
final class ExtensionRouter extends GenericServlet {

    private static final long serialVersionUID = 1L;
    private final transient ProvinceRoutes<ProvinceGeneration> routes;

    ExtensionRouter(ProvinceRoutes<ProvinceGeneration> routes) {
        this.routes = routes;
    }

    @Override
    public void service(ServletRequest req, ServletResponse res) throws ServletException, IOException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        PublicPath path = PublicPath.parse(request.getPathInfo());
        if (path != null && !path.isOf(request.getRequestURI(), request.getContextPath())) {
            path = null; // the province written in an encoded form: the application could not tell its base
        }
        ProvinceGeneration generation = path == null ? null : routes.enter(path.province());
        if (generation == null) {
            notFound(request, response);
            return;
        }
        try {
            generation.serve(new AtProvince(request, path), response);
        } finally {
            routes.exit(generation);
        }
    }

    /** {@code /50/summary} within {@code /api/v1/ext}: province 50, its application's path {@code /summary}. */
    record PublicPath(String province, String segment, String rest) {

        static PublicPath parse(String within) {
            if (within == null || !within.startsWith("/")) {
                return null;
            }
            int end = within.indexOf('/', 1);
            String segment = end < 0 ? within.substring(1) : within.substring(1, end);
            String province = "all".equals(segment) ? ExtensionJar.EVERY_PROVINCE
                    : segment.matches("[0-9]{2}") ? segment : null;
            return province == null ? null : new PublicPath(province, segment, end < 0 ? "" : within.substring(end));
        }

        /** Whether the request's own URI starts with this base, as the application will compute it. */
        boolean isOf(String requestUri, String contextPath) {
            String base = contextPath + "/" + segment;
            return requestUri.startsWith(base) && (requestUri.length() == base.length()
                    || requestUri.charAt(base.length()) == '/');
        }
    }

    /**
     * The request as the province's application would see it at its own servlet context: servlet path
     * {@code /50} (with the context path {@code /api/v1/ext}, the application's base) and the rest as path info.
     */
    static final class AtProvince extends HttpServletRequestWrapper {
        private final PublicPath path;

        AtProvince(HttpServletRequest request, PublicPath path) {
            super(request);
            this.path = path;
        }

        @Override
        public String getServletPath() {
            return "/" + path.segment();
        }

        @Override
        public String getPathInfo() {
            return path.rest().isEmpty() ? null : path.rest();
        }

        @Override
        public String getPathTranslated() {
            return null;
        }
    }

    /** The platform's problem answer for an address where nothing is (as the core API's mapper writes it). */
    static void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean thai = prefersThai(request);
        response.setStatus(404);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", thai ? "th" : "en");
        String body = "{\"type\":\"urn:apom:problem:not-found\",\"title\":" + json(thai ? "ไม่พบข้อมูล" : "Not Found")
                + ",\"status\":404,\"detail\":" + json(thai ? "ไม่พบข้อมูลที่ที่อยู่นี้" : "There is nothing at this address.")
                + ",\"instance\":" + json(request.getRequestURI()) + ",\"errors\":[]}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean prefersThai(HttpServletRequest request) {
        for (Locale locale : Collections.list(request.getLocales())) {
            if ("th".equals(locale.getLanguage())) {
                return true;
            }
            if ("en".equals(locale.getLanguage())) {
                return false;
            }
        }
        return false;
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
