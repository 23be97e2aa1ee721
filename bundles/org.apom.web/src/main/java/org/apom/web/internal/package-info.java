/** The officers' workspace: pages over the platform's services (docs/web.md). */
package org.apom.web.internal;
