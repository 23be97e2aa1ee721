package org.apom.networks.internal.jpa;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Version;

import org.apom.core.api.ProvinceCode;
import org.apom.networks.api.ActivityImport;
import org.apom.registry.api.RowError;
import org.apom.security.api.Caller;
import org.apom.security.api.Role;

/**
 * An import of a network's activities: who posted it (to run as them, also after a restart), how far it has come,
 * and the file until it ends.
 */
@Entity
@Table(name = "NET_ACTIVITY_IMPORT")
public class ActivityImportEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "NETWORK_ID", nullable = false)
    private String networkId;
    @Column(name = "PROVINCE")
    private String province;
    @Column(name = "STATUS", nullable = false)
    private String status;
    @Column(name = "DRY_RUN", nullable = false)
    private boolean dryRun;
    @Column(name = "ENCODING", nullable = false)
    private String encoding;
    @Column(name = "ROW_COUNT", nullable = false)
    private int rows;
    @Column(name = "PROCESSED", nullable = false)
    private int processed;
    @Column(name = "ACCEPTED", nullable = false)
    private int accepted;
    @Column(name = "REJECTED", nullable = false)
    private int rejected;
    @Column(name = "FAILURE")
    private String failure;
    @Column(name = "CALLER_NAME", nullable = false)
    private String callerName;
    @Column(name = "CALLER_KIND", nullable = false)
    private String callerKind;
    @Column(name = "CALLER_ROLES", nullable = false)
    private String callerRoles;
    @Column(name = "CALLER_SCOPES")
    private String callerScopes;
    @Column(name = "CALLER_PROVINCE")
    private String callerProvince;
    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;
    @Column(name = "FINISHED_AT")
    private Timestamp finishedAt;
    // read only when the import runs, never for a report
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "CONTENT")
    private byte[] content;
    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected ActivityImportEntity() {
    }

    public ActivityImportEntity(String id, String networkId, ProvinceCode province, boolean dryRun, String encoding,
            int rows, Caller caller, byte[] content, Instant createdAt) {
        this.id = id;
        this.networkId = networkId;
        this.province = province == null ? null : province.value();
        this.status = "QUEUED";
        this.dryRun = dryRun;
        this.encoding = encoding;
        this.rows = rows;
        this.callerName = caller.name();
        this.callerKind = caller.kind().name();
        this.callerRoles = caller.roles().stream().map(Role::id).sorted().collect(Collectors.joining(","));
        this.callerScopes = String.join(",", caller.scopes().stream().sorted().toList());
        this.callerProvince = caller.province() == null ? null : caller.province().value();
        this.content = content;
        this.createdAt = Timestamp.from(createdAt);
    }

    public String id() {
        return id;
    }

    public String networkId() {
        return networkId;
    }

    public ProvinceCode province() {
        return province == null ? null : ProvinceCode.of(province);
    }

    public boolean dryRun() {
        return dryRun;
    }

    public String status() {
        return status;
    }

    public int processed() {
        return processed;
    }

    public int rejected() {
        return rejected;
    }

    public byte[] content() {
        return content;
    }

    /** The caller who posted the import, as the import runs. */
    public Caller caller() {
        Set<Role> roles = Arrays.stream(callerRoles.split(",")).filter(s -> !s.isEmpty()).map(Role::fromId)
                .collect(Collectors.toSet());
        Set<String> scopes = callerScopes == null ? Set.of()
                : Arrays.stream(callerScopes.split(",")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new Caller(callerName, Caller.Kind.valueOf(callerKind), roles,
                callerProvince == null ? null : ProvinceCode.of(callerProvince), scopes, null);
    }

    public void running() {
        this.status = "RUNNING";
    }

    /** A chunk's rows were processed: the position moves with the chunk's records in one transaction. */
    public void advance(int rowsDone, int accepted, int rejected) {
        this.processed += rowsDone;
        this.accepted += accepted;
        this.rejected += rejected;
    }

    /** Ends the import: the file, full of national IDs, goes with the transaction that ends it. */
    public void finish(String failure, Instant at) {
        this.status = failure == null ? "DONE" : "FAILED";
        this.failure = failure;
        this.finishedAt = Timestamp.from(at);
        this.content = null;
    }

    public ActivityImport toImport(List<RowError> errors) {
        return new ActivityImport(id, networkId, status, dryRun, encoding, rows, processed, accepted, rejected, errors,
                callerName, createdAt.toInstant(), finishedAt == null ? null : finishedAt.toInstant(), failure);
    }
}
