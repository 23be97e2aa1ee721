package org.apom.rest.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

class HealthResourceTest {

    @Test
    void aReachableDatabaseIsUpWithItsProduct() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:health");
        ds.setCreateDatabase("create");
        HealthJson.ComponentJson db = HealthResource.database(ds);
        assertEquals("UP", db.status());
        assertEquals("Apache Derby", db.details().get("product"));
    }

    @Test
    void anUnreachableOrMissingDatabaseIsDownWithoutTheDriversText() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:does-not-exist");
        HealthJson.ComponentJson db = HealthResource.database(ds);
        assertEquals("DOWN", db.status());
        assertEquals("database unreachable", db.details().get("error"));
        assertFalse(db.details().toString().contains("does-not-exist"));
        assertEquals("DOWN", HealthResource.database(null).status());
    }
}
