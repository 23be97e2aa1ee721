package org.apom.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apom.core.api.problem.ProblemException;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;
import org.apom.security.api.ClientTransport;
import org.apom.security.api.Reach;
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
    private final boolean secure;

    Visit(HttpServletRequest request, HttpServletResponse response, Language language, WorkspaceSession session,
            Texts texts, Templates templates, String requestId, boolean secure) {
        this.request = request;
        this.response = response;
        this.language = language;
        this.session = session;
        this.caller = session == null ? null : session.caller().inRequest(requestId);
        this.texts = texts;
        this.templates = templates;
        this.requestId = requestId;
        this.secure = secure;
    }

    /** Whether the visit came encrypted, as the API's transport policy judges it: the cookies are Secure then. */
    boolean secure() {
        return secure;
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
        return new Formats(language, thaiDigits());
    }

    /** Whether this browser chose Thai digits for dates and figures. */
    boolean thaiDigits() {
        return "thai".equals(Cookies.read(request, Formats.DIGITS_COOKIE, secure));
    }

    org.apom.core.api.LocalizedText localized(String key) {
        return texts.localized(key);
    }

    String text(String key) {
        return texts.get(language, key);
    }

    /** Every word of the page's language, for a key that may have none (an action the workspace does not name). */
    Map<String, String> texts() {
        return texts.in(language);
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
     * The version a form says it was read at (the field {@code name}): the number, or a 400 when a form without
     * one, or with anything but digits, was sent by hand.
     */
    long version(String name) {
        String version = param(name);
        if (version == null || !version.matches("[0-9]{1,18}")) {
            throw ProblemException.badRequest("bad-version", localized("edit.badVersion"));
        }
        return Long.parseLong(version);
    }

    /**
     * How the request came. A header sent more than once is read whole, every line joined as the API reads it: a
     * proxy appends its own X-Forwarded-For line after the client's, and only the last hop is believed.
     */
    ClientTransport transport() {
        return transport(request);
    }

    static ClientTransport transport(HttpServletRequest request) {
        return new ClientTransport(request.getRemoteAddr(), request.getScheme(), header(request, "X-Forwarded-For"),
                header(request, "X-Forwarded-Proto"));
    }

    private static String header(HttpServletRequest request, String name) {
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
        all.put("thaiDigits", thaiDigits());
        if (session != null) {
            all.put("user", caller.name());
            all.put("roles", caller.roles().stream().map(Role::id).sorted().toList());
            all.put("userProvince", caller.province() == null ? "" : caller.province().value());
            all.put("csrf", session.csrfToken());
            // the menu offers what the roles may open; the services refuse the rest whatever the menu says
            all.put("mayImport", AccessPolicy.reach(caller, Action.VOLUNTEERS_WRITE) != Reach.NONE);
            all.put("mayUsers", AccessPolicy.reach(caller, Action.USERS_READ) != Reach.NONE);
            all.put("mayTokens", AccessPolicy.reach(caller, Action.TOKENS_MANAGE) != Reach.NONE);
            all.put("mayExtensions", AccessPolicy.reach(caller, Action.EXTENSIONS_MANAGE) != Reach.NONE);
            all.put("mayHealth", AccessPolicy.reach(caller, Action.METRICS_READ) == Reach.ALL);
            all.put("mayAudit", AccessPolicy.reach(caller, Action.AUDIT_READ) != Reach.NONE);
        }
        byte[] page = templates.render(template, all).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    /** Answers a file to save (whole, so that a failure before it is an error page, never half a file). */
    void download(String fileName, String contentType, byte[] bytes) throws IOException {
        response.setStatus(200);
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Sends the browser on, after a form (303: the next request is a GET, and a reload posts nothing twice). */
    void redirect(String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", path);
    }
}
