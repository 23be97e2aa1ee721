package org.apom.security.api;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;

/**
 * The permission table: for each action and role, how far the permission reaches. It is the one table the
 * code follows; docs/security.md shows the same table (a unit test keeps them equal).
 * <ul>
 * <li>{@code all}: every province; {@code own}: the caller's province only; {@code -}: not allowed;</li>
 * <li>{@code scope} (integrators): only with a token that carries the action's scope, and then limited to
 * the token's province if it has one;</li>
 * <li>{@code national} (integrators): only with a token that carries the action's scope and has no province,
 * for actions on the platform as a whole rather than on a province's data (a province's token cannot carry
 * such a scope).</li>
 * </ul>
 */
public final class AccessPolicy {

    /** The table, in the Markdown of docs/security.md. A new action or role must be added here. */
    public static final String TABLE = """
            | action | central-admin | province-admin | province-officer | auditor | integrator |
            |---|---|---|---|---|---|
            | areas:read | all | all | all | all | all |
            | users:read | all | own | - | - | - |
            | users:write | all | own | - | - | - |
            | tokens:manage | all | own | - | - | - |
            | audit:read | all | - | - | all | - |
            | volunteers:read | all | own | own | - | scope |
            | volunteers:write | all | own | own | - | scope |
            | personal-data:read | all | own | own | - | scope |
            | networks:read | all | own | own | - | scope |
            | networks:write | all | own | own | - | scope |
            | activity-kinds:manage | all | - | - | - | - |
            | tiering:read | all | own | own | - | scope |
            | tiering:run | all | own | - | - | - |
            | tiering:override | all | - | - | - | - |
            | recognition:read | all | own | own | - | scope |
            | nominations:draft | all | own | own | - | - |
            | nominations:endorse | all | own | - | - | - |
            | nominations:decide | all | - | - | - | - |
            | extensions:manage | all | own | - | - | - |
            | metrics:read | all | - | - | - | national |
            | webhooks:manage | all | own | - | - | scope |
            """;

    private static final Map<Action, Map<Role, String>> CELLS = parse(TABLE);

    private AccessPolicy() {
    }

    /** How far the caller's permission for the action reaches, over all of the caller's roles. */
    public static Reach reach(Caller caller, Action action) {
        Reach best = Reach.NONE;
        for (Role role : caller.roles()) {
            Reach reach = reach(caller, role, action);
            if (reach.compareTo(best) > 0) {
                best = reach;
            }
        }
        return best;
    }

    /**
     * Whether the caller may do the action on data of the province ({@code null}: national data, of no province,
     * which only a caller with {@link Reach#ALL} may touch: a national account or token is nobody's "own").
     */
    public static boolean allows(Caller caller, Action action, ProvinceCode province) {
        Reach reach = reach(caller, action);
        return reach == Reach.ALL || reach == Reach.OWN && province != null && province.equals(caller.province());
    }

    /**
     * Checks an action on one record. A record of another province is answered as not found, so a guessed id
     * reveals nothing; an action the caller may not do at all is forbidden.
     *
     * @throws ProblemException 403 {@code forbidden} or 404 {@code not-found}
     */
    public static void require(Caller caller, Action action, ProvinceCode province) {
        Reach reach = reach(caller, action);
        if (reach == Reach.NONE) {
            throw forbidden(action);
        }
        if (!allows(caller, action, province)) {
            throw ProblemException.notFound("not-found", LocalizedText.of(
                    "There is no such record.", "ไม่พบข้อมูลที่ระบุ"));
        }
    }

    /** Checks that the caller may do the action at all (in some province); for lists and creation. */
    public static Reach requireAny(Caller caller, Action action) {
        Reach reach = reach(caller, action);
        if (reach == Reach.NONE) {
            throw forbidden(action);
        }
        return reach;
    }

    public static ProblemException forbidden(Action action) {
        return new ProblemException(403, "forbidden", LocalizedText.of(
                "Your role does not allow " + action.id() + ".",
                "บทบาทของคุณไม่มีสิทธิ์ " + action.id()), List.of());
    }

    /**
     * The scopes an integrator token may carry: the actions whose integrator cell is {@code scope} or
     * {@code national}.
     */
    public static Set<String> integratorScopes() {
        Set<String> scopes = integratorScopes("scope");
        scopes.addAll(nationalScopes());
        return scopes;
    }

    /**
     * The scopes only a token without a province may carry: the actions whose integrator cell is
     * {@code national}.
     *
     * @since 1.2
     */
    public static Set<String> nationalScopes() {
        return integratorScopes("national");
    }

    private static Set<String> integratorScopes(String cell) {
        Set<String> scopes = new TreeSet<>();
        CELLS.forEach((action, byRole) -> {
            if (cell.equals(byRole.get(Role.INTEGRATOR))) {
                scopes.add(action.id());
            }
        });
        return scopes;
    }

    private static Reach reach(Caller caller, Role role, Action action) {
        String cell = CELLS.get(action).get(role);
        switch (cell) {
            case "all":
                return Reach.ALL;
            case "own":
                return caller.province() == null ? Reach.NONE : Reach.OWN;
            case "scope":
                if (!caller.scopes().contains(action.id())) {
                    return Reach.NONE;
                }
                return caller.province() == null ? Reach.ALL : Reach.OWN;
            case "national":
                return caller.scopes().contains(action.id()) && caller.province() == null ? Reach.ALL : Reach.NONE;
            default:
                return Reach.NONE;
        }
    }

    static Map<Action, Map<Role, String>> parse(String table) {
        List<String[]> rows = table.lines().map(String::strip).filter(l -> l.startsWith("|"))
                .map(l -> l.substring(1, l.length() - 1).split("\\|")).toList();
        String[] header = rows.get(0);
        Map<Action, Map<Role, String>> cells = new EnumMap<>(Action.class);
        for (String[] row : rows.subList(2, rows.size())) {
            Action action = actionOf(row[0].strip());
            Map<Role, String> byRole = new EnumMap<>(Role.class);
            for (int i = 1; i < header.length; i++) {
                byRole.put(Role.fromId(header[i].strip()), row[i].strip());
            }
            cells.put(action, Map.copyOf(byRole));
        }
        for (Action action : Action.values()) {
            if (!cells.containsKey(action) || cells.get(action).size() != Role.values().length) {
                throw new IllegalStateException("the permission table does not cover " + action.id());
            }
        }
        // immutable: code in the same JVM (an extension) that reaches the map cannot grant itself a cell
        return Map.copyOf(cells);
    }

    private static Action actionOf(String id) {
        for (Action a : Action.values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        throw new IllegalStateException("the permission table names an unknown action " + id);
    }
}
