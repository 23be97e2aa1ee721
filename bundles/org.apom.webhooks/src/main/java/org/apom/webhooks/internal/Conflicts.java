package org.apom.webhooks.internal;

import java.sql.SQLException;

/** Whether a failed transaction lost a race with another (a version or a unique key), rather than failing. */
final class Conflicts {

    private Conflicts() {
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String type = t.getClass().getSimpleName();
            if (type.equals("OptimisticLockException") || type.equals("EntityExistsException")) {
                return true;
            }
            // 23xxx: integrity constraint (the unique key of a change and webhook); 40001: serialization failure
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().equals("40001"))) {
                return true;
            }
        }
        return false;
    }
}
