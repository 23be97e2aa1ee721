package org.apom.registry.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.security.api.AuditEntry;
import org.apom.security.api.AuditQuery;
import org.apom.security.api.AuditSealing;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.AuditVerification;
import org.apom.security.api.Caller;

/** An audit trail for unit tests: keeps the actions recorded, and can stop the platform at the n-th one. */
final class RecordingAudit implements AuditTrail {

    private final List<String> actions;
    private final int cutAt;
    private final Runnable cut;
    private final AtomicInteger records = new AtomicInteger();
    /** Probe entries, which the register counts through {@link #history}. */
    private final List<AuditEntry> probes = new java.util.concurrent.CopyOnWriteArrayList<>();

    RecordingAudit(List<String> actions) {
        this(actions, -1, null);
    }

    /** At the {@code cutAt}-th record, runs {@code cut} and throws, as a platform that stops mid-write. */
    RecordingAudit(List<String> actions, int cutAt, Runnable cut) {
        this.actions = actions;
        this.cutAt = cutAt;
        this.cut = cut;
    }

    @Override
    public void record(Caller caller, String action, String entity, String entityId, ProvinceCode province,
            Map<String, ?> before, Map<String, ?> after) {
        if (records.incrementAndGet() == cutAt) {
            cut.run();
            throw new IllegalStateException("the platform stopped");
        }
        actions.add(action);
        if (ProbeGuard.ENTITY.equals(entity)) {
            probes.add(new AuditEntry(0, java.time.Instant.now(), caller.name(), caller.kind().name(), null, null,
                    action, entity, entityId, province == null ? null : province.value(), null, null,
                    String.valueOf(after), null, null));
        }
    }

    @Override
    public Page<AuditEntry> query(Caller caller, AuditQuery query, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AuditEntry> history(Caller caller, String entity, String entityId) {
        if (ProbeGuard.ENTITY.equals(entity)) {
            return probes.stream().filter(e -> e.entityId().equals(entityId)).toList();
        }
        throw new UnsupportedOperationException();
    }

    @Override
    public org.apom.security.api.ChangeEntries changes(Caller caller, org.apom.security.api.Action readAction,
            ProvinceCode province,
            java.util.Set<String> actions, long after, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long sealedTo() {
        throw new UnsupportedOperationException();
    }

    @Override
    public AuditSealing sealing(Caller caller) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AuditVerification verify(Caller caller) {
        throw new UnsupportedOperationException();
    }
}
