package org.apom.networks.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The networks' settings central IT may set, in etc/org.apom.networks.cfg. */
@ObjectClassDefinition(name = "Apom networks")
public @interface NetworksConfig {

    @AttributeDefinition(description = "On a database without networks, once the demo register is in, load demo "
            + "networks at every level with members, committees and two fiscal years of activities (./apom sets it "
            + "through APOM_DEMO_DATA); never on a production install")
    boolean demoData() default false;
}
