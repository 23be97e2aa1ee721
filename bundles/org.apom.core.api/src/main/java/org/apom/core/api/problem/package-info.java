/**
 * Typed failures that services throw and the REST layer renders as {@code application/problem+json}.
 */
@Export
@Version("1.1.0")
package org.apom.core.api.problem;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
