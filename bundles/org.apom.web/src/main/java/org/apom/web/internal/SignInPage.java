package org.apom.web.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.apom.core.api.problem.ProblemException;
import org.apom.security.api.WorkspaceSession;
import org.apom.security.api.WorkspaceSessions;

/** Signing in and out, and the language switch. */
final class SignInPage {

    /** Where a sign-in may send the browser on: a path of this site, never another site ("//host", "/\host"). */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/?=&%._~-]*");

    private final WorkspaceSessions sessions;

    SignInPage(WorkspaceSessions sessions) {
        this.sessions = sessions;
    }

    void form(Visit visit, ProblemException refused) throws IOException {
        String token = Cookies.read(visit.request(), Cookies.SIGN_IN, visit.secure());
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            token = Secrets.random();
            Cookies.setPrivate(visit.response(), Cookies.SIGN_IN, token, visit.secure());
        }
        if (refused != null && refused.retryAfterSeconds() != null) {
            visit.response().setHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
        }
        visit.render(refused == null ? 200 : refused.status(), "sign-in", WorkspaceServlet.model(
                "signInToken", token,
                "next", next(visit),
                "username", visit.param("username") == null ? "" : visit.param("username"),
                "refusal", refused == null ? "" : refused.detail().in(visit.language().locale())));
    }

    void submit(Visit visit) throws IOException {
        String expected = Cookies.read(visit.request(), Cookies.SIGN_IN, visit.secure());
        if (expected == null || !WorkspaceServlet.sameToken(expected, visit.request().getParameter("_csrf"))) {
            // an old tab, or a form another site posted: a fresh form, never a sign-in
            form(visit, new ProblemException(403, "csrf", visit.localized("error.csrf"), List.of()));
            return;
        }
        String query = visit.request().getQueryString();
        if (query != null && query.contains("password")) {
            // a password in the address lands in logs and histories: only the form's body carries it
            form(visit, new ProblemException(400, "password-in-address", visit.localized("signIn.passwordInAddress"),
                    List.of()));
            return;
        }
        String username = visit.param("username");
        String password = visit.request().getParameter("password");
        if (username == null || password == null || password.isEmpty()) {
            form(visit, new ProblemException(400, "credentials-required", visit.localized("signIn.required"), List.of()));
            return;
        }
        char[] secret = password.toCharArray();
        WorkspaceSession session;
        try {
            session = sessions.signIn(username, secret, visit.transport());
        } catch (ProblemException refused) {
            form(visit, refused);
            return;
        } finally {
            Arrays.fill(secret, '\0');
        }
        // a session this browser had before ends: one browser, one session
        sessions.signOut(Cookies.read(visit.request(), Cookies.SESSION, visit.secure()));
        Cookies.clear(visit.response(), Cookies.SIGN_IN, visit.secure());
        Cookies.setPrivate(visit.response(), Cookies.SESSION, session.id(), visit.secure());
        visit.redirect(next(visit));
    }

    void signOut(Visit visit) {
        sessions.signOut(visit.session().id());
        Cookies.clear(visit.response(), Cookies.SESSION, visit.secure());
        visit.redirect("/sign-in");
    }

    void language(Visit visit) {
        Language chosen = Language.of(visit.param("lang"));
        Cookies.setPreference(visit.response(), Language.COOKIE, chosen.tag(), visit.secure());
        back(visit);
    }

    /** Thai digits (๐-๙) for dates and figures, or Arabic ones, kept by the browser like the language. */
    void digits(Visit visit) {
        Cookies.setPreference(visit.response(), Formats.DIGITS_COOKIE, "thai".equals(visit.param("digits")) ? "thai"
                : "arabic", visit.secure());
        back(visit);
    }

    /** Back to the page the switch was on (a path of this site only). */
    private static void back(Visit visit) {
        String back = visit.param("back");
        visit.redirect(back != null && LOCAL_PATH.matcher(back).matches() ? back : "/");
    }

    private static String next(Visit visit) {
        String next = visit.param("next");
        return next != null && LOCAL_PATH.matcher(next).matches() && !next.startsWith("/sign-") ? next : "/";
    }
}
