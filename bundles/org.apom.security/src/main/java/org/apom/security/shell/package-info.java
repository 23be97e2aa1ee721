/**
 * What every {@code apom:} Karaf command shares, in whichever bundle it lives: it runs as the central admin
 * logged in to the shell, fails with one line (and a non-zero exit status for {@code bin/client}) when the
 * platform refuses, prints cells the same way, and completes its arguments from the platform's data.
 */
@Export
@Version("1.0.0")
package org.apom.security.shell;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
