/**
 * Value types every Apom bundle speaks in: national IDs, fiscal years, DOPA area codes, pages, spreadsheet cells.
 */
@Export
@Version("1.3.0")
package org.apom.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
