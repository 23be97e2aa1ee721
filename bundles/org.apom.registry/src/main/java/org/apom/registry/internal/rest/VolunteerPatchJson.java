package org.apom.registry.internal.rest;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code PATCH /volunteers/{id}} accepts, for the OpenAPI document only: the resource reads the merge patch as
 * a map, to tell a field set to null (cleared) from one left out (kept). Every field is text; status has its own
 * resource. The register's own list of editable fields is checked against this one by a unit test.
 */
@Schema(name = "VolunteerPatch", description = "A JSON merge patch of a volunteer: a field left out is kept, null "
        + "clears an optional one; the record is checked again as on registration",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
record VolunteerPatchJson(@Schema(nullable = true) String nationalId, @Schema(nullable = true) String title,
        @Schema(nullable = true) String firstName, @Schema(nullable = true) String lastName,
        @Schema(nullable = true) String firstNameEn, @Schema(nullable = true) String lastNameEn,
        @Schema(nullable = true) String birthDate, @Schema(nullable = true) String gender,
        @Schema(nullable = true) String phone, @Schema(nullable = true) String subdistrictCode,
        @Schema(nullable = true) String address) {
}
