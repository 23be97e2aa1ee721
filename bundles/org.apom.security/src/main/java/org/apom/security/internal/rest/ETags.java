package org.apom.security.internal.rest;

import java.util.List;

import javax.ws.rs.core.EntityTag;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;

/** Versions as entity tags, and the If-Match rules of the API: required (428), and current (412). */
final class ETags {

    static final long ANY = -1;

    private ETags() {
    }

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an {@code If-Match} header names; {@link #ANY} for {@code *}. */
    static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", LocalizedText.of(
                    "Send If-Match with the ETag you read, so that no one else's change is overwritten.",
                    "ต้องส่ง If-Match พร้อม ETag ที่อ่านมา เพื่อไม่ให้เขียนทับการแก้ไขของผู้อื่น"), List.of());
        }
        String tag = ifMatch.strip();
        if ("*".equals(tag)) {
            return ANY;
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Long.parseLong(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new ProblemException(412, "precondition-failed", LocalizedText.of(
                    "If-Match does not name a version of this resource.", "If-Match ไม่ตรงกับรุ่นใดของข้อมูลนี้"),
                    List.of());
        }
    }
}
