/** Khon Kaen's (40) extension: its own record check. */
package org.apom.ext.p40;
