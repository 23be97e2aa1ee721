/**
 * How a core bundle tells health whether this node can serve: each registers {@link ReadinessCheck}s that
 * answer from what they already know, cheaply, since health is public and polled.
 */
@Export
@Version("1.0.0")
package org.apom.core.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
