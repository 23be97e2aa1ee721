package org.apom.registry.api;

/** Where an import is: waiting, running, finished (with its rejected rows), or failed as a whole. */
public enum ImportStatus {
    QUEUED, RUNNING, DONE, FAILED
}
