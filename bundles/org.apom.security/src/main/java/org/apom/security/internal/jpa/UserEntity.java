package org.apom.security.internal.jpa;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.apom.core.api.ProvinceCode;
import org.apom.security.api.Role;
import org.apom.security.api.UserView;

@Entity
@Table(name = "SECURITY_USER")
public class UserEntity {

    @Id
    @Column(name = "USERNAME")
    private String username;
    @Column(name = "PASSWORD_HASH", nullable = false)
    private String passwordHash;
    @Column(name = "ROLES", nullable = false)
    private String roles;
    @Column(name = "PROVINCE")
    private String province;
    @Column(name = "ENABLED", nullable = false)
    private boolean enabled;
    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;
    @Column(name = "LAST_LOGIN_AT")
    private Timestamp lastLoginAt;
    @Column(name = "FAILED_LOGINS", nullable = false)
    private int failedLogins;
    @Column(name = "LOCKED_UNTIL")
    private Timestamp lockedUntil;
    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected UserEntity() {
    }

    public UserEntity(String username, String passwordHash, Set<Role> roles, ProvinceCode province, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        setRoles(roles);
        setProvince(province);
        this.enabled = true;
        // milliseconds, as every supported database keeps them, so an answer never changes on re-reading
        this.createdAt = Timestamp.from(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String hash) {
        this.passwordHash = hash;
    }

    public Set<Role> roles() {
        return Arrays.stream(roles.split(",")).filter(r -> !r.isBlank()).map(Role::fromId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles.stream().map(Role::id).sorted().collect(Collectors.joining(","));
    }

    public ProvinceCode province() {
        return province == null ? null : ProvinceCode.of(province);
    }

    public void setProvince(ProvinceCode province) {
        this.province = province == null ? null : province.value();
    }

    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.toInstant().isAfter(now);
    }

    public Instant lockedUntil() {
        return lockedUntil == null ? null : lockedUntil.toInstant();
    }

    /**
     * Whether a successful login now changes what is kept: failures to clear, a lock to lift, or a last login older
     * than a minute (so a client's every request does not write the row).
     */
    public boolean loginWorthRecording(Instant now) {
        return failedLogins > 0 || lockedUntil != null || lastLoginAt == null
                || lastLoginAt.toInstant().isBefore(now.minusSeconds(60));
    }

    public void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public long version() {
        return version;
    }

    public UserView toView(Instant now) {
        return new UserView(username, roles(), province(), enabled, lockedAt(now), createdAt.toInstant(),
                lastLoginAt == null ? null : lastLoginAt.toInstant(), version);
    }
}
