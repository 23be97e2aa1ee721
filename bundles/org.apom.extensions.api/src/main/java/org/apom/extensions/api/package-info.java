/**
 * The extension SPI: what a province's own bundle may contribute to the platform (record checks, REST
 * resources under {@code /api/v1/ext/{province}}), and the province-scoped view of the register it reads
 * through. It depends on the JDK only, and its types are interfaces and data transfer objects with public
 * fields, so that it can grow in minor versions while every province's bundle, importing {@code [1.0,2)},
 * keeps resolving; the build's baseline (bnd) against the released 1.0.0 fails on anything else.
 * docs/extensions.md describes the rules an extension must keep.
 */
@Export
@Version("1.1.0")
package org.apom.extensions.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
