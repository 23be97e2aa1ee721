package org.apom.registry.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apom.registry.api.CheckRun;
import org.apom.registry.api.RecordFinding;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A run of a province's own check as the API shows it: {@link CheckRun}, with its reason as a plain object, which
 * the OpenAPI document can mark nullable (swagger-core drops {@code nullable} beside a reference, docs/stack.md).
 */
@Schema(name = "CheckRun")
public record CheckRunJson(String code, String source, String version, CheckRun.Outcome outcome,
        @Schema(nullable = true, description = "why the run did not finish, in en and th; null when DONE")
        Map<String, String> reason,
        long recordsChecked, long findingCount, List<RecordFinding> findings) {

    static CheckRunJson of(CheckRun run) {
        Map<String, String> reason = null;
        if (run.reason() != null) {
            reason = new LinkedHashMap<>();
            reason.put("en", run.reason().en());
            reason.put("th", run.reason().th());
        }
        return new CheckRunJson(run.code(), run.source(), run.version(), run.outcome(), reason, run.recordsChecked(),
                run.findingCount(), run.findings());
    }
}
