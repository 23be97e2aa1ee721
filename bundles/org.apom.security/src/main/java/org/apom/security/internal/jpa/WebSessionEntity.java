package org.apom.security.internal.jpa;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** One signed-in workspace session, known by the hash of its id: a copy of the table opens no session. */
@Entity
@Table(name = "SECURITY_WEB_SESSION")
public class WebSessionEntity {

    /** How stale the last-seen time may get before it is written again (not on every page). */
    public static final Duration SEEN_PRECISION = Duration.ofMinutes(1);

    @Id
    @Column(name = "ID_HASH")
    private String idHash;
    @Column(name = "USERNAME", nullable = false)
    private String username;
    @Column(name = "CSRF_TOKEN", nullable = false)
    private String csrfToken;
    @Column(name = "SECURE", nullable = false)
    private boolean secure;
    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;
    @Column(name = "LAST_SEEN_AT", nullable = false)
    private Timestamp lastSeenAt;

    protected WebSessionEntity() {
    }

    public WebSessionEntity(String idHash, String username, String csrfToken, boolean secure, Instant now) {
        this.idHash = idHash;
        this.username = username;
        this.csrfToken = csrfToken;
        this.secure = secure;
        this.createdAt = Timestamp.from(now);
        this.lastSeenAt = Timestamp.from(now);
    }

    public String username() {
        return username;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public boolean secure() {
        return secure;
    }

    /** Whether the session has ended by time: idle too long, or open longer than any session may be. */
    public boolean endedAt(Instant now, Duration idle, Duration longest) {
        return lastSeenAt.toInstant().plus(idle).isBefore(now) || createdAt.toInstant().plus(longest).isBefore(now);
    }
}
