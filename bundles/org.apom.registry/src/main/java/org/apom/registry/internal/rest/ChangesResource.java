package org.apom.registry.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import java.util.LinkedHashSet;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.ProblemException;
import org.apom.registry.api.ChangeFeed;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /changes}: what changed in the register since a position, for integrators who keep a copy. */
@Component(service = ChangesResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "changes", description = "The change feed: every change of the register, in the order it was made")
@SecurityRequirement(name = "basicAuth")
public final class ChangesResource {

    private final ChangeFeed feed;

    @Activate
    public ChangesResource(@Reference ChangeFeed feed) {
        this.feed = feed;
    }

    @GET
    @Operation(operationId = "listChanges", summary = "Changes after a position, oldest first, in the order they "
            + "were made; nextCursor is where to go on from (never null: poll it again later)")
    @ApiResponse(responseCode = "200", description = "A page of changes; empty when there is nothing new",
            useReturnTypeSchema = true)
    public Page<ChangeJson> changes(
            @Parameter(description = "a cursor this feed gave (nextCursor, or a change's cursor); from the start "
                    + "when left out") @QueryParam("after") String after,
            @Parameter(description = "kinds of record, comma-separated: volunteer, network, activity, tier-run, "
                    + "tier-override (the default: every kind you may read)")
            @QueryParam("types") String types,
            @Parameter(description = "one province's changes; every province you may read when left out")
            @QueryParam("province") String province,
            @QueryParam("limit") String limit, @Context SecurityContext security) {
        PageRequest page;
        long position;
        try {
            page = PageRequest.parse(limit, after);
            position = page.position();
        } catch (InvalidValueException e) {
            throw ProblemException.badParameter("cursor".equals(e.code()) ? "after" : "limit", e);
        }
        Set<String> asked = types(types);
        ProvinceCode only = province == null || province.isBlank() ? null
                : ProblemException.parameter("province", province, ProvinceCode::of);
        ChangeFeed.Changes changes;
        try {
            changes = feed.read(callerOf(security.getUserPrincipal()), position, only, asked, page.limit());
        } catch (InvalidValueException e) {
            throw ProblemException.badParameter("unknown-type".equals(e.code()) ? "types" : "after", e);
        }
        return new Page<>(changes.items().stream().map(ChangeJson::of).toList(),
                PageRequest.encode(Long.toString(changes.next())));
    }

    /** The kinds named, each once; empty for every kind. */
    private static Set<String> types(String types) {
        Set<String> asked = new LinkedHashSet<>();
        if (types != null && !types.isBlank()) {
            for (String type : types.split(",")) {
                asked.add(type.strip());
            }
        }
        return asked;
    }
}
