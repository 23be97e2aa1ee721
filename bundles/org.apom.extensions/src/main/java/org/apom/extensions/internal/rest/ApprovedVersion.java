package org.apom.extensions.internal.rest;

import java.util.ArrayList;
import java.util.List;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.FieldError;
import org.apom.core.api.problem.ProblemException;

/**
 * An approved version to install or swap in, instead of a jar: {@code {"symbolicName": ..., "version": "1.1.0"}}
 * (the name comes from the path for a swap).
 */
public record ApprovedVersion(String symbolicName, String version) {

    /** @throws ProblemException 422 naming each missing field */
    ApprovedVersion require(boolean withName) {
        List<FieldError> errors = new ArrayList<>();
        if (withName && (symbolicName == null || symbolicName.isBlank())) {
            errors.add(required("symbolicName"));
        }
        if (version == null || version.isBlank()) {
            errors.add(required("version"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return this;
    }

    private static FieldError required(String field) {
        return new FieldError(field, "required", LocalizedText.of("Name the approved " + field + ".",
                "ระบุ " + field + " ที่ได้รับอนุมัติ"));
    }
}
