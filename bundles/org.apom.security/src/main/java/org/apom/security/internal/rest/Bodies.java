package org.apom.security.internal.rest;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.PageRequest;
import org.apom.core.api.problem.ProblemException;

/** The request parts every resource of this bundle reads the same way. */
final class Bodies {

    private Bodies() {
    }

    static <T> T require(T body) {
        if (body == null) {
            throw ProblemException.badRequest("body-required", LocalizedText.of(
                    "This request needs a JSON body.", "คำขอนี้ต้องมีข้อมูล JSON"));
        }
        return body;
    }

    static PageRequest page(String limit, String cursor) {
        try {
            return PageRequest.parse(limit, cursor);
        } catch (InvalidValueException e) {
            throw ProblemException.badParameter("cursor".equals(e.code()) ? "cursor" : "limit", e);
        }
    }
}
