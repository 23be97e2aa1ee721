package org.apom.registry.internal;

import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.registry.api.ImportReport;
import org.apom.security.api.Caller;

/**
 * The register's imports, newest first, as far as the caller may read them (central callers all, a province's
 * callers their province's). Internal for now, for {@code apom:imports}: it belongs on
 * {@link org.apom.registry.api.VolunteerFiles}, behind a {@code GET /volunteers/imports}, when that API can grow.
 */
public interface ImportHistory {

    /**
     * @return the imports' reports without their row errors ({@code rejected} counts them;
     *         {@link org.apom.registry.api.VolunteerFiles#importReport} has them)
     */
    Page<ImportReport> imports(Caller caller, PageRequest page);
}
