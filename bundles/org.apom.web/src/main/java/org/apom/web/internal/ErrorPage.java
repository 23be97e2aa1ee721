package org.apom.web.internal;

import java.io.IOException;

import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;

/** A refusal or a failure as a page: its status, what went wrong in the visitor's language, and the request's id. */
final class ErrorPage {

    private ErrorPage() {
    }

    static void render(Visit visit, ProblemException problem) throws IOException {
        if (visit.response().isCommitted()) {
            return;
        }
        if (problem.retryAfterSeconds() != null) {
            visit.response().setHeader("Retry-After", Long.toString(problem.retryAfterSeconds()));
        }
        visit.response().resetBuffer();
        visit.render(problem.status(), "error", WorkspaceServlet.model(
                "status", problem.status(),
                "code", problem.code(),
                "detail", problem.detail().in(visit.language().locale()),
                "errors", problem.errors().stream().map(e -> fieldError(visit, e)).toList()));
    }

    private static String fieldError(Visit visit, FieldError error) {
        return error.field() + ": " + error.message().in(visit.language().locale());
    }
}
