package org.apom.core.api.problem;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.PageRequest;

/** The parts of a request every resource reads the same way, refused the same way (400 naming the part). */
public final class Requests {

    private Requests() {
    }

    /** A JSON body is required: {@code null} (no body, or {@code null}) is a 400 {@code body-required}. */
    public static <T> T body(T body) {
        if (body == null) {
            throw ProblemException.badRequest("body-required", LocalizedText.of(
                    "This request needs a JSON body.", "คำขอนี้ต้องมีข้อมูล JSON"));
        }
        return body;
    }

    /** The {@code limit} and {@code cursor} query parameters; a bad one is a 400 naming it. */
    public static PageRequest page(String limit, String cursor) {
        try {
            return PageRequest.parse(limit, cursor);
        } catch (InvalidValueException e) {
            throw ProblemException.badParameter("cursor".equals(e.code()) ? "cursor" : "limit", e);
        }
    }
}
