package org.apom.registry.api;

import java.util.Set;
import java.util.function.Predicate;

import org.apom.security.api.Action;
import org.apom.security.api.AuditEntry;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of record the change feed tells of besides volunteers (networks, activities, nominations), registered as a
 * service by the platform bundle that owns those records. Its writes are audited in their own transactions, so the
 * audit chain already holds every change once, in one order; a source only says which entries are its changes and
 * what each one is. The feed takes sources from the platform's bundles only (extensions' services of this type are
 * never offered to it).
 *
 * @since 1.4
 */
@ConsumerType
public interface ChangeSource {

    /** The value of {@code types} that asks for these records, e.g. {@code network}. */
    String type();

    /** What a caller needs to be told of these changes, e.g. {@link Action#NETWORKS_READ}. */
    Action readAction();

    /** The audit actions that are changes of these records. */
    Set<String> actions();

    /**
     * The change an entry is for a reader whose view covers the provinces {@code inView} accepts ({@code null}
     * stands for national records, of no province), or {@code null} when it is none for that reader.
     */
    Change change(AuditEntry entry, Predicate<String> inView);
}
