package org.apom.registry.api;

import org.apom.core.api.LocalizedText;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One thing wrong with one row of an imported file.
 *
 * @param line the physical line of the file on which the row starts (the header is line 1)
 * @param field the column, or {@code null} for the row as a whole
 * @param code a stable code ({@code duplicate}, {@code required}, {@code checksum}, ...)
 */
public record RowError(int line, @Schema(nullable = true, description = "null for the row as a whole") String field,
        String code, LocalizedText message) {
}
