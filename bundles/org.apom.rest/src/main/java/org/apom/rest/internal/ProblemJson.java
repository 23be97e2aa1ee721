package org.apom.rest.internal;

import java.util.List;

/** The RFC 9457 body of every error answer, with the field errors Apom adds. */
public record ProblemJson(String type, String title, int status, String detail, String instance,
        List<FieldErrorJson> errors) {

    /** One invalid field or parameter. */
    public record FieldErrorJson(String field, String code, String message) {
    }
}
