package org.apom.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apom.security.api.Caller;
import org.apom.security.api.ClientTransport;
import org.apom.security.api.Role;
import org.apom.security.api.WorkspaceSession;

/**
 * One request to the workspace: who asks (when signed in), in which language, and the means to answer with a page.
 */
final class Visit {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Language language;
    private final WorkspaceSession session;
    private final Caller caller;
    private final Texts texts;
    private final Templates templates;
    private final String requestId;

    Visit(HttpServletRequest request, HttpServletResponse response, Language language, WorkspaceSession session,
            Texts texts, Templates templates, String requestId) {
        this.request = request;
        this.response = response;
        this.language = language;
        this.session = session;
        this.caller = session == null ? null : session.caller().inRequest(requestId);
        this.texts = texts;
        this.templates = templates;
        this.requestId = requestId;
    }

    HttpServletRequest request() {
        return request;
    }

    HttpServletResponse response() {
        return response;
    }

    Language language() {
        return language;
    }

    /** The signed-in person, in this request (its id goes to the audit trail). */
    Caller caller() {
        return caller;
    }

    WorkspaceSession session() {
        return session;
    }

    String requestId() {
        return requestId;
    }

    Formats formats() {
        return new Formats(language);
    }

    org.apom.core.api.LocalizedText localized(String key) {
        return texts.localized(key);
    }

    String text(String key) {
        return texts.get(language, key);
    }

    /** A query or form parameter, stripped; {@code null} when absent or blank. */
    String param(String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }

    /**
     * How the request came. A header sent more than once is read whole, every line joined as the API reads it: a
     * proxy appends its own X-Forwarded-For line after the client's, and only the last hop is believed.
     */
    ClientTransport transport() {
        return new ClientTransport(request.getRemoteAddr(), request.getScheme(), header("X-Forwarded-For"),
                header("X-Forwarded-Proto"));
    }

    private String header(String name) {
        java.util.Enumeration<String> lines = request.getHeaders(name);
        if (lines == null || !lines.hasMoreElements()) {
            return null;
        }
        return String.join(",", java.util.Collections.list(lines));
    }

    /** Answers the page, with what every page shows (the words, who is signed in, the CSRF token). */
    void render(int status, String template, Map<String, Object> model) throws IOException {
        Map<String, Object> all = new HashMap<>(model);
        all.put("t", texts.in(language));
        all.put("lang", language.tag());
        all.put("path", request.getRequestURI());
        all.put("requestId", requestId);
        if (session != null) {
            all.put("user", caller.name());
            all.put("roles", caller.roles().stream().map(Role::id).sorted().toList());
            all.put("userProvince", caller.province() == null ? "" : caller.province().value());
            all.put("csrf", session.csrfToken());
        }
        byte[] page = templates.render(template, all).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    /** Sends the browser on, after a form (303: the next request is a GET, and a reload posts nothing twice). */
    void redirect(String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", path);
    }
}
