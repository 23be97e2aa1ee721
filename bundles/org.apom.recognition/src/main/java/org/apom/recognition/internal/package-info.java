/**
 * Recognition: the core awards, the catalogue of every program present, eligibility, the nominations workflow with
 * quotas, and the honours held (REC_*), with their REST resources.
 */
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
package org.apom.recognition.internal;

import org.osgi.annotation.bundle.Header;
