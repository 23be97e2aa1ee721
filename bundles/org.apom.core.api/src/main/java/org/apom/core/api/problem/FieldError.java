package org.apom.core.api.problem;

import java.util.Objects;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;

/** One invalid field: its name, a stable code, and what is wrong in English and Thai. */
public record FieldError(String field, String code, LocalizedText message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static FieldError of(String field, InvalidValueException e) {
        return new FieldError(field, e.code(), e.text());
    }
}
