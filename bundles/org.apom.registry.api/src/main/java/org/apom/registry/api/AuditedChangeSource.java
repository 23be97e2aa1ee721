package org.apom.registry.api;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apom.security.api.Action;
import org.apom.security.api.AuditEntry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A {@link ChangeSource} whose every change is one audit entry of its own type: the entry's record is the change's
 * record, under the entry's province, with the {@code version} its {@code after} state carries (if any). What most
 * kinds of record need; the register's own volunteers need more (transfers) and do not use it.
 *
 * @since 1.4
 */
public abstract class AuditedChangeSource implements ChangeSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String type;
    private final Action readAction;
    private final Map<String, String> kinds;

    /** @param kinds the kind of change ({@code created}, {@code updated}, ...) each audit action is */
    protected AuditedChangeSource(String type, Action readAction, Map<String, String> kinds) {
        this.type = type;
        this.readAction = readAction;
        this.kinds = Map.copyOf(kinds);
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final Action readAction() {
        return readAction;
    }

    @Override
    public final Set<String> actions() {
        return kinds.keySet();
    }

    @Override
    public Change change(AuditEntry e, Predicate<String> inView) {
        String kind = kinds.get(e.action());
        if (kind == null || !inView.test(e.entityProvince())) {
            return null;
        }
        return new Change(e.seq(), type, e.entityId(), kind, version(e.after()), e.at(), e.entityProvince());
    }

    private static Long version(String after) {
        try {
            JsonNode state = after == null ? null : JSON.readTree(after);
            return state != null && state.path("version").canConvertToLong() ? state.path("version").asLong() : null;
        } catch (IOException e) {
            return null; // the platform's entries always parse; a change may go without a version
        }
    }
}
