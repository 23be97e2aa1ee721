package org.apom.core.api.problem;

import java.util.List;

import org.apom.core.api.LocalizedText;

/** The API's rule for changing a resource: send {@code If-Match} with the version you read. */
public final class Preconditions {

    /** Any version ({@code If-Match: *}). */
    public static final long ANY = -1;

    private Preconditions() {
    }

    /**
     * The version an {@code If-Match} header names ({@code "5"}, {@code W/"5"}, or {@code *} for {@link #ANY}).
     *
     * @throws ProblemException 428 {@code precondition-required} without the header, 412
     *         {@code precondition-failed} when it names no version
     */
    public static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", LocalizedText.of(
                    "Send If-Match with the ETag you read, so that no one else's change is overwritten.",
                    "ต้องส่ง If-Match พร้อม ETag ที่อ่านมา เพื่อไม่ให้เขียนทับการแก้ไขของผู้อื่น"), List.of());
        }
        String tag = ifMatch.strip();
        if ("*".equals(tag)) {
            return ANY;
        }
        try {
            return Long.parseLong((tag.startsWith("W/") ? tag.substring(2) : tag).replace("\"", ""));
        } catch (NumberFormatException e) {
            throw stale();
        }
    }

    /** The answer when the version the caller read is no longer the current one. */
    public static ProblemException stale() {
        return new ProblemException(412, "precondition-failed", LocalizedText.of(
                "This was changed since you read it; read it again.", "ข้อมูลถูกแก้ไขไปแล้ว กรุณาอ่านใหม่"), List.of());
    }
}
