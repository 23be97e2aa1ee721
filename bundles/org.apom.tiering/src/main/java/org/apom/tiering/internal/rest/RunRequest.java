package org.apom.tiering.internal.rest;

import io.swagger.v3.oas.annotations.media.Schema;

/** What starting a run takes. */
public record RunRequest(@Schema(description = "Buddhist-era fiscal year", example = "2569") Integer fiscalYear,
        @Schema(nullable = true, description = "one province; left out, the whole country (central admins only)")
        String province) {
}
