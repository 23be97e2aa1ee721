package org.apom.areas.api;

import java.time.Instant;

/**
 * One loaded edition of the area files, identified by the SHA-256 of their content. Areas that a newer
 * edition no longer lists are retired, not deleted, so records that refer to them keep their meaning.
 */
public record AreaEdition(String checksum, Instant loadedAt, int provinces, int districts, int subdistricts) {
}
