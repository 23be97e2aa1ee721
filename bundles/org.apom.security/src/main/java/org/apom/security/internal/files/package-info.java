/** The digests of the platform's own files that matter, checked at every start. */
package org.apom.security.internal.files;
