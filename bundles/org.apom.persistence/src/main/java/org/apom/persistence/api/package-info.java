/**
 * Database schema management shared by the bundles that own tables.
 */
@Export
@Version("1.2.0")
package org.apom.persistence.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
