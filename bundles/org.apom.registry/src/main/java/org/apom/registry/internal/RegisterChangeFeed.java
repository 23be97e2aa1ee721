package org.apom.registry.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.ProvinceCode;
import org.apom.registry.api.Change;
import org.apom.registry.api.ChangeFeed;
import org.apom.registry.api.ChangeSource;
import org.apom.security.api.AccessPolicy;
import org.apom.security.api.Action;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;
import org.apom.security.api.AuditEntry;
import org.apom.security.api.ChangeEntries;
import org.apom.security.api.Reach;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The platform's change feed ({@code GET /changes}): the changes of volunteer records, and of the records of every
 * {@link ChangeSource} present (networks, activities), in the order the audit chain sealed them, scoped like every list (a province's reader sees its province, and a record that moved away as
 * deleted), and read from the chain's numbers, so that a position means the same on every node and after any
 * restart. Changes carry ids and versions only, never personal data; reading them is audited.
 */
@Component(service = ChangeFeed.class)
public final class RegisterChangeFeed implements ChangeFeed {

    private static final ChangeSource VOLUNTEERS = new VolunteerChanges();

    private final AuditTrail audit;
    private final Map<String, ChangeSource> sources = new ConcurrentHashMap<>(Map.of(VOLUNTEERS.type(), VOLUNTEERS));

    @Activate
    public RegisterChangeFeed(@Reference AuditTrail audit) {
        this.audit = audit;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(ChangeSource source) {
        // the register's own kind is not another bundle's to replace
        if (!VOLUNTEERS.type().equals(source.type())) {
            sources.put(source.type(), source);
        }
    }

    void removeSource(ChangeSource source) {
        sources.remove(source.type(), source);
    }

    @Override
    public long end() {
        return audit.sealedTo();
    }

    @Override
    public Set<String> types() {
        return new TreeSet<>(sources.keySet());
    }

    @Override
    public Changes read(Caller caller, long after, ProvinceCode province, int limit) {
        return read(caller, after, province, Set.of(VOLUNTEERS.type()), limit);
    }

    @Override
    public Changes read(Caller caller, long after, ProvinceCode province, Set<String> types, int limit) {
        List<ChangeSource> read = sourcesFor(caller, types);
        // every kind is read in one stretch of the chain, under the first kind's reach; each entry is then shown only
        // to a reader of its own kind's records, so a kind read under a wider reach than its own never leaks
        Action first = read.get(0).readAction();
        ListScope scope = ListScope.of(AccessPolicy.requireAny(caller, first), caller.province(), province);
        List<Change> items = new ArrayList<>();
        long next = after;
        if (!scope.nothing()) {
            ProvinceCode only = scope.province();
            Map<String, ChangeSource> byAction = new LinkedHashMap<>();
            Map<ChangeSource, Predicate<String>> views = new LinkedHashMap<>();
            for (ChangeSource source : read) {
                source.actions().forEach(a -> byAction.putIfAbsent(a, source));
                views.put(source, inView(caller, source.readAction(), only));
            }
            ChangeEntries entries = audit.changes(caller, first, only, byAction.keySet(), after, limit);
            for (AuditEntry e : entries.entries()) {
                ChangeSource source = byAction.get(e.action());
                Change change = source == null ? null : source.change(e, views.get(source));
                if (change != null) {
                    items.add(change);
                }
            }
            next = entries.readTo();
        }
        if (items.isEmpty() && caller.kind() == Caller.Kind.SYSTEM) {
            // a job (a webhook's dispatcher) polls a quiet feed every second: what it was given is the record,
            // and an entry for each empty look would bury the trail's real entries
            return new Changes(items, next);
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("after", after);
        record.put("next", next);
        record.put("changes", items.size());
        // under the province actually read: a province's reader reads theirs without naming it
        audit.record(caller, "changes.read", "change-feed", String.join(",", read.stream().map(ChangeSource::type)
                .toList()), scope.nothing() ? province : scope.province(), null, record);
        return new Changes(items, next);
    }

    /**
     * The sources asked for, each one the caller may read (403 otherwise); with none named, every source the caller
     * may read, volunteers first.
     */
    private List<ChangeSource> sourcesFor(Caller caller, Set<String> types) {
        Set<String> asked = new LinkedHashSet<>();
        if (types.isEmpty()) {
            asked.add(VOLUNTEERS.type());
            new TreeSet<>(sources.keySet()).forEach(asked::add);
        } else {
            asked.addAll(types);
        }
        List<ChangeSource> read = new ArrayList<>();
        for (String type : asked) {
            ChangeSource source = sources.get(type);
            if (source == null) {
                throw new InvalidValueException("unknown-type", LocalizedText.of("types are among " + types() + ".",
                        "types ต้องเป็นหนึ่งใน " + types()));
            }
            if (AccessPolicy.reach(caller, source.readAction()) != Reach.NONE) {
                read.add(source);
            } else if (!types.isEmpty()) {
                throw AccessPolicy.forbidden(source.readAction());
            }
        }
        if (read.isEmpty()) {
            throw AccessPolicy.forbidden(VOLUNTEERS.readAction());
        }
        return read;
    }

    /** Whether a record of a province ({@code null}: a national one) is within what the caller reads of a kind. */
    private static Predicate<String> inView(Caller caller, Action readAction, ProvinceCode only) {
        return p -> {
            if (p == null) {
                return only == null && AccessPolicy.allows(caller, readAction, null);
            }
            // each kind's own read action decides, also for the one province asked for
            return (only == null || only.value().equals(p)) && p.matches("\\d{2}")
                    && AccessPolicy.allows(caller, readAction, ProvinceCode.of(p));
        };
    }
}
