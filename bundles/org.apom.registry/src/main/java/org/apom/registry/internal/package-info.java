/**
 * The register's implementation: rules, records and their queries.
 */
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
package org.apom.registry.internal;

import org.osgi.annotation.bundle.Header;
