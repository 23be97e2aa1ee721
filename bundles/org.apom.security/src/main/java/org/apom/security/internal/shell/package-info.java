/**
 * Karaf shell commands of the security bundle.
 */
@Header(name = "Karaf-Commands", value = "org.apom.security.internal.shell")
package org.apom.security.internal.shell;

import org.osgi.annotation.bundle.Header;
