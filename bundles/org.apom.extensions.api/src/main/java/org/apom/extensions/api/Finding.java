package org.apom.extensions.api;

import java.util.Objects;

import org.apom.core.api.LocalizedText;

/**
 * One thing a {@link RecordCheck} found wrong with a record.
 *
 * @param field the record's field it concerns ({@code phone}), or {@code null} for the record as a whole
 * @param message what is wrong and how to put it right, in English and Thai
 */
public record Finding(String field, LocalizedText message) {

    public Finding {
        Objects.requireNonNull(message, "message");
    }
}
