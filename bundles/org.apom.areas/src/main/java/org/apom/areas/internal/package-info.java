/**
 * The area directory: loads the shipped DOPA edition into the AREAS_* tables and serves it.
 */
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
package org.apom.areas.internal;

import org.osgi.annotation.bundle.Header;
