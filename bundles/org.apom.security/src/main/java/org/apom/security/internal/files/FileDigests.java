package org.apom.security.internal.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.internal.jpa.FileDigestEntity;

/**
 * The digests of the platform's own files that matter (the datasource, the extensions' configuration and trust
 * store), against the ones central IT last accepted, kept in the database. A file seen for the first time is
 * accepted as it is; one that differs is reported until central IT accepts it again ({@code apom:files-accept}).
 * Every acceptance and every change found is audited. A missing file has a digest too ({@link #ABSENT}), so that
 * removing one is a change.
 */
public final class FileDigests {

    static final String ABSENT = "absent";
    /** What a file accepted before and no longer in the list is found as: taking it off the list is a change. */
    static final String UNLISTED = "no longer guarded";

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final Clock clock;

    public FileDigests(JpaTemplate jpa, AuditTrail audit, Clock clock) {
        this.jpa = jpa;
        this.audit = audit;
        this.clock = clock;
    }

    /** A file whose content is not the accepted one. */
    public record Change(String path, String accepted, String found, String acceptedBy) {
    }

    /**
     * Compares the files with their accepted digests, accepting those never seen before.
     *
     * @return the files that changed since they were accepted
     */
    public List<Change> check(List<Path> files, Caller caller) {
        List<Change> changes = new ArrayList<>();
        for (Path file : files) {
            String path = file.toAbsolutePath().normalize().toString();
            String found = digest(file);
            jpa.tx(TransactionType.Required, em -> {
                FileDigestEntity accepted = em.find(FileDigestEntity.class, path);
                if (accepted == null) {
                    em.persist(new FileDigestEntity(path, found, caller.name(), clock.instant()));
                    audit.record(caller, "platform.file-accept", "file", path, null, null, Map.of("sha256", found));
                } else if (!accepted.sha256().equals(found)) {
                    changes.add(new Change(path, accepted.sha256(), found, accepted.acceptedBy()));
                    audit.record(caller, "platform.file-changed", "file", path, null,
                            Map.of("sha256", accepted.sha256()), Map.of("sha256", found));
                }
            });
        }
        List<String> listed = paths(files);
        jpa.tx(TransactionType.Required, em -> {
            for (FileDigestEntity accepted : em.createQuery("SELECT f FROM FileDigestEntity f ORDER BY f.path",
                    FileDigestEntity.class).getResultList()) {
                if (!listed.contains(accepted.path())) {
                    changes.add(new Change(accepted.path(), accepted.sha256(), UNLISTED, accepted.acceptedBy()));
                    audit.record(caller, "platform.file-changed", "file", accepted.path(), null,
                            Map.of("sha256", accepted.sha256()), Map.of("sha256", UNLISTED));
                }
            }
        });
        return changes;
    }

    private static List<String> paths(List<Path> files) {
        return files.stream().map(f -> f.toAbsolutePath().normalize().toString()).toList();
    }

    /** Accepts the files as they are now. @return the paths whose accepted digest changed */
    public List<String> accept(List<Path> files, Caller caller) {
        List<String> accepted = new ArrayList<>();
        for (Path file : files) {
            String path = file.toAbsolutePath().normalize().toString();
            String found = digest(file);
            jpa.tx(TransactionType.Required, em -> {
                FileDigestEntity row = em.find(FileDigestEntity.class, path);
                Map<String, Object> before = row == null ? null : Map.of("sha256", row.sha256());
                if (row == null) {
                    em.persist(new FileDigestEntity(path, found, caller.name(), clock.instant()));
                } else if (!row.sha256().equals(found)) {
                    row.accept(found, caller.name(), clock.instant());
                } else {
                    return;
                }
                accepted.add(path);
                audit.record(caller, "platform.file-accept", "file", path, null, before, Map.of("sha256", found));
            });
        }
        List<String> listed = paths(files);
        jpa.tx(TransactionType.Required, em -> {
            for (FileDigestEntity unlisted : em.createQuery("SELECT f FROM FileDigestEntity f ORDER BY f.path",
                    FileDigestEntity.class).getResultList()) {
                if (!listed.contains(unlisted.path())) {
                    em.remove(unlisted);
                    accepted.add(unlisted.path());
                    audit.record(caller, "platform.file-accept", "file", unlisted.path(), null,
                            Map.of("sha256", unlisted.sha256()), Map.of("sha256", UNLISTED));
                }
            }
        });
        return accepted;
    }

    static String digest(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return ABSENT;
        } catch (IOException e) {
            return "unreadable: " + e.getClass().getSimpleName();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static Map<String, Object> details(List<Path> files, List<Change> changes) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("guarded", files.size());
        if (!changes.isEmpty()) {
            details.put("changed", changes.stream().map(Change::path).toList());
        }
        return details;
    }
}
