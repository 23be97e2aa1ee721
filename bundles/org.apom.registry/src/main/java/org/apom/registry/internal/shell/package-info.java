/**
 * Karaf shell commands of the register.
 */
@Header(name = "Karaf-Commands", value = "org.apom.registry.internal.shell")
package org.apom.registry.internal.shell;

import org.osgi.annotation.bundle.Header;
