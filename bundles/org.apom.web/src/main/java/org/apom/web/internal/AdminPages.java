package org.apom.web.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.problem.ProblemException;
import org.apom.security.api.AuditEntry;
import org.apom.security.api.AuditQuery;
import org.apom.security.api.AuditSealing;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.AuditVerification;
import org.apom.security.api.NewUser;
import org.apom.security.api.Role;
import org.apom.security.api.UserChange;
import org.apom.security.api.UserDirectory;
import org.apom.security.api.UserView;

/**
 * Central IT's pages: the accounts (create one; disable, enable or unlock one, at the version read) and the audit
 * trail with the verification of its hash chain. The services check every role and province themselves.
 */
final class AdminPages {

    static final int PAGE_SIZE = 50;
    private static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Set<String> DONE = Set.of("created", "disable", "enable", "unlock", "role");

    private final UserDirectory users;
    private final AuditTrail audit;

    AdminPages(UserDirectory users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    void users(Visit visit) throws IOException {
        users(visit, 200, null, List.of(), Map.of());
    }

    /** A new account; a refusal (a taken name, a weak password, a role the caller may not grant) keeps the form. */
    void create(Visit visit) throws IOException {
        String role = visit.param("role");
        NewUser user = new NewUser(visit.param("username"), visit.request().getParameter("password"),
                role == null ? List.of() : List.of(role), visit.param("province"));
        try {
            users.create(visit.caller(), user);
        } catch (ProblemException e) {
            if (e.status() != 409 && e.status() != 422 && e.status() != 403) {
                throw e;
            }
            Map<String, String> typed = new HashMap<>();
            typed.put("username", user.username() == null ? "" : user.username());
            typed.put("role", role == null ? "" : role);
            typed.put("province", user.province() == null ? "" : user.province());
            users(visit, e.status(), e.detail().in(visit.language().locale()), e.errors().stream()
                    .map(f -> f.field() + ": " + f.message().in(visit.language().locale())).toList(), typed);
            return;
        }
        visit.redirect("/admin/users?done=created");
    }

    /** Disables, enables or unlocks an account, if nobody changed it since the list was read. */
    void change(Visit visit, String username) throws IOException {
        String action = visit.param("action");
        UserChange change = switch (action == null ? "" : action) {
            case "disable" -> new UserChange(null, null, null, false, null);
            case "enable" -> new UserChange(null, null, null, true, null);
            case "unlock" -> new UserChange(null, null, null, null, false);
            case "role" -> {
                String role = visit.param("role");
                if (role == null) {
                    throw ProblemException.badRequest("unknown-action", visit.localized("admin.badAction"));
                }
                yield new UserChange(null, List.of(role), null, null, null);
            }
            default -> throw ProblemException.badRequest("unknown-action", visit.localized("admin.badAction"));
        };
        long version = visit.version("version");
        try {
            users.update(visit.caller(), username, change, version);
        } catch (ProblemException e) {
            if (e.status() != 412 && e.status() != 409 && e.status() != 422 && e.status() != 403) {
                throw e;
            }
            users(visit, e.status() == 412 ? 409 : e.status(), e.status() == 412 ? visit.text("admin.changedSince")
                    : e.detail().in(visit.language().locale()), List.of(), Map.of());
            return;
        }
        visit.redirect("/admin/users?done=" + action);
    }

    void audit(Visit visit) throws IOException {
        audit(visit, null);
    }

    /** Walks the whole chain, as the API's verification does, and shows what it found beside the entries. */
    void verify(Visit visit) throws IOException {
        audit(visit, audit.verify(visit.caller()));
    }

    private void users(Visit visit, int status, String problem, List<String> errors, Map<String, String> typed)
            throws IOException {
        Page<UserView> page = users.list(visit.caller(), ProblemException.parameter("after", visit.param("after"),
                after -> PageRequest.of(PAGE_SIZE, after)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (UserView u : page.items()) {
            Map<String, Object> row = new HashMap<>();
            row.put("username", u.username());
            row.put("roles", u.roles().stream().map(Role::id).sorted().toList());
            row.put("province", u.province() == null ? "" : u.province().value());
            row.put("enabled", u.enabled());
            row.put("locked", u.locked());
            row.put("lastLogin", time(visit, u.lastLoginAt()));
            row.put("version", u.version());
            rows.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("next", page.nextCursor() == null ? "" : page.nextCursor());
        model.put("roleIds", Arrays.stream(Role.values()).map(Role::id).toList());
        model.put("problem", problem == null ? "" : problem);
        model.put("errors", errors);
        model.put("typed", typed);
        String done = visit.param("done");
        model.put("done", status == 200 && done != null && DONE.contains(done) ? visit.text("admin.done." + done)
                : "");
        visit.render(status, "admin-users", model);
    }

    private void audit(Visit visit, AuditVerification verification) throws IOException {
        AuditQuery query = new AuditQuery(visit.param("entity"), visit.param("id"), visit.param("actor"), null, null);
        Page<AuditEntry> page = audit.query(visit.caller(), query, ProblemException.parameter("after",
                visit.param("after"), after -> PageRequest.of(PAGE_SIZE, after)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AuditEntry e : page.items()) {
            Map<String, Object> row = new HashMap<>();
            row.put("seq", e.seq());
            row.put("at", time(visit, e.at()));
            row.put("actor", e.actor());
            row.put("action", e.action());
            row.put("entity", e.entity() + (e.entityId() == null ? "" : " " + e.entityId()));
            row.put("province", e.entityProvince() == null ? "" : e.entityProvince());
            row.put("changes", VolunteerHistoryPage.changes(visit, e.before(), e.after()));
            rows.add(row);
        }
        AuditSealing sealing = audit.sealing(visit.caller());
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("next", page.nextCursor() == null ? "" : page.nextCursor());
        model.put("entity", text(query.entity()));
        model.put("entityId", text(query.entityId()));
        model.put("actor", text(query.actor()));
        model.put("waiting", sealing.waiting());
        model.put("lastSealed", time(visit, sealing.lastSealedAt()));
        model.put("sealingFailure", text(sealing.lastFailure()));
        model.put("verified", verification != null);
        if (verification != null) {
            model.put("intact", verification.intact());
            model.put("checked", visit.formats().count(verification.entries()));
            model.put("brokenAt", verification.brokenAt() == null ? "" : verification.brokenAt().toString());
            model.put("reason", text(verification.reason()));
        }
        visit.render(200, "admin-audit", model);
    }

    private static String time(Visit visit, Instant at) {
        if (at == null) {
            return "";
        }
        return visit.formats().date(at.atZone(THAILAND).toLocalDate()) + " " + visit.formats().digits(TIME.format(
                at.atZone(THAILAND)));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
