/**
 * The national register of social development volunteers (อพม.): one record per person, keyed by the
 * national ID, kept current by the provinces.
 */
@Export
@Version("1.6.0")
package org.apom.registry.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
