package org.apom.webhooks.internal;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apom.core.api.ProvinceCode;
import org.apom.registry.api.Change;
import org.apom.registry.api.ChangeFeed;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.Caller;

/** Stand-ins for the platform's services around webhooks, for unit tests. */
final class Fakes {

    private Fakes() {
    }

    /** A change feed of the changes added to it, scoped by province as the register's is. */
    static final class Feed implements ChangeFeed {

        final List<Change> changes = new CopyOnWriteArrayList<>();

        void add(String province, String id, String kind, long version) {
            changes.add(new Change(changes.size() + 1L, "volunteer", id, kind, version, Instant.now(), province));
        }

        @Override
        public Changes read(Caller caller, long after, ProvinceCode province, int limit) {
            List<Change> items = changes.stream().filter(c -> c.position() > after)
                    .filter(c -> province == null || province.value().equals(c.province())).limit(limit).toList();
            long next = items.size() == limit ? items.get(items.size() - 1).position() : end();
            return new Changes(items, Math.max(after, next));
        }

        @Override
        public Changes read(Caller caller, long after, ProvinceCode province, Set<String> types, int limit) {
            return read(caller, after, province, limit);
        }

        @Override
        public Set<String> types() {
            return Set.of("volunteer");
        }

        @Override
        public long end() {
            return changes.size();
        }
    }

    /** An audit trail that keeps the actions recorded. */
    static AuditTrail audit(List<String> actions) {
        return (AuditTrail) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {AuditTrail.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("record")) {
                        actions.add((String) args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The configuration with its defaults, but for the values given. */
    static WebhooksConfig config(Map<String, Object> values) {
        return (WebhooksConfig) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                new Class<?>[] {WebhooksConfig.class}, (proxy, method, args) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.getDefaultValue());
    }

    /** A clock a test moves on by hand. */
    static final class TestClock extends Clock {

        volatile Instant now = Instant.parse("2026-12-02T03:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
