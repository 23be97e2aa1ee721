/**
 * Thailand's administrative areas by their DOPA codes: 77 provinces, their districts and subdistricts.
 */
@Export
@Version("1.0.0")
package org.apom.areas.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
