package org.apom.persistence.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Brings the platform's database up to a bundle's Liquibase changelog. Each bundle owns its tables and
 * calls this when it activates, before it serves anything; the same changelogs run on Derby and PostgreSQL.
 */
@ProviderType
public interface SchemaMigrator {

    /**
     * Applies every change set of the changelog that has not run yet; returns when the schema is current.
     *
     * @param changelog the changelog's path inside the bundle, for example {@code db/areas/changelog.xml}
     * @param loader the class loader of the bundle that owns the changelog
     * @throws IllegalStateException when a change set fails; nothing of that change set stays applied
     */
    void migrate(String changelog, ClassLoader loader);
}
