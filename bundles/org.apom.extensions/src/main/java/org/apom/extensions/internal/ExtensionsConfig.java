package org.apom.extensions.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Limits of the extension manager and of the record checks, in etc/org.apom.extensions.cfg. */
@ObjectClassDefinition(name = "Apom extensions")
public @interface ExtensionsConfig {

    String PID = "org.apom.extensions";

    @AttributeDefinition(description = "Largest extension jar accepted, in KiB")
    int maxJarKiB() default 5 * 1024;

    @AttributeDefinition(description = "The most an extension jar's entries may inflate to together, in KiB: "
            + "a jar made to inflate to gigabytes is refused once it reaches this")
    int maxInflatedKiB() default 64 * 1024;

    @AttributeDefinition(description = "Time limit of one run of the record checks (all of a province's checks "
            + "over all its records, each in a worker of its own), in seconds")
    int checkSeconds() default 10;

    @AttributeDefinition(description = "During a swap, how long the old version may finish the requests it has in "
            + "flight after the new one took over, in seconds; then it is removed anyway")
    int drainSeconds() default 10;

    @AttributeDefinition(description = "A keystore (PKCS12 or JKS) of the certificates whose keys may sign extensions; "
            + "when set, only jars signed by one of them are installed. Blank: signing is not required")
    String trustStore() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "The trust store's password")
    String trustStorePassword() default "";

    @AttributeDefinition(description = "Development mode: any jar that passes the rules runs, without review or "
            + "signature. For a developer's machine and the samples (./apom run), never for production; "
            + "APOM_EXTENSIONS_DEV=true in the environment turns it on too. Health and the extension list say so")
    boolean developmentMode() default false;
}
