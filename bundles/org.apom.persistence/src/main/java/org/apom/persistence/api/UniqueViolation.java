package org.apom.persistence.api;

import java.sql.SQLException;

import org.apache.openjpa.util.ExceptionInfo;

/**
 * Whether a failure is a unique constraint refusing an insert (SQL state 23505 on Derby and PostgreSQL),
 * however deep OpenJPA and the transaction manager wrapped it: causes, OpenJPA's nested throwables and
 * JDBC's next exceptions are all followed.
 *
 * @since 1.2
 */
public final class UniqueViolation {

    private static final int MAX_DEPTH = 64;

    private UniqueViolation() {
    }

    /** @since 1.2 */
    public static boolean in(Throwable failure) {
        return in(failure, 0);
    }

    private static boolean in(Throwable t, int depth) {
        if (t == null || depth > MAX_DEPTH) {
            return false;
        }
        if (t instanceof SQLException sql) {
            if ("23505".equals(sql.getSQLState())) {
                return true;
            }
            if (sql.getNextException() != null && sql.getNextException() != t
                    && in(sql.getNextException(), depth + 1)) {
                return true;
            }
        }
        if (t instanceof ExceptionInfo info && info.getNestedThrowables() != null) {
            for (Throwable nested : info.getNestedThrowables()) {
                if (nested != t && in(nested, depth + 1)) {
                    return true;
                }
            }
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (in(suppressed, depth + 1)) {
                return true;
            }
        }
        return t.getCause() != t && in(t.getCause(), depth + 1);
    }
}
