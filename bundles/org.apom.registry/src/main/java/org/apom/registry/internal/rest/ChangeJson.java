package org.apom.registry.internal.rest;

import java.time.Instant;

import org.apom.core.api.PageRequest;
import org.apom.registry.api.Change;

import io.swagger.v3.oas.annotations.media.Schema;

/** One change of the feed: which record, what happened, its version after; never the record's data. */
public record ChangeJson(
        @Schema(description = "this change's position: pass it as after= to read what came after it") String cursor,
        @Schema(description = "the kind of record: volunteer, network, activity, tier-run, tier-override; "
                + "expect more as parts of the platform join the feed") String entity, String id,
        @Schema(allowableValues = {"created", "updated", "status", "merged", "deleted"},
                description = "deleted: the record left the provinces this feed covers (a transfer)") String kind,
        @Schema(nullable = true, description = "the record's version (its ETag) after the change; null when deleted")
        Long version,
        Instant at,
        @Schema(nullable = true, description = "the record's province after the change; for deleted, the one it left; "
                + "null for a national network") String province) {

    static ChangeJson of(Change c) {
        return new ChangeJson(PageRequest.encode(Long.toString(c.position())), c.entity(), c.id(), c.kind(), c.version(),
                c.at(), c.province());
    }
}
