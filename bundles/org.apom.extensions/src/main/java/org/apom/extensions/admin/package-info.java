/**
 * Central IT's and the provinces' administration of extension bundles, for the workspace: what runs, what waits for
 * review, and the moves (approve, reject, install, swap, roll back), each checked against the caller's roles and
 * province as the REST API checks them.
 */
@Export
@Version("1.1.0")
package org.apom.extensions.admin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
