package org.apom.security.internal.jpa;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.apom.core.api.ProvinceCode;
import org.apom.security.api.TokenView;

@Entity
@Table(name = "SECURITY_TOKEN")
public class TokenEntity {

    /** How stale the last-use time may get before it is written again (not on every request). */
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "NAME", nullable = false)
    private String name;
    @Column(name = "SECRET_HASH", nullable = false)
    private String secretHash;
    @Column(name = "SCOPES", nullable = false)
    private String scopes;
    @Column(name = "PROVINCE")
    private String province;
    @Column(name = "EXPIRES_ON", nullable = false)
    private Date expiresOn;
    @Column(name = "CREATED_BY", nullable = false)
    private String createdBy;
    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;
    @Column(name = "REVOKED_AT")
    private Timestamp revokedAt;
    @Column(name = "LAST_USED_AT")
    private Timestamp lastUsedAt;

    protected TokenEntity() {
    }

    public TokenEntity(String id, String name, String secretHash, Set<String> scopes, ProvinceCode province,
            LocalDate expiresOn, String createdBy, Instant now) {
        this.id = id;
        this.name = name;
        this.secretHash = secretHash;
        this.scopes = String.join(",", new TreeSet<>(scopes));
        this.province = province == null ? null : province.value();
        this.expiresOn = Date.valueOf(expiresOn);
        this.createdBy = createdBy;
        // milliseconds, as every supported database keeps them, so an answer never changes on re-reading
        this.createdAt = Timestamp.from(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    public String name() {
        return name;
    }

    public Set<String> scopes() {
        return new TreeSet<>(Arrays.asList(scopes.split(",")));
    }

    public ProvinceCode province() {
        return province == null ? null : ProvinceCode.of(province);
    }

    /** Valid through its last day, in the platform's time zone. */
    public boolean expiredOn(LocalDate today) {
        return today.isAfter(expiresOn.toLocalDate());
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = Timestamp.from(now);
        }
    }

    public void used(Instant now) {
        if (lastUsedAt == null || lastUsedAt.toInstant().plus(LAST_USE_PRECISION).isBefore(now)) {
            lastUsedAt = Timestamp.from(now);
        }
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public String id() {
        return id;
    }

    public TokenView toView() {
        return new TokenView(id, name, scopes(), province(), expiresOn.toLocalDate(), createdBy,
                createdAt.toInstant(), revokedAt == null ? null : revokedAt.toInstant(),
                lastUsedAt == null ? null : lastUsedAt.toInstant());
    }
}
