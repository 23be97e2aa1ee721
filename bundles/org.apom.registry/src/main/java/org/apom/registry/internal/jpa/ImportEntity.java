package org.apom.registry.internal.jpa;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Version;

import org.apom.registry.api.ImportStatus;

/** One import: who asked for what, the file, and how far it has got (moved with each committed chunk). */
@Entity
@Table(name = "REGISTRY_IMPORT")
public class ImportEntity {

    @Id
    @Column(name = "ID")
    private String id;
    @Column(name = "STATUS", nullable = false)
    private String status;
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
    @Column(name = "PROVINCE_CODE")
    private String provinceCode;
    @Column(name = "DRY_RUN", nullable = false)
    private boolean dryRun;
    @Column(name = "ALL_OR_NOTHING", nullable = false)
    private boolean atomic;
    @Column(name = "ENCODING", nullable = false)
    private String encoding;
    @Column(name = "SHA256", nullable = false)
    private String sha256;
    @Column(name = "UNKNOWN_COLUMNS")
    private String unknownColumns;
    @Column(name = "ROW_COUNT", nullable = false)
    private int rowCount;
    @Column(name = "PROCESSED", nullable = false)
    private int processed;
    @Column(name = "ACCEPTED", nullable = false)
    private int accepted;
    @Column(name = "REJECTED", nullable = false)
    private int rejected;
    @Column(name = "FAILURE")
    private String failure;
    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;
    @Column(name = "FINISHED_AT")
    private Timestamp finishedAt;
    // read only when the import runs, never for a report
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "CONTENT", nullable = false)
    private byte[] content;
    // the rows that did not go in, kept a while after the end (JpaVolunteerFiles#keepRejected), read only to download
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "REJECTED_ROWS")
    private byte[] rejectedRows;
    @Column(name = "REJECTED_ROWS_UNTIL")
    private Timestamp rejectedRowsUntil;
    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected ImportEntity() {
    }

    public ImportEntity(String id, StoredCaller caller, String provinceCode, boolean dryRun, boolean atomic,
            String encoding, String sha256, String unknownColumns, int rowCount, byte[] content, Instant now) {
        this.id = id;
        this.status = ImportStatus.QUEUED.name();
        this.callerName = caller.name();
        this.callerKind = caller.kind();
        this.callerRoles = caller.roles();
        this.callerScopes = caller.scopes();
        this.callerProvince = caller.province();
        this.provinceCode = provinceCode;
        this.dryRun = dryRun;
        this.atomic = atomic;
        this.encoding = encoding;
        this.sha256 = sha256;
        this.unknownColumns = unknownColumns;
        this.rowCount = rowCount;
        this.content = content;
        this.createdAt = Timestamp.from(now);
    }

    /** The caller as stored, so that a resumed import acts for the same person with the same rights. */
    public record StoredCaller(String name, String kind, String roles, String scopes, String province) {
    }

    public String id() {
        return id;
    }

    public ImportStatus status() {
        return ImportStatus.valueOf(status);
    }

    public StoredCaller caller() {
        return new StoredCaller(callerName, callerKind, callerRoles, callerScopes, callerProvince);
    }

    public String provinceCode() {
        return provinceCode;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public boolean atomic() {
        return atomic;
    }

    public String encoding() {
        return encoding;
    }

    public String sha256() {
        return sha256;
    }

    public String unknownColumns() {
        return unknownColumns;
    }

    public int rowCount() {
        return rowCount;
    }

    public int processed() {
        return processed;
    }

    public int accepted() {
        return accepted;
    }

    public int rejected() {
        return rejected;
    }

    public String failure() {
        return failure;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant finishedAt() {
        return finishedAt == null ? null : finishedAt.toInstant();
    }

    public byte[] content() {
        return content;
    }

    /** The rows that did not go in, as {@code RegisterCsv#keep} wrote them, or {@code null}. */
    public byte[] rejectedRows() {
        return rejectedRows;
    }

    /** Until when the rows that did not go in may be downloaded, or {@code null} when none are kept. */
    public Instant rejectedRowsUntil() {
        return rejectedRowsUntil == null ? null : rejectedRowsUntil.toInstant();
    }

    /** Keeps the rows that did not go in, to download until {@code until}. */
    public void keepRejected(byte[] rows, Instant until) {
        rejectedRows = rows;
        rejectedRowsUntil = Timestamp.from(until);
    }

    public void running() {
        status = ImportStatus.RUNNING.name();
    }

    /** Moves the position past a chunk of rows, with what became of them. */
    public void advance(int rows, int acceptedRows, int rejectedRows) {
        processed += rows;
        accepted += acceptedRows;
        rejected += rejectedRows;
    }

    /** The import ended: the file goes (it is full of personal data), the report stays. */
    public void done(Instant at) {
        status = ImportStatus.DONE.name();
        finishedAt = Timestamp.from(at);
        content = new byte[0];
    }

    /** The import ended without reaching the end of the file: the file goes too, the report stays. */
    public void failed(String why, Instant at) {
        status = ImportStatus.FAILED.name();
        failure = why;
        finishedAt = Timestamp.from(at);
        content = new byte[0];
    }
}
