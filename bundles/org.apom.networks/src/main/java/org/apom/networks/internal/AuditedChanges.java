package org.apom.networks.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apom.registry.api.Change;
import org.apom.registry.api.ChangeSource;
import org.apom.security.api.Action;
import org.apom.security.api.AuditEntry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A kind of this bundle's records in the change feed: every write of them is audited in its own transaction, so the
 * chain already holds each change once, in order, with the record's version in the entry's {@code after}.
 */
abstract class AuditedChanges implements ChangeSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String type;
    private final Map<String, String> kinds;

    AuditedChanges(String type, Map<String, String> kinds) {
        this.type = type;
        this.kinds = Map.copyOf(kinds);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Action readAction() {
        return Action.NETWORKS_READ;
    }

    @Override
    public Set<String> actions() {
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
            return null; // an entry this bundle wrote always parses; the feed allows a change without a version
        }
    }
}
