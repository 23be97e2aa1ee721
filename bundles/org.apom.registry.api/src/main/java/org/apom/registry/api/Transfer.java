package org.apom.registry.api;

import java.time.Instant;

import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;

/**
 * A request to move a volunteer's record to another province, as the caller may see it: the sending province
 * ({@code fromProvince}) and the record ({@code volunteerId}) are {@code null} for a caller who may not read the
 * sending province's records until the request is approved.
 *
 * @param subdistrictCode the subdistrict in the receiving province the record moves to
 */
public record Transfer(String id, String volunteerId, ProvinceCode fromProvince, ProvinceCode toProvince,
        SubdistrictCode subdistrictCode, String reason, TransferStatus status, String requestedBy,
        Instant requestedAt, String decidedBy, Instant decidedAt, String decisionReason, long version) {
}
