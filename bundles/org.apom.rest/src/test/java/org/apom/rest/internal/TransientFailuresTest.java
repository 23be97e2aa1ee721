package org.apom.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.apom.core.api.problem.TransientFailures;
import org.junit.jupiter.api.Test;

/** What the database and a swap throw under load is answered 503 busy, and nothing else is. */
class TransientFailuresTest {

    @Test
    void aPoolRefusalWrappedByJpaIsBusy() {
        RuntimeException jpa = new RuntimeException("Unable to acquire a connection",
                new SQLTransientConnectionException("No database connection was free within 5000 ms", "08004"));
        Problem p = Problems.from(jpa, "x");
        assertEquals(503, p.status());
        assertEquals("busy", p.code());
    }

    @Test
    void lockAndStatementTimeoutsOfBothDatabasesAreBusy() {
        for (String state : new String[] {"40XL1", "40001", "40P01", "55P03", "57014", "XCL52", "53300"}) {
            RuntimeException jpa = new RuntimeException(new SQLException("wait", state));
            assertEquals(503, Problems.from(jpa, "x").status(), state);
        }
    }

    @Test
    void aTimeoutFoundInTheNextExceptionOfABatchIsBusy() {
        SQLException batch = new SQLException("batch failed", "XJ208");
        batch.setNextException(new SQLException("lock timeout", "40XL1"));
        assertEquals(503, Problems.from(new RuntimeException(batch), "x").status());
    }

    @Test
    void aLostOptimisticLockIsAConflictNotAnInternalError() {
        class OptimisticLockException extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }
        Problem p = Problems.from(new RuntimeException("RollbackException is propagating",
                new OptimisticLockException()), "x");
        assertEquals(409, p.status());
        assertEquals("concurrent-change", p.code());
    }

    @Test
    void aClientThatWentAwayIsToldApartFromAFailure() {
        class EofException extends java.io.IOException {
            private static final long serialVersionUID = 1L;
        }
        assertEquals(true, TransientFailures.clientGone(new RuntimeException(new EofException())));
        assertEquals(true, TransientFailures.clientGone(new java.io.IOException("Broken pipe")));
        assertEquals(false, TransientFailures.clientGone(new IllegalStateException("bug")));
    }

    @Test
    void aUniqueKeyRaceIsADuplicate() {
        Problem p = Problems.from(new RuntimeException(new SQLException("constraint", "23505")), "x");
        assertEquals(409, p.status());
        assertEquals("duplicate", p.code());
    }

    @Test
    void aUniqueKeyRaceNestedAmongOpenJpasFailuresIsADuplicate() {
        Problem p = Problems.from(new RuntimeException(new Nesting(new IllegalStateException("first"),
                new SQLException("constraint", "23505"))), "x");
        assertEquals(409, p.status());
        assertEquals("duplicate", p.code());
    }

    /** Like OpenJPA's exceptions: several nested failures, and then no cause at all. */
    public static final class Nesting extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Throwable[] nested;

        Nesting(Throwable... nested) {
            super("flush failed");
            this.nested = nested;
        }

        public Throwable[] getNestedThrowables() {
            return nested;
        }
    }

    @Test
    void otherDatabaseErrorsStayInternal() {
        Problem p = Problems.from(new RuntimeException(new SQLException("check", "23514")), "x");
        assertEquals(500, p.status());
        assertEquals(500, Problems.from(new IllegalStateException("bug"), "x").status());
    }

    @Test
    void missingClassesAreASwapOnlyOnAnExtensionsPath() {
        NoClassDefFoundError gone = new NoClassDefFoundError("org/apom/ext/p50/Summary$1");
        RuntimeException wrapped = new RuntimeException(gone);
        assertEquals(503, Problems.from(wrapped, "x", true).status());
        assertEquals("extension-swapping", Problems.from(wrapped, "x", true).code());
        assertEquals(500, Problems.from(wrapped, "x", false).status());
    }
}
