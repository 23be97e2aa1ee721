package org.apom.security.internal.audit;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;

/** The position in the trail a cursor names: the last sequence number seen. */
final class AuditCursor {

    private AuditCursor() {
    }

    static long seq(String position) {
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("cursor", LocalizedText.of("The cursor is not one this server gave out.",
                    "cursor ไม่ถูกต้อง"));
        }
    }
}
