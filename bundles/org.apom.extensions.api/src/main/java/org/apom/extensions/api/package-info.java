/**
 * The extension SPI: what a province's own bundle may contribute to the platform (record checks, REST
 * resources under {@code /api/v1/ext/{province}}), and the province-scoped view of the register it reads
 * through. docs/extensions.md describes the rules an extension must keep.
 */
@Export
@Version("1.0.0")
package org.apom.extensions.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
