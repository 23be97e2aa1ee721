/**
 * Recognition of volunteers (เสริมสร้างขวัญกำลังใจ): the catalogue of awards, core and provincial
 * ({@link AwardProgram}, from extension bundles), who is eligible for which and why not, the nominations that move
 * from a province's draft to the ministry's conferral, and the honours each volunteer holds.
 */
@Export
@Version("1.2.0")
package org.apom.recognition.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
