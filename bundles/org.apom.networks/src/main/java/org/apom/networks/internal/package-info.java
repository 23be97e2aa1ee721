/**
 * Networks, their members, committees and activity log: the tables (NET_*), the rules, the REST resources, and
 * their place in the change feed.
 */
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
package org.apom.networks.internal;

import org.osgi.annotation.bundle.Header;
