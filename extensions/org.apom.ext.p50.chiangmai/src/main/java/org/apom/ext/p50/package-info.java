/** Chiang Mai's (50) extension: its own record check and its summary endpoint. */
package org.apom.ext.p50;
