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
 *
 * <p>A file is known by its path relative to the Karaf instance directory ({@code karaf.base}, the parent of
 * {@code etc/}; e.g. {@code etc/org.ops4j.datasource-apom.cfg}), so
 * that moving an installation is not a change, and so that the name fits the audit's 100-character entity id
 * wherever the installation lives: keyed by absolute path, a deep install directory once made every audit record
 * of a start fail and kept health DOWN for good.
 */
public final class FileDigests {

    static final String ABSENT = "absent";
    /** What a file accepted before and no longer in the list is found as: taking it off the list is a change. */
    static final String UNLISTED = "no longer guarded";

    /** The audit trail's entity ids are at most this long (changeset security-1). */
    static final int MAX_ENTITY_ID = 100;

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final Clock clock;
    private final Path home;

    public FileDigests(JpaTemplate jpa, AuditTrail audit, Clock clock, Path home) {
        this.jpa = jpa;
        this.audit = audit;
        this.clock = clock;
        this.home = home.toAbsolutePath().normalize();
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
        rekeyAbsolutePaths();
        List<Change> changes = new ArrayList<>();
        for (Path file : files) {
            String path = key(file);
            String found = digest(file);
            jpa.tx(TransactionType.Required, em -> {
                FileDigestEntity accepted = em.find(FileDigestEntity.class, path);
                if (accepted == null) {
                    em.persist(new FileDigestEntity(path, found, caller.name(), clock.instant()));
                    audit.record(caller, "platform.file-accept", "file", entityId(path), null, null,
                            state(path, found));
                } else if (!accepted.sha256().equals(found)) {
                    changes.add(new Change(path, accepted.sha256(), found, accepted.acceptedBy()));
                    audit.record(caller, "platform.file-changed", "file", entityId(path), null,
                            state(path, accepted.sha256()), state(path, found));
                }
            });
        }
        List<String> listed = paths(files);
        jpa.tx(TransactionType.Required, em -> {
            for (FileDigestEntity accepted : em.createQuery("SELECT f FROM FileDigestEntity f ORDER BY f.path",
                    FileDigestEntity.class).getResultList()) {
                if (!listed.contains(accepted.path())) {
                    changes.add(new Change(accepted.path(), accepted.sha256(), UNLISTED, accepted.acceptedBy()));
                    audit.record(caller, "platform.file-changed", "file", entityId(accepted.path()), null,
                            state(accepted.path(), accepted.sha256()), state(accepted.path(), UNLISTED));
                }
            }
        });
        return changes;
    }

    private List<String> paths(List<Path> files) {
        return files.stream().map(this::key).toList();
    }

    /** The file's name relative to the Karaf instance directory, with {@code /}; absolute only outside it. */
    String key(Path file) {
        Path path = file.toAbsolutePath().normalize();
        return path.startsWith(home) ? home.relativize(path).toString().replace('\\', '/') : path.toString();
    }

    /**
     * A path too long for the audit's entity id keeps its end, which names the file (the record has it whole);
     * it never cuts a character in two.
     */
    static String entityId(String path) {
        if (path.length() <= MAX_ENTITY_ID) {
            return path;
        }
        int from = path.length() - MAX_ENTITY_ID + 1;
        if (Character.isLowSurrogate(path.charAt(from))) {
            from++;
        }
        return "…" + path.substring(from);
    }

    private static Map<String, Object> state(String path, String sha256) {
        return Map.of("path", path, "sha256", sha256);
    }

    /**
     * Rows accepted before files were known by their home-relative name (absolute paths under this home) are
     * renamed, keeping who accepted what; not audited, since nothing about the files changed.
     */
    private void rekeyAbsolutePaths() {
        jpa.tx(TransactionType.Required, em -> {
            for (FileDigestEntity row : em.createQuery("SELECT f FROM FileDigestEntity f ORDER BY f.path",
                    FileDigestEntity.class).getResultList()) {
                Path accepted = Path.of(row.path());
                String key = accepted.isAbsolute() ? key(accepted) : row.path();
                if (!key.equals(row.path())) {
                    if (em.find(FileDigestEntity.class, key) == null) {
                        em.persist(row.renamed(key));
                    }
                    em.remove(row);
                }
            }
        });
    }

    /** Accepts the files as they are now. @return the paths whose accepted digest changed */
    public List<String> accept(List<Path> files, Caller caller) {
        List<String> accepted = new ArrayList<>();
        rekeyAbsolutePaths();
        for (Path file : files) {
            String path = key(file);
            String found = digest(file);
            jpa.tx(TransactionType.Required, em -> {
                FileDigestEntity row = em.find(FileDigestEntity.class, path);
                Map<String, Object> before = row == null ? null : state(path, row.sha256());
                if (row == null) {
                    em.persist(new FileDigestEntity(path, found, caller.name(), clock.instant()));
                } else if (!row.sha256().equals(found)) {
                    row.accept(found, caller.name(), clock.instant());
                } else {
                    return;
                }
                accepted.add(path);
                audit.record(caller, "platform.file-accept", "file", entityId(path), null, before, state(path, found));
            });
        }
        List<String> listed = paths(files);
        jpa.tx(TransactionType.Required, em -> {
            for (FileDigestEntity unlisted : em.createQuery("SELECT f FROM FileDigestEntity f ORDER BY f.path",
                    FileDigestEntity.class).getResultList()) {
                if (!listed.contains(unlisted.path())) {
                    em.remove(unlisted);
                    accepted.add(unlisted.path());
                    audit.record(caller, "platform.file-accept", "file", entityId(unlisted.path()), null,
                            state(unlisted.path(), unlisted.sha256()), state(unlisted.path(), UNLISTED));
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
