package org.apom.registry.api;

import org.apom.core.api.LocalizedText;

/**
 * One thing a contributed check found wrong with one record.
 *
 * @param field the record's field it concerns, or {@code null} for the record as a whole
 */
public record RecordFinding(String volunteerId, String code, String field, LocalizedText message) {
}
