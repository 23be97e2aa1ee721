/**
 * Karaf shell commands of the grading.
 */
@Header(name = "Karaf-Commands", value = "org.apom.tiering.internal.shell")
package org.apom.tiering.internal.shell;

import org.osgi.annotation.bundle.Header;
