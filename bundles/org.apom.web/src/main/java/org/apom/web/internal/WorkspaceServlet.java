package org.apom.web.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apom.areas.api.AreaDirectory;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.health.ReadinessCheck;
import org.apom.core.api.problem.ProblemException;
import org.apom.core.api.problem.TransientFailures;
import org.apom.extensions.admin.ExtensionAdministration;
import org.apom.networks.api.NetworkActivities;
import org.apom.networks.api.NetworkCommittees;
import org.apom.networks.api.NetworkMembers;
import org.apom.networks.api.Networks;
import org.apom.recognition.api.AwardCatalogue;
import org.apom.recognition.api.Dossiers;
import org.apom.recognition.api.Nominations;
import org.apom.registry.api.VolunteerFiles;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.TokenService;
import org.apom.security.api.UserDirectory;
import org.apom.security.api.WorkspaceSession;
import org.apom.security.api.WorkspaceSessions;
import org.apom.tiering.api.Tiering;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's pages at {@code /}: every address the API ({@code /api/v1}) and the static files ({@code /static})
 * do not take. It finds the signed-in person, refuses an unsafe request without the session's CSRF token or from
 * another site's page, and hands the visit to the page of its route. The pages call the platform's services with the
 * signed-in person's caller, so the roles, province scope, masking and audit are the API's own.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/",
        "osgi.http.whiteboard.servlet.name=apom-workspace",
        // the imports' upload form; a larger body is refused before it is read (ImportPages.MAX_UPLOAD_BYTES)
        "osgi.http.whiteboard.servlet.multipart.enabled:Boolean=true",
        // an upload (personal data) stays in memory and is never written to a temporary file
        "osgi.http.whiteboard.servlet.multipart.fileSizeThreshold:Integer=33685504",
        "osgi.http.whiteboard.servlet.multipart.maxFileSize:Long=33554432",
        "osgi.http.whiteboard.servlet.multipart.maxRequestSize:Long=33685504"})
public final class WorkspaceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceServlet.class);

    /** Scripts, styles, fonts and data only from the platform itself: no CDN, no inline script. */
    static final String CONTENT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** A record's address; its id is the path's first parameter. */
    private static final String RECORD = "/volunteers/([A-Za-z0-9-]{1,64})";
    /** A nomination's address (never "dossier", which is the download's). */
    private static final String NOMINATION = "/nominations/(?!dossier$)([A-Za-z0-9-]{1,64})";
    /** An import's address. */
    private static final String IMPORT = "/imports/([A-Za-z0-9-]{1,64})";
    /** Two records compared as suspected duplicates. */
    private static final String PAIR = "/duplicates/([A-Za-z0-9-]{1,64})/([A-Za-z0-9-]{1,64})";

    private final transient WorkspaceSessions sessions;
    private final transient Texts texts = new Texts();
    private final transient Templates templates = new Templates();
    private final transient List<Route> routes;
    /** The parts that report their readiness, as health reads them; they come and go with their bundles. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile transient List<ReadinessCheck> checks = List.of();
    /** The extension manager, when its bundle runs: every other page serves without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile transient ExtensionAdministration extensionAdministration;

    @Activate
    public WorkspaceServlet(@Reference WorkspaceSessions sessions, @Reference VolunteerRegistry registry,
            @Reference VolunteerFiles files, @Reference Tiering tiering, @Reference AreaDirectory areas,
            @Reference Networks networks, @Reference NetworkMembers members, @Reference NetworkCommittees committees,
            @Reference NetworkActivities activities, @Reference Nominations nominations,
            @Reference AwardCatalogue awards, @Reference Dossiers dossiers, @Reference UserDirectory users,
            @Reference AuditTrail audit, @Reference TokenService tokens) {
        this.sessions = sessions;
        SignInPage signIn = new SignInPage(sessions);
        DashboardPage dashboard = new DashboardPage(registry, files, tiering, areas);
        VolunteerPages volunteers = new VolunteerPages(registry, areas);
        VolunteerEditPage edit = new VolunteerEditPage(registry);
        VolunteerHistoryPage history = new VolunteerHistoryPage(registry);
        DuplicatePages duplicates = new DuplicatePages(registry, areas);
        AdminPages admin = new AdminPages(users, audit);
        ImportPages imports = new ImportPages(files, areas);
        TokenPages tokenPages = new TokenPages(tokens);
        ExtensionPages extensionPages = new ExtensionPages(() -> extensionAdministration);
        HealthPage health = new HealthPage(() -> checks, files);
        NominationPages nominationPages = new NominationPages(nominations, awards, dossiers, registry);
        NominationDraftPage draft = new NominationDraftPage(nominations, awards, registry);
        NetworkPages networkPages = new NetworkPages(networks, members, committees, activities, tiering, registry,
                areas);
        this.routes = List.of(
                Route.open("GET", "/sign-in", (v, p) -> signIn.form(v, null)),
                Route.open("POST", "/sign-in", (v, p) -> signIn.submit(v)),
                Route.open("POST", "/language", (v, p) -> signIn.language(v)),
                Route.open("POST", "/digits", (v, p) -> signIn.digits(v)),
                Route.page("POST", "/sign-out", (v, p) -> signIn.signOut(v)),
                Route.page("GET", "/", (v, p) -> dashboard.home(v)),
                Route.page("GET", "/provinces/([0-9]{2})", (v, p) -> dashboard.province(v, p.get(0))),
                Route.page("GET", "/volunteers", (v, p) -> volunteers.list(v)),
                Route.page("GET", RECORD, (v, p) -> volunteers.show(v, p.get(0))),
                Route.page("POST", RECORD + "/verify", (v, p) -> volunteers.verify(v, p.get(0))),
                Route.page("POST", RECORD + "/status", (v, p) -> volunteers.changeStatus(v, p.get(0))),
                Route.page("GET", RECORD + "/edit", (v, p) -> edit.form(v, p.get(0))),
                Route.page("POST", RECORD + "/edit", (v, p) -> edit.save(v, p.get(0))),
                Route.page("GET", RECORD + "/history", (v, p) -> history.show(v, p.get(0))),
                Route.page("GET", RECORD + "/nominate", (v, p) -> draft.form(v, p.get(0))),
                Route.page("POST", RECORD + "/nominate", (v, p) -> draft.draft(v, p.get(0))),
                Route.page("GET", "/duplicates", (v, p) -> duplicates.list(v)),
                Route.page("GET", PAIR, (v, p) -> duplicates.compare(v, p.get(0), p.get(1))),
                Route.page("POST", PAIR + "/merge", (v, p) -> duplicates.merge(v, p.get(0), p.get(1))),
                Route.page("POST", PAIR + "/dismiss", (v, p) -> duplicates.dismiss(v, p.get(0), p.get(1))),
                Route.page("GET", "/imports", (v, p) -> imports.list(v)),
                Route.page("POST", "/imports", (v, p) -> imports.upload(v)),
                Route.page("GET", IMPORT, (v, p) -> imports.show(v, p.get(0))),
                Route.page("GET", IMPORT + "/progress", (v, p) -> imports.progress(v, p.get(0))),
                Route.page("GET", IMPORT + "/rejected", (v, p) -> imports.rejected(v, p.get(0))),
                Route.page("GET", "/networks", (v, p) -> networkPages.list(v)),
                Route.page("GET", "/networks/([A-Za-z0-9-]{1,64})", (v, p) -> networkPages.show(v, p.get(0))),
                Route.page("GET", "/nominations", (v, p) -> nominationPages.list(v)),
                Route.page("GET", "/nominations/dossier", (v, p) -> nominationPages.dossier(v)),
                Route.page("GET", NOMINATION, (v, p) -> nominationPages.show(v, p.get(0))),
                Route.page("POST", NOMINATION + "/transition", (v, p) -> nominationPages.transition(v, p.get(0))),
                Route.page("GET", "/admin/users", (v, p) -> admin.users(v)),
                Route.page("POST", "/admin/users", (v, p) -> admin.create(v)),
                Route.page("POST", "/admin/users/([a-z0-9][a-z0-9._-]{2,63})", (v, p) -> admin.change(v, p.get(0))),
                Route.page("GET", "/admin/tokens", (v, p) -> tokenPages.list(v)),
                Route.page("POST", "/admin/tokens", (v, p) -> tokenPages.create(v)),
                Route.page("POST", "/admin/tokens/([A-Za-z0-9-]{1,64})/revoke", (v, p) -> tokenPages.revoke(v,
                        p.get(0))),
                Route.page("GET", "/admin/health", (v, p) -> health.show(v)),
                Route.page("GET", "/admin/extensions", (v, p) -> extensionPages.list(v)),
                Route.page("POST", "/admin/extensions/submissions/([A-Za-z0-9-]{1,64})/decision",
                        (v, p) -> extensionPages.decide(v, p.get(0))),
                Route.page("POST", "/admin/extensions/(" + ExtensionPages.NAME + ")/run",
                        (v, p) -> extensionPages.run(v, p.get(0))),
                Route.page("POST", "/admin/extensions/(" + ExtensionPages.NAME + ")/rollback",
                        (v, p) -> extensionPages.rollback(v, p.get(0))),
                Route.page("GET", "/admin/audit", (v, p) -> admin.audit(v)),
                Route.page("POST", "/admin/audit/verify", (v, p) -> admin.verify(v)));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Security-Policy", CONTENT_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        // pages hold personal data: no copy in any cache, the browser's back button included
        response.setHeader("Cache-Control", "no-store");
        String requestId = UUID.randomUUID().toString();
        response.setHeader("X-Request-Id", requestId);
        boolean secure = sessions.secure(Visit.transport(request));
        Language language = Language.of(Cookies.read(request, Language.COOKIE, secure));
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        Visit anonymous = new Visit(request, response, language, null, texts, templates, requestId, secure);
        try {
            Route route = null;
            List<String> parameters = null;
            java.util.Set<String> allowed = new java.util.TreeSet<>();
            for (Route r : routes) {
                Optional<List<String>> match = r.match(path);
                if (match.isPresent()) {
                    allowed.add(r.method());
                    if ("GET".equals(r.method())) {
                        allowed.add("HEAD");
                    }
                    if (r.method().equals(method) || ("HEAD".equals(method) && "GET".equals(r.method()))) {
                        route = r;
                        parameters = match.get();
                        break;
                    }
                }
            }
            if (route == null && !allowed.isEmpty()) {
                response.setHeader("Allow", String.join(", ", allowed));
            }
            if (route == null) {
                throw !allowed.isEmpty() ? new ProblemException(405, "method-not-allowed", texts.localized("error.method"),
                        List.of()) : new ProblemException(404, "not-found", texts.localized("error.notFound"), List.of());
            }
            boolean unsafe = !"GET".equals(method) && !"HEAD".equals(method);
            if (unsafe) {
                requireSameSite(request);
                if (request.getContentLengthLong() > ImportPages.MAX_UPLOAD_BYTES) {
                    // refused before the token is read, which would parse the body
                    throw new ProblemException(413, "too-large", texts.localized("imports.tooLarge"), List.of());
                }
            }
            if (!route.signedIn()) {
                route.handler().handle(anonymous, parameters);
                return;
            }
            Optional<WorkspaceSession> session = sessions.resume(Cookies.read(request, Cookies.SESSION, secure));
            if (session.isEmpty()) {
                toSignIn(anonymous, path, method);
                return;
            }
            if (unsafe && !sameToken(session.get().csrfToken(), tokenOf(request))) {
                throw new ProblemException(403, "csrf", texts.localized("error.csrf"), List.of());
            }
            route.handler().handle(new Visit(request, response, language, session.get(), texts, templates, requestId,
                    secure), parameters);
        } catch (ProblemException e) {
            ErrorPage.render(anonymousOrSignedIn(anonymous), e);
        } catch (InvalidValueException e) {
            ErrorPage.render(anonymousOrSignedIn(anonymous), new ProblemException(400, e.code(), e.text(), List.of()));
        } catch (RuntimeException e) {
            if (TransientFailures.concurrentChange(e)) {
                // someone else changed the record at the same moment: read it again, as the API's 409 says
                ErrorPage.render(anonymousOrSignedIn(anonymous), new ProblemException(
                        409, "concurrent-change", texts.localized("error.concurrentChange"), List.of()));
                return;
            }
            if (TransientFailures.database(e)) {
                ErrorPage.render(anonymous, new ProblemException(503, "busy", texts.localized("error.busy"), List.of(),
                        (long) TransientFailures.RETRY_AFTER_SECONDS));
                return;
            }
            LOG.error("The workspace failed on {} {} (request {})", method, path, requestId, e);
            ErrorPage.render(anonymous, new ProblemException(500, "internal-error", texts.localized("error.internal"),
                    List.of()));
        }
    }

    /** The error page names the signed-in person when there is one (its menu stays usable). */
    private Visit anonymousOrSignedIn(Visit anonymous) {
        WorkspaceSession session = null;
        try {
            session = sessions.resume(Cookies.read(anonymous.request(), Cookies.SESSION, anonymous.secure()))
                    .orElse(null);
        } catch (RuntimeException e) {
            LOG.debug("no session for the error page of request {}", anonymous.requestId(), e);
        }
        return new Visit(anonymous.request(), anonymous.response(), anonymous.language(), session, texts, templates,
                anonymous.requestId(), anonymous.secure());
    }

    private static void toSignIn(Visit visit, String path, String method) {
        String next = "GET".equals(method) ? path + Optional.ofNullable(visit.request().getQueryString())
                .map(q -> "?" + q).orElse("") : "/";
        String target = "/sign-in?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8);
        if (visit.request().getHeader("HX-Request") != null) {
            // htmx follows this header with a whole page, not a fragment
            visit.response().setHeader("HX-Redirect", target);
            visit.response().setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        visit.redirect(target);
    }

    /**
     * A form posted from another site's page is refused even before its token is read: the browser names the page's
     * origin, which must be this platform's own address.
     */
    private void requireSameSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String host = request.getHeader("Host");
        if (origin == null || "null".equals(origin)) {
            // no origin named (an old browser, or a redirect across origins, which says "null"): only the browser's
            // own word that the page was this site's lets it through
            String site = request.getHeader("Sec-Fetch-Site");
            if (site != null && !"same-origin".equals(site) && !"none".equals(site)) {
                throw new ProblemException(403, "cross-site", texts.localized("error.crossSite"), List.of());
            }
            return;
        }
        String originHost;
        try {
            URI uri = URI.create(origin);
            originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            originHost = null;
        }
        if (originHost == null || host == null || !originHost.equalsIgnoreCase(host.strip())) {
            throw new ProblemException(403, "cross-site", texts.localized("error.crossSite"), List.of());
        }
    }

    /**
     * The form's token. Reading it parses a multipart body, which a body beyond the servlet's limit (one sent in
     * chunks, without a length the check above could see) makes fail: that is a 413, never a 500.
     */
    private String tokenOf(HttpServletRequest request) {
        try {
            return csrfToken(request);
        } catch (IllegalStateException e) {
            throw new ProblemException(413, "too-large", texts.localized("imports.tooLarge"), List.of());
        } catch (RuntimeException e) {
            String type = request.getContentType();
            if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
                throw new ProblemException(400, "bad-form", texts.localized("imports.notMultipart"), List.of());
            }
            throw e;
        }
    }

    static String csrfToken(HttpServletRequest request) {
        String header = request.getHeader("X-CSRF-Token");
        return header != null ? header : request.getParameter("_csrf");
    }

    static boolean sameToken(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    static Map<String, Object> model(Object... pairs) {
        Map<String, Object> model = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            model.put((String) pairs[i], pairs[i + 1]);
        }
        return model;
    }
}
