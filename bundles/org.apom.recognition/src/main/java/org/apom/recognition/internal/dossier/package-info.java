/**
 * The Direkgunabhorn dossier for the ministry's screening committee: one entry per nominee, gathered through the
 * register's, the networks' and recognition's own services, written as CSV or as a PDF in Thai.
 */
package org.apom.recognition.internal.dossier;
