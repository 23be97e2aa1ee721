package org.apom.networks.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apom.core.api.LocalizedText;
import org.apom.core.api.problem.ProblemException;
import org.apom.networks.internal.jpa.NetworkEntity;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.Caller;

/**
 * Finding a network for a caller: one of a province the caller may not reach is not found, as every record is
 * (docs/security.md); a national one is reached by central callers only.
 */
final class NetworkAccess {

    /** Days are Thai days: an activity recorded at 6 in the morning in Bangkok is not yesterday's. */
    static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");

    private NetworkAccess() {
    }

    static NetworkEntity find(EntityManager em, Caller caller, String id, Action action) {
        AccessPolicy.requireAny(caller, action);
        NetworkEntity network = id == null || id.length() > 40 ? null : em.find(NetworkEntity.class, id);
        if (network == null) {
            throw notFound();
        }
        if (!AccessPolicy.allows(caller, action, network.province())) {
            // another province's network answers exactly as one that does not exist
            throw notFound();
        }
        return network;
    }

    /**
     * As {@link #find}, and holds the network's row until the transaction ends, so that changes of one network's
     * members, committee and activities are checked against each other one at a time (a member who leaves while an
     * activity naming them is recorded: one of the two sees the other).
     */
    static NetworkEntity findForChange(EntityManager em, Caller caller, String id) {
        AccessPolicy.requireAny(caller, Action.NETWORKS_WRITE);
        // read with the lock (SELECT ... FOR UPDATE): on PostgreSQL a plain read, then a lock, sees the row as it was
        // before a change that committed in between, and the lock then fails as a stale version (409)
        NetworkEntity network = id == null || id.length() > 40 ? null
                : em.find(NetworkEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (network == null || !AccessPolicy.allows(caller, Action.NETWORKS_WRITE, network.province())) {
            throw notFound();
        }
        return network;
    }

    /**
     * As {@link #findForChange}, for a change of what the network's answer shows (its members, its committee): its
     * version, and so its ETag, moves on with the change.
     */
    static NetworkEntity findForChangeOfItself(EntityManager em, Caller caller, String id) {
        NetworkEntity network = findForChange(em, caller, id);
        // moved under the row lock already held, so no other change of the network can race it; a JPA force
        // increment instead made those waiting for the lock fail at commit (409) rather than see the change (412)
        em.createNativeQuery("UPDATE NET_NETWORK SET VERSION = VERSION + 1 WHERE ID = ?").setParameter(1, id)
                .executeUpdate();
        em.refresh(network);
        return network;
    }

    static ProblemException notFound() {
        return ProblemException.notFound("not-found", LocalizedText.of("There is no such network.",
                "ไม่พบเครือข่ายที่ระบุ"));
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(THAILAND));
    }

    /** The network as the audit trail keeps it, with the version a change feed reader compares. */
    static Map<String, Object> state(NetworkEntity n) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", n.name());
        state.put("level", n.level().name());
        state.put("areaCode", n.areaCode());
        state.put("foundedOn", n.foundedOn().toString());
        state.put("version", n.version());
        return state;
    }
}
