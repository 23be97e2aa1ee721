package org.apom.persistence.internal.pool;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The platform's database, from {@code etc/org.ops4j.datasource-apom.cfg}: the file keeps the name and keys it
 * had when pax-jdbc-config read it, so that installed platforms keep their settings (docs/stack.md trap 31).
 */
@ObjectClassDefinition(name = "Apom database", description = "The database and its connection pool")
@interface DatabaseConfig {

    @AttributeDefinition(description = "Name of the JDBC driver as registered: 'derby' or 'PostgreSQL JDBC Driver'")
    String osgi_jdbc_driver_name() default "derby";

    @AttributeDefinition(description = "The service name other bundles look the DataSource up by")
    String dataSourceName() default "apom";

    @AttributeDefinition(description = "JDBC URL")
    String url();

    @AttributeDefinition(required = false)
    String user() default "";

    @AttributeDefinition(required = false, type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "Most connections open at once; each request holds at most one")
    int pool_maxTotal() default 16;

    @AttributeDefinition(description = "Connections kept open while idle")
    int pool_minIdle() default 2;

    @AttributeDefinition(description = "How long a request waits for a free connection before it is answered 503")
    long pool_maxWaitMillis() default 5_000;

    @AttributeDefinition(description = "How long a statement waits for a row lock before it fails (503)")
    int lockTimeoutSeconds() default 10;

    @AttributeDefinition(description = "How long one statement may run before it is cancelled (503)")
    int statementTimeoutSeconds() default 120;
}
