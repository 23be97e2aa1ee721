package org.apom.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.problem.ProblemException;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.CreatedToken;
import org.apom.security.api.NewToken;
import org.apom.security.api.TokenService;
import org.apom.security.api.TokenView;

/**
 * Integrators' API tokens: the list, a new token (whose secret this page shows once, as the API does, and never
 * again) and revocation. The token service checks the roles, the province and the scopes itself.
 */
final class TokenPages {

    static final int PAGE_SIZE = 50;

    private final TokenService tokens;

    TokenPages(TokenService tokens) {
        this.tokens = tokens;
    }

    void list(Visit visit) throws IOException {
        list(visit, 200, null, List.of(), Map.of(), null);
    }

    /** A new token; a refusal keeps what was typed, a success shows the secret on this answer only. */
    void create(Visit visit) throws IOException {
        String[] scopes = visit.request().getParameterValues("scope");
        NewToken token = new NewToken(visit.param("name"), scopes == null ? List.of() : List.of(scopes),
                visit.param("province"), visit.param("expiresOn"));
        CreatedToken created;
        try {
            created = tokens.create(visit.caller(), token);
        } catch (ProblemException e) {
            if (e.status() != 422 && e.status() != 403 && e.status() != 409) {
                throw e;
            }
            Map<String, Object> typed = new HashMap<>();
            typed.put("name", token.name() == null ? "" : token.name());
            typed.put("province", token.province() == null ? "" : token.province());
            typed.put("expiresOn", token.expiresOn() == null ? "" : token.expiresOn());
            typed.put("scopes", token.scopes());
            list(visit, e.status(), e.detail().in(visit.language().locale()), e.errors().stream()
                    .map(f -> f.field() + ": " + f.message().in(visit.language().locale())).toList(), typed, null);
            return;
        }
        // no redirect: the secret must not travel in a URL, and a reload of this answer cannot create another
        // token without the form's fields, which the browser asks before it posts them again
        list(visit, 201, null, List.of(), Map.of(), created);
    }

    void revoke(Visit visit, String id) throws IOException {
        tokens.revoke(visit.caller(), id);
        visit.redirect("/admin/tokens?done=revoked");
    }

    private void list(Visit visit, int status, String problem, List<String> errors, Map<String, Object> typed,
            CreatedToken created) throws IOException {
        Page<TokenView> page = tokens.list(visit.caller(), ProblemException.parameter("after", visit.param("after"),
                after -> PageRequest.of(PAGE_SIZE, after)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TokenView t : page.items()) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", t.id());
            row.put("name", t.name());
            row.put("scopes", t.scopes().stream().sorted().toList());
            row.put("province", t.province() == null ? "" : t.province().value());
            row.put("expiresOn", visit.formats().date(t.expiresOn()));
            row.put("createdBy", t.createdBy());
            row.put("lastUsed", visit.formats().day(t.lastUsedAt()));
            row.put("revoked", t.revokedAt() != null);
            row.put("revokedOn", visit.formats().day(t.revokedAt()));
            rows.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("next", page.nextCursor() == null ? "" : page.nextCursor());
        model.put("scopeIds", AccessPolicy.integratorScopes().stream().sorted().toList());
        model.put("problem", problem == null ? "" : problem);
        model.put("errors", errors);
        model.put("typed", typed);
        model.put("createdName", created == null ? "" : created.token().name());
        model.put("secret", created == null ? "" : created.secret());
        model.put("done", status == 200 && "revoked".equals(visit.param("done")) ? visit.text("tokens.revoked") : "");
        visit.render(status, "admin-tokens", model);
    }
}
