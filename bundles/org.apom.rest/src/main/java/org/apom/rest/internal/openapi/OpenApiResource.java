package org.apom.rest.internal.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.apom.rest.internal.ApomApplication;
import org.apom.rest.internal.CoreBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/openapi.json}: the OpenAPI 3 description of what this node serves now (public). */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=" + ApomApplication.NAME + ")")
@JSONRequired
@Path("openapi.json")
@Tag(name = "platform")
public final class OpenApiResource {

    /** Where each bundle's build puts the fragment it generated from its resources. */
    static final String FRAGMENT = "OSGI-INF/openapi/openapi.json";
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiResource.class);

    private final BundleContext context;
    private final JaxrsServiceRuntime runtime;
    private final ObjectMapper json = new ObjectMapper();

    @Activate
    public OpenApiResource(BundleContext context, @Reference JaxrsServiceRuntime runtime) {
        this.context = context;
        this.runtime = runtime;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getOpenApiDocument", summary = "The OpenAPI 3 document of this API (public)")
    @ApiResponse(responseCode = "200", description = "OpenAPI 3.0 document",
            content = @Content(schema = @Schema(type = "object")))
    public JsonNode document() {
        return OpenApiDocument.build(json, context.getBundle().getVersion().toString(), fragments(), served());
    }

    private List<JsonNode> fragments() {
        List<JsonNode> fragments = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            URL entry = b.getState() == Bundle.ACTIVE && CoreBundles.isCore(b) ? b.getEntry(FRAGMENT) : null;
            if (entry != null) {
                try (InputStream in = entry.openStream()) {
                    fragments.add(json.readTree(in));
                } catch (IOException e) {
                    LOG.warn("Skipping the OpenAPI fragment of {}: {}", b.getSymbolicName(), e.getMessage());
                }
            }
        }
        return fragments;
    }

    private Set<ServedOperation> served() {
        Set<ServedOperation> served = new HashSet<>();
        for (ApplicationDTO app : runtime.getRuntimeDTO().applicationDTOs) {
            if (!ApomApplication.NAME.equals(app.name)) {
                continue;
            }
            add(served, app.resourceMethods);
            for (ResourceDTO resource : app.resourceDTOs) {
                add(served, resource.resourceMethods);
            }
        }
        return served;
    }

    private static void add(Set<ServedOperation> served, ResourceMethodInfoDTO[] methods) {
        if (methods != null) {
            for (ResourceMethodInfoDTO m : methods) {
                if (m.method != null) {
                    served.add(new ServedOperation(m.method, m.path));
                }
            }
        }
    }
}
