package org.apom.registry.api;

import java.util.List;

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
     * Up to {@code limit} changes after position {@code after}, of {@code province} (every province the caller may
     * read when {@code null}); fewer, or none, when the stretch of the chain read held fewer for this reader (the
     * position still moves on past it).
     *
     * @throws org.apom.core.api.InvalidValueException {@code cursor} for a position beyond the chain's end
     * @throws org.apom.core.api.problem.ProblemException 403 when the caller may not read volunteers
     */
    Changes read(Caller caller, long after, ProvinceCode province, int limit);

    /** The position a reader that starts now begins at: it reads every change after this moment. */
    long end();
}
