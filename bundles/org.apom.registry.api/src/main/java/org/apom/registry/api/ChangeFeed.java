package org.apom.registry.api;

import java.util.List;
import java.util.Set;

import org.apom.core.api.ProvinceCode;
import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The register's changes in the order the audit chain sealed them, for those who keep a copy ({@code GET /changes},
 * webhooks). Scoped like every list: a province's reader sees its province, and a record that moved away as
 * deleted. Reading is audited.
 *
 * @since 1.3
 */
@ProviderType
public interface ChangeFeed {

    /** A page of changes and the position after the last entry looked at, which never goes back. */
    record Changes(List<Change> items, long next) {

        public Changes {
            items = List.copyOf(items);
        }
    }

    /**
     * Up to {@code limit} changes of volunteer records after position {@code after}, of {@code province} (every province the caller may
     * read when {@code null}); fewer, or none, when the stretch of the chain read held fewer for this reader (the
     * position still moves on past it).
     *
     * @throws org.apom.core.api.InvalidValueException {@code cursor} for a position beyond the chain's end
     * @throws org.apom.core.api.problem.ProblemException 403 when the caller may not read volunteers
     */
    Changes read(Caller caller, long after, ProvinceCode province, int limit);

    /**
     * As {@link #read(Caller, long, ProvinceCode, int)}, of the kinds of record named ({@link #types()}); every kind
     * the caller may read when {@code types} is empty.
     *
     * @throws org.apom.core.api.InvalidValueException {@code unknown-type} for a type the feed does not know
     * @throws org.apom.core.api.problem.ProblemException 403 when the caller may not read a kind named
     * @since 1.4
     */
    Changes read(Caller caller, long after, ProvinceCode province, Set<String> types, int limit);

    /**
     * The kinds of record the feed tells of now: {@code volunteer} and those of the {@link ChangeSource}s present.
     *
     * @since 1.4
     */
    Set<String> types();

    /** The position a reader that starts now begins at: it reads every change after this moment. */
    long end();
}
