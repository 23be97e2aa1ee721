package org.apom.core.api.problem;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Failures that say "not now" rather than "never": no database connection free in time, a lock or statement
 * timeout, a deadlock victim, the database unreachable, an extension's classes gone mid-swap. The caller may
 * simply try again, so they are answered 503 with Retry-After, not 500. Shared by the API and the workspace's pages.
 *
 * @since 1.1
 */
public final class TransientFailures {

    /** Seconds a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 2;

    /**
     * SQL states that end a statement but not the database: 08 connection (08004 is the pool's refusal), 40
     * transaction rollback (deadlock, serialization, Derby's 40XL1 lock timeout), PostgreSQL's lock_timeout
     * (55P03), statement_timeout (57014) and too many connections (53300), Derby's statement timeout (XCL52).
     */
    private static final Set<String> STATES = Set.of("55P03", "57014", "53300", "XCL52");
    private static final Set<String> CLASSES = Set.of("08", "40");
    private static final int MAX_DEPTH = 32;

    private TransientFailures() {
    }

    public static boolean database(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < MAX_DEPTH; t = next(t)) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (STATES.contains(state) || (state.length() >= 2 && CLASSES.contains(state.substring(0, 2)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Two transactions changed the same record at once and this one lost (JPA's optimistic lock, found by name: the
     * REST layer does not depend on JPA). The caller should read the record again, not just repeat.
     */
    public static boolean concurrentChange(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < MAX_DEPTH; t = next(t)) {
            String name = t.getClass().getSimpleName();
            if (name.equals("OptimisticLockException") || name.equals("OptimisticException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A unique constraint refused an insert (SQL state 23505 on both databases). OpenJPA's exceptions answer
     * {@code getCause()} only when they nest exactly one failure (a flushed batch nests several), so their
     * {@code getNestedThrowables()} is followed too, found by name: the REST layer does not depend on OpenJPA.
     */
    public static boolean uniqueViolation(Throwable failure) {
        return uniqueViolation(failure, 0);
    }

    private static boolean uniqueViolation(Throwable t, int depth) {
        if (t == null || depth > MAX_DEPTH) {
            return false;
        }
        if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
            return true;
        }
        for (Throwable nested : nested(t)) {
            if (nested != t && uniqueViolation(nested, depth + 1)) {
                return true;
            }
        }
        Throwable next = next(t);
        return next != t && uniqueViolation(next, depth + 1);
    }

    private static Throwable[] nested(Throwable t) {
        try {
            java.lang.reflect.Method m = t.getClass().getMethod("getNestedThrowables");
            return m.getReturnType() == Throwable[].class && m.invoke(t) instanceof Throwable[] n ? n
                    : new Throwable[0];
        } catch (ReflectiveOperationException | RuntimeException notOpenJpa) {
            return new Throwable[0];
        }
    }

    /** The client went away before its answer was written (Jetty's EofException, a broken pipe). */
    public static boolean clientGone(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < MAX_DEPTH; t = next(t)) {
            if (t.getClass().getSimpleName().equals("EofException")
                    || (t instanceof java.io.IOException && t.getMessage() != null
                            && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("reset by peer")))) {
                return true;
            }
        }
        return false;
    }

    /** An extension bundle being replaced: its old classes no longer load while a request still runs them. */
    public static boolean extensionGone(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < MAX_DEPTH; t = next(t)) {
            if (t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) {
                return true;
            }
            if (t instanceof IllegalStateException && t.getMessage() != null
                    && t.getMessage().contains("Invalid BundleContext")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException sql && sql.getNextException() != null && sql.getNextException() != t) {
            return sql.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
