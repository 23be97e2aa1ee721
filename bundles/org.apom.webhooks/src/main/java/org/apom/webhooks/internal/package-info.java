/**
 * Webhooks: the register's changes, read from the change feed, posted to integrators' endpoints with Standard
 * Webhooks signatures, retried on a schedule, logged, and sent only to hosts a central admin allowed.
 */
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
package org.apom.webhooks.internal;

import org.osgi.annotation.bundle.Header;
