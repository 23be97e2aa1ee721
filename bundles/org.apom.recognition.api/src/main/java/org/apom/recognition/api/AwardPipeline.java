package org.apom.recognition.api;

import java.util.Map;

import org.apom.core.api.ProvinceCode;

/**
 * One province's nominations for one award in a fiscal year, at a glance.
 *
 * @param byStatus how many nominations are in each state (every state named, 0 included)
 * @param quota how many the province may submit, {@code null} when unlimited
 * @param quotaUsed how many hold a place in the quota: submitted and not rejected or withdrawn
 */
public record AwardPipeline(ProvinceCode province, String awardCode, Map<NominationStatus, Integer> byStatus,
        Integer quota, int quotaUsed) {

    public AwardPipeline {
        byStatus = Map.copyOf(byStatus);
    }
}
