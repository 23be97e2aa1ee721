/**
 * Volunteer networks (เครือข่าย อพม.) at subdistrict, district, province and national level: who belongs to them and
 * when, their committees, and the activities through which their continuous work becomes visible.
 */
@Export
@Version("1.1.0")
package org.apom.networks.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
