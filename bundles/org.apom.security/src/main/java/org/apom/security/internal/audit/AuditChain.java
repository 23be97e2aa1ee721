package org.apom.security.internal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apom.core.api.ProvinceCode;
import org.apom.security.api.AuditEntry;
import org.apom.security.api.AuditVerification;
import org.apom.security.api.Caller;
import org.apom.security.api.Role;
import org.apom.security.internal.jpa.AuditEntryEntity;
import org.apom.security.internal.jpa.AuditHeadEntity;
import org.apom.security.internal.jpa.PendingAuditEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Numbers, chains and checks the audit entries. Recording ({@link #draft}) takes no lock: an entry is written
 * with the change it describes, unnumbered. Sealing ({@link #seal}) is the sequencer's: under the head row's
 * lock, it gives committed entries consecutive numbers, each carrying the hash of the one before, on every node.
 */
public final class AuditChain {

    static final String GENESIS = "0".repeat(64);
    /** The hash of the entries sealed from now on ({@link #hashOf}). */
    static final int HASH_VERSION = 2;
    private static final int BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private AuditChain() {
    }

    /** The entry as recorded, before it has a number and hashes. */
    public static AuditEntry draft(Clock clock, Caller caller, String action, String entity, String entityId,
            ProvinceCode entityProvince, Map<String, ?> before, Map<String, ?> after) {
        // stored timestamps keep milliseconds on every database, so the hash is computed on milliseconds
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new AuditEntry(0, at, caller.name(), caller.kind().name(),
                caller.roles().stream().map(Role::id).sorted().collect(Collectors.joining(",")),
                caller.province() == null ? null : caller.province().value(), action, entity, entityId,
                entityProvince == null ? null : entityProvince.value(), caller.requestId(), json(before), json(after),
                null, null);
    }

    /**
     * Locks the head of the chain until the transaction ends; the first thing a sealing transaction does, so that
     * sequencers on several nodes seal one after another.
     */
    static AuditHeadEntity lockHead(EntityManager em) {
        AuditHeadEntity head = em.find(AuditHeadEntity.class, AuditHeadEntity.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("the audit chain has no head row; the schema is incomplete");
        }
        return head;
    }

    /** Appends the pending entries after the locked head, in the order given, and removes them from pending. */
    static void seal(EntityManager em, AuditHeadEntity head, List<PendingAuditEntity> pending) {
        long seq = head.seq();
        String previous = head.hash();
        for (PendingAuditEntity entry : pending) {
            AuditEntry draft = entry.toDraft();
            AuditEntry numbered = new AuditEntry(++seq, draft.at(), draft.actor(), draft.actorKind(), draft.roles(),
                    draft.province(), draft.action(), draft.entity(), draft.entityId(), draft.entityProvince(),
                    draft.requestId(), draft.before(), draft.after(), previous, null);
            AuditEntry sealed = withHash(numbered, hashOf(numbered, HASH_VERSION));
            em.persist(new AuditEntryEntity(sealed, HASH_VERSION));
            // one delete by key each, sent in JDBC batches: Derby scans the table for a delete with a long IN list
            em.remove(entry);
            previous = sealed.hash();
        }
        head.advance(seq, previous);
    }

    /**
     * Walks the chain from the first entry to the head as it was when the walk began: the sequencer goes on
     * sealing meanwhile, and what it adds is checked by the next walk.
     */
    public static AuditVerification verify(EntityManager em) {
        AuditHeadEntity head = em.find(AuditHeadEntity.class, AuditHeadEntity.ID);
        long end = head.seq();
        String endHash = head.hash();
        String previous = GENESIS;
        long expected = 1;
        while (expected <= end) {
            List<AuditEntryEntity> batch = em.createQuery("SELECT e FROM AuditEntryEntity e "
                    + "WHERE e.seq >= :from AND e.seq <= :end ORDER BY e.seq", AuditEntryEntity.class)
                    .setParameter("from", expected).setParameter("end", end).setMaxResults(BATCH).getResultList();
            for (AuditEntryEntity stored : batch) {
                AuditEntry e = stored.toEntry();
                if (e.seq() != expected) {
                    return broken(expected, expected - 1, "entry " + expected + " is missing (the next one is " + e.seq() + ")");
                }
                if (!e.previousHash().equals(previous)) {
                    return broken(expected, expected - 1, "entry " + expected + " does not follow the entry before it");
                }
                if (!hashOf(e, stored.hashVersion()).equals(e.hash())) {
                    return broken(expected, expected - 1, "entry " + expected + " was changed after it was written");
                }
                previous = e.hash();
                expected++;
            }
            em.clear();
            if (batch.size() < BATCH) {
                break;
            }
        }
        long last = expected - 1;
        if (last != end || !endHash.equals(previous)) {
            return broken(last + 1, last, "the trail ends at entry " + last + " but " + end
                    + " entries were written: the last ones were removed");
        }
        return new AuditVerification(last, null, null);
    }

    /**
     * The hash of an entry. Version 2 hashes a JSON array of the fields, so no value can pass for two (a token
     * name may hold any character), with the time as a UTC instant from the stored milliseconds. Version 1
     * joined the fields with U+001F and is kept only to verify the entries sealed with it.
     */
    static String hashOf(AuditEntry e, int version) {
        String canonical = version == 1 ? String.join("\u001f", Long.toString(e.seq()), e.at().toString(), e.actor(),
                e.actorKind(), e.roles(), text(e.province()), e.action(), e.entity(), e.entityId(),
                text(e.entityProvince()), text(e.requestId()), text(e.before()), text(e.after()), e.previousHash())
                : canonical(e);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }

    /** The entry as it was recorded, before sealing gave it a number and hashes. */
    static AuditEntry unsealed(AuditEntry e) {
        return new AuditEntry(0, e.at(), e.actor(), e.actorKind(), e.roles(), e.province(), e.action(), e.entity(),
                e.entityId(), e.entityProvince(), e.requestId(), e.before(), e.after(), null, null);
    }

    private static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(e.seq(), e.at(), e.actor(), e.actorKind(), e.roles(), e.province(), e.action(), e.entity(),
                e.entityId(), e.entityProvince(), e.requestId(), e.before(), e.after(), e.previousHash(), hash);
    }

    private static AuditVerification broken(long at, long checked, String reason) {
        return new AuditVerification(checked, at, reason);
    }

    private static String canonical(AuditEntry e) {
        try {
            return JSON.writeValueAsString(Arrays.asList("apom-audit-2", e.seq(), e.at().toString(), e.actor(),
                    e.actorKind(), e.roles(), e.province(), e.action(), e.entity(), e.entityId(), e.entityProvince(),
                    e.requestId(), e.before(), e.after(), e.previousHash()));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("strings and numbers always make JSON", ex);
        }
    }

    private static String text(String value) {
        return value == null ? "\u0000" : value;
    }

    private static String json(Map<String, ?> state) {
        if (state == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an audit state must be plain JSON values: " + e.getOriginalMessage(), e);
        }
    }
}
