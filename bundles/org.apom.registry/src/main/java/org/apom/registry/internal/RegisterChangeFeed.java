package org.apom.registry.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.apom.core.api.ProvinceCode;
import org.apom.registry.api.Change;
import org.apom.registry.api.ChangeFeed;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.ChangeEntries;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The register's change feed ({@code GET /changes}): the changes of volunteer records in the order the audit chain
 * sealed them, scoped like every list (a province's reader sees its province, and a record that moved away as
 * deleted), and read from the chain's numbers, so that a position means the same on every node and after any
 * restart. Changes carry ids and versions only, never personal data; reading them is audited.
 */
@Component(service = ChangeFeed.class)
public final class RegisterChangeFeed implements ChangeFeed {

    private final AuditTrail audit;

    @Activate
    public RegisterChangeFeed(@Reference AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public long end() {
        return audit.sealedTo();
    }

    @Override
    public Changes read(Caller caller, long after, ProvinceCode province, int limit) {
        ListScope scope = ListScope.of(AccessPolicy.requireAny(caller, Action.VOLUNTEERS_READ), caller.province(),
                province);
        List<Change> items = new ArrayList<>();
        long next = after;
        if (!scope.nothing()) {
            ProvinceCode only = scope.province();
            Predicate<String> inView = p -> only != null ? only.value().equals(p)
                    : p != null && p.matches("\\d{2}")
                            && AccessPolicy.allows(caller, Action.VOLUNTEERS_READ, ProvinceCode.of(p));
            ChangeEntries entries = audit.changes(caller, Action.VOLUNTEERS_READ, only, VolunteerChanges.ACTIONS,
                    after, limit);
            entries.entries().stream().map(e -> VolunteerChanges.of(e, inView)).filter(Objects::nonNull)
                    .forEach(items::add);
            next = entries.readTo();
        }
        if (items.isEmpty() && caller.kind() == Caller.Kind.SYSTEM) {
            // a job (a webhook's dispatcher) polls a quiet feed every second: what it was given is the record,
            // and an entry for each empty look would bury the trail's real entries
            return new Changes(items, next);
        }
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("after", after);
        read.put("next", next);
        read.put("changes", items.size());
        // under the province actually read: a province's reader reads theirs without naming it
        audit.record(caller, "changes.read", "change-feed", "volunteer", scope.nothing() ? province : scope.province(),
                null, read);
        return new Changes(items, next);
    }
}
