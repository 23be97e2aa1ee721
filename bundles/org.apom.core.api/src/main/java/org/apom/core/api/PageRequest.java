package org.apom.core.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Which page a caller asks for: at most {@code limit} items after the position a cursor encodes.
 * Cursors are opaque to callers: the position (a sort key) travels base64url-encoded.
 */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", LocalizedText.of(
                    "limit must be between 1 and " + MAX_LIMIT + ".", "limit ต้องอยู่ระหว่าง 1 ถึง " + MAX_LIMIT));
        }
    }

    /** From the query parameters as given; {@code null} means not given. */
    public static PageRequest of(Integer limit, String cursor) {
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit, cursor == null ? null : decode(cursor));
    }

    /** From the query parameters as text; a limit that is not a whole number is refused like one out of range. */
    public static PageRequest parse(String limit, String cursor) {
        Integer n = null;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Integer.valueOf(limit.strip());
            } catch (NumberFormatException e) {
                n = 0;
            }
        }
        return of(n, cursor == null || cursor.isBlank() ? null : cursor);
    }

    /**
     * The position to go on after, for lists whose positions are numbers (a sequence, an offset); 0 from the start.
     *
     * @throws InvalidValueException {@code cursor} when the cursor holds no such number
     * @since 1.1
     */
    public long position() {
        if (after == null) {
            return 0;
        }
        try {
            long position = Long.parseLong(after);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below, as any cursor this server did not give out
        }
        throw new InvalidValueException("cursor", LocalizedText.of("The cursor is not one this server gave out.",
                "cursor ไม่ถูกต้อง"));
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("cursor", LocalizedText.of(
                    "The cursor is not one this server gave out.", "cursor ไม่ถูกต้อง"));
        }
    }
}
