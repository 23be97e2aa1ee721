/**
 * Accounts, authentication and the first admin.
 */
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
package org.apom.security.internal;

import org.osgi.annotation.bundle.Header;
