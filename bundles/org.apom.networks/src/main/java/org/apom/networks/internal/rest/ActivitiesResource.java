package org.apom.networks.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.problem.ProblemException;
import org.apom.core.api.problem.Requests;
import org.apom.networks.api.Activity;
import org.apom.networks.api.ActivityQuery;
import org.apom.networks.api.NetworkActivities;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A network's activity log over HTTP. */
@Component(service = ActivitiesResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("networks/{id}/activities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "networks")
@SecurityRequirement(name = "basicAuth")
public final class ActivitiesResource {

    private final NetworkActivities activities;

    @Activate
    public ActivitiesResource(@Reference NetworkActivities activities) {
        this.activities = activities;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordActivity", summary = "Record an activity for all of its participants at once; "
            + "409 when the network has one of that kind and title that day")
    @ApiResponse(responseCode = "201", headers = @Header(name = "Location", ref = "#/components/headers/Location"),
            description = "Recorded", content = @Content(schema = @Schema(implementation = ActivityJson.class)))
    public Response record(@PathParam("id") String id, NewActivityJson activity, @Context SecurityContext security,
            @Context UriInfo uri) {
        Activity a = activities.record(callerOf(security.getUserPrincipal()), id, Requests.body(activity).toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(a.id()).build()).entity(ActivityJson.of(a)).build();
    }

    @GET
    @Operation(operationId = "listActivities", summary = "The network's activities, newest first, by dates "
            + "(inclusive) and kind")
    @ApiResponse(responseCode = "200", description = "A page of activities", useReturnTypeSchema = true)
    public Page<ActivityJson> list(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("kind") String kind, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        ActivityQuery query = new ActivityQuery(date("from", from), date("to", to),
                kind == null || kind.isBlank() ? null : kind.strip());
        try {
            return activities.list(callerOf(security.getUserPrincipal()), id, query, Requests.page(limit, cursor))
                    .map(ActivityJson::listed);
        } catch (InvalidValueException e) {
            throw ProblemException.badParameter("cursor", e);
        }
    }

    @GET
    @Path("{activityId}")
    @Operation(operationId = "getActivity", summary = "One activity of the network")
    @ApiResponse(responseCode = "200", description = "The activity",
            content = @Content(schema = @Schema(implementation = ActivityJson.class)))
    public ActivityJson get(@PathParam("id") String id, @PathParam("activityId") String activityId,
            @Context SecurityContext security) {
        return ActivityJson.of(activities.get(callerOf(security.getUserPrincipal()), id, activityId));
    }

    private static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return ProblemException.parameter(name, text.strip(), t -> {
            try {
                return LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                throw new InvalidValueException("format", LocalizedText.of(name + " is an ISO date (2026-03-15).",
                        name + " ต้องเป็นวันที่แบบ ISO (2026-03-15)"));
            }
        });
    }
}
