/**
 * The extension manager: the rules a jar must pass, the stored extensions, and their bundles.
 */
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
package org.apom.extensions.internal;

import org.osgi.annotation.bundle.Header;
