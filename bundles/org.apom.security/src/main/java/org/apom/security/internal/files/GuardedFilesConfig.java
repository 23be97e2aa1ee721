package org.apom.security.internal.files;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Which files the platform checks at start, in etc/org.apom.security.files.cfg. */
@ObjectClassDefinition(name = "Apom guarded files")
public @interface GuardedFilesConfig {

    String PID = "org.apom.security.files";

    @AttributeDefinition(description = "Files whose content must not change behind central IT's back, relative "
            + "to Karaf's etc/ or absolute. This list's own file, and the extensions' trust store when one is "
            + "configured, are always checked; a file taken off the list is reported until accepted")
    String[] files() default {"org.ops4j.datasource-apom.cfg", "org.apom.extensions.cfg",
        "org.apom.security.limits.cfg", "org.apache.karaf.shell.cfg", "../bin/setenv"};

    @AttributeDefinition(description = "Accept the files as they are at this start instead of reporting them changed: "
            + "for a start right after central IT put a new build's files there (./apom sets it through "
            + "APOM_ACCEPT_FILES)")
    boolean acceptAtStart() default false;
}
