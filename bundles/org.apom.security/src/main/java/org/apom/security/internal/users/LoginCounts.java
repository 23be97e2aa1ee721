package org.apom.security.internal.users;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.persistence.EntityManager;

/**
 * Login outcomes written as single-row SQL updates, not by changing the loaded account (nor by JPQL bulk updates,
 * which OpenJPA makes bump the version): the same person's requests
 * come in parallel (a browser, a script), and the database serialises these updates where the entity's version
 * check would fail all but one of them. They also leave the account's version alone, so logging in does not
 * make an administrator's {@code If-Match} stale.
 */
final class LoginCounts {

    private LoginCounts() {
    }

    /** Marks the account locked (from some address) until then, for administrators to see and lift. */
    static void locked(EntityManager em, String username, Instant until) {
        em.createNativeQuery("UPDATE SECURITY_USER SET LOCKED_UNTIL = ?1 WHERE USERNAME = ?2")
                .setParameter(1, Timestamp.from(until)).setParameter(2, username).executeUpdate();
    }

    static void succeeded(EntityManager em, String username, Instant now) {
        em.createNativeQuery("UPDATE SECURITY_USER SET FAILED_LOGINS = 0, LOCKED_UNTIL = NULL, LAST_LOGIN_AT = ?1 "
                + "WHERE USERNAME = ?2").setParameter(1, Timestamp.from(now.truncatedTo(ChronoUnit.MILLIS)))
                .setParameter(2, username).executeUpdate();
    }
}
