package org.apom.registry.internal;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apom.registry.api.Change;
import org.apom.registry.api.ChangeSource;
import org.apom.security.api.Action;
import org.apom.security.api.AuditEntry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the register's audit entries as changes of volunteer records. Every write of a record is audited in the
 * write's own transaction (docs/architecture.md), so the sealed chain holds every change exactly once, in one
 * order that every node sees.
 */
final class VolunteerChanges implements ChangeSource {

    static final String ENTITY = "volunteer";
    /** Entered under the province a record left when a change of its subdistrict moved it to another one. */
    static final String MOVED_OUT = "volunteer.moved-out";
    /** The kind of change each audited action is; the transfer's approval is the record leaving its province. */
    private static final Map<String, String> KINDS = Map.of(
            "volunteer.create", "created",
            "volunteer.import", "created",
            "volunteer.update", "moved",
            "volunteer.verify", "updated",
            "volunteer.merge", "updated",
            "volunteer.status", "status",
            "volunteer.merged-into", "merged",
            "volunteer.transfer", "moved",
            "volunteer.transfer-approve", "left",
            MOVED_OUT, "left");
    static final Set<String> ACTIONS = KINDS.keySet();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String type() {
        return ENTITY;
    }

    @Override
    public Action readAction() {
        return Action.VOLUNTEERS_READ;
    }

    @Override
    public Set<String> actions() {
        return ACTIONS;
    }

    @Override
    public Change change(AuditEntry entry, Predicate<String> inView) {
        return of(entry, inView);
    }

    /**
     * The change an entry is for a reader whose view covers the provinces {@code inView} accepts, or {@code null}
     * when it is none for that reader.
     */
    static Change of(AuditEntry e, Predicate<String> inView) {
        String kind = KINDS.get(e.action());
        if (kind == null) {
            return null;
        }
        JsonNode after = tree(e.after());
        return switch (kind) {
            // entered under the province a record left (an approved transfer, a changed subdistrict): gone for a
            // reader who cannot follow it to where it went, and nothing for one who can
            case "left" -> left(e, after, inView);
            // a province may meet the record for the first time (a transfer, a changed subdistrict); a reader who
            // saw it where it was before sees a change
            case "moved" -> change(e, e.entityId(),
                    e.before() == null || inView.test(provinceOf(tree(e.before()))) ? "updated" : "created",
                    version(after), e.entityProvince());
            default -> change(e, e.entityId(), kind, version(after), e.entityProvince());
        };
    }

    private static Change left(AuditEntry e, JsonNode after, Predicate<String> inView) {
        boolean transfer = e.action().equals("volunteer.transfer-approve");
        if (transfer && !"APPROVED".equals(after.path("status").asText()) || inView.test(after.path("toProvince")
                .asText())) {
            return null;
        }
        return change(e, transfer ? after.path("volunteerId").asText() : e.entityId(), "deleted", null,
                e.entityProvince());
    }

    private static Change change(AuditEntry e, String id, String kind, Long version, String province) {
        return new Change(e.seq(), ENTITY, id, kind, version, e.at(), province);
    }

    private static Long version(JsonNode state) {
        JsonNode version = state.path("version");
        return version.isIntegralNumber() ? version.asLong() : null;
    }

    private static String provinceOf(JsonNode state) {
        String subdistrict = state.path("subdistrictCode").asText("");
        return subdistrict.length() >= 2 ? subdistrict.substring(0, 2) : "";
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit entry that is not JSON", e);
        }
    }
}
