package org.apom.networks.api;

import java.time.Instant;
import java.time.LocalDate;

import org.apom.core.api.ProvinceCode;

/**
 * One network.
 *
 * @param areaCode the subdistrict, district or province code matching the level; {@code null} for a national one
 * @param province the province of the area; {@code null} for a national network (national data: central callers)
 * @param memberCount the members today
 * @param version changes with the network's name or founding date (its ETag)
 * @param currentTier the latest grading of the network; {@code null} until a run has graded it
 */
public record Network(String id, String name, NetworkLevel level, String areaCode, ProvinceCode province,
        LocalDate foundedOn, int memberCount, String createdBy, Instant createdAt, long version,
        CurrentTier currentTier) {
}
