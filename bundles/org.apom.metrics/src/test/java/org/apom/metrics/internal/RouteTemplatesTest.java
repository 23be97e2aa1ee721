package org.apom.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;

import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

    @Path("/volunteers/")
    static class Volunteers {
        @GET
        public void list() {
        }

        @GET
        @Path("{id}")
        public void one() {
        }

        @POST
        @Path("/{id : [0-9a-f-]+}/status/")
        public void status() {
        }
    }

    @Path("health")
    static class Health {
        @GET
        public void health() {
        }
    }

    @Path("areas")
    interface Areas {
        @GET
        @Path("provinces/{code}/districts")
        void districts();
    }

    static class AreasResource implements Areas {
        @Override
        public void districts() {
        }
    }

    @Test
    void aRouteIsTheTemplateNeverTheConcretePath() throws Exception {
        RouteTemplates routes = new RouteTemplates();
        assertEquals("/volunteers", routes.route("", Volunteers.class, Volunteers.class.getMethod("list")));
        assertEquals("/volunteers/{id}", routes.route("", Volunteers.class, Volunteers.class.getMethod("one")));
        assertEquals("/health", routes.route("", Health.class, Health.class.getMethod("health")));
    }

    @Test
    void aVariablesRegexIsLeftOutAndSlashesAreJoinedOnce() throws Exception {
        assertEquals("/volunteers/{id}/status", RouteTemplates.template(Volunteers.class,
                Volunteers.class.getMethod("status")));
    }

    @Test
    void pathsAreInheritedFromTheInterfaceAResourceImplements() throws Exception {
        assertEquals("/areas/provinces/{code}/districts", RouteTemplates.template(AreasResource.class,
                AreasResource.class.getMethod("districts")));
    }

    @Test
    void nothingMatchedIsOneRouteWhateverThePath() throws Exception {
        RouteTemplates routes = new RouteTemplates();
        assertEquals(RouteTemplates.UNMATCHED, routes.route("", null, null));
        assertEquals(RouteTemplates.UNMATCHED, routes.route("/ext/50", Volunteers.class, null));
    }

    @Test
    void anExtensionsRoutesCarryItsApplication() throws Exception {
        assertEquals("", RouteTemplates.prefix("/api/v1/", "/api/v1/"));
        assertEquals("", RouteTemplates.prefix("/api/v1", "/api/v1/"));
        assertEquals("/ext/50", RouteTemplates.prefix("/api/v1/ext/50/", "/api/v1/"));
        assertEquals("", RouteTemplates.prefix("/api/v10/", "/api/v1/"));
        assertEquals("/ext/50/volunteers/{id}", new RouteTemplates().route("/ext/50", Volunteers.class,
                Volunteers.class.getMethod("one")));
    }

    @Test
    void madeUpMethodsAreOneLabel() {
        assertEquals("PATCH", RouteTemplates.method("PATCH"));
        assertEquals("OTHER", RouteTemplates.method("BREW"));
        assertEquals("OTHER", RouteTemplates.method(null));
    }
}
