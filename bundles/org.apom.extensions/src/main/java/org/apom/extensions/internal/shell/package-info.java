/**
 * Karaf shell commands of the extension manager.
 */
@Header(name = "Karaf-Commands", value = "org.apom.extensions.internal.shell")
package org.apom.extensions.internal.shell;

import org.osgi.annotation.bundle.Header;
