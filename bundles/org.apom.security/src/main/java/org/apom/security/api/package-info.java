/**
 * Who calls and what they may do: roles, the caller every service method receives, and the one permission
 * table (role × action × own or other province) that every service checks.
 */
@Export
@Version("1.8.0")
package org.apom.security.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
