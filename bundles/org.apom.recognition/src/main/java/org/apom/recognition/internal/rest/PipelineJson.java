package org.apom.recognition.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apom.recognition.api.AwardPipeline;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One province's nominations for one award in the year.
 *
 * @param byStatus nominations in each state, every state named
 * @param quota places the province has, {@code null} when unlimited
 * @param quotaUsed places held: submitted and neither rejected nor withdrawn
 */
public record PipelineJson(String province, String awardCode, Map<String, Integer> byStatus,
        @Schema(nullable = true, description = "null: no limit") Integer quota, int quotaUsed) {

    static PipelineJson of(AwardPipeline p) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        p.byStatus().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> byStatus.put(e.getKey().name(), e.getValue()));
        return new PipelineJson(p.province().value(), p.awardCode(), byStatus, p.quota(), p.quotaUsed());
    }
}
