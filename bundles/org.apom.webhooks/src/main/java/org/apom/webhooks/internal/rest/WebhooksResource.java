package org.apom.webhooks.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.problem.ProblemException;
import org.apom.core.api.problem.Requests;
import org.apom.webhooks.internal.DeliveryInfo;
import org.apom.webhooks.internal.NewWebhook;
import org.apom.webhooks.internal.WebhookChange;
import org.apom.webhooks.internal.WebhookInfo;
import org.apom.webhooks.internal.WebhookService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Webhooks: the register's changes posted to an integrator's endpoint as they happen, signed, retried, logged. */
@Component(service = WebhooksResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks", description = "Changes of the register posted to your endpoint (Standard Webhooks signing)")
@SecurityRequirement(name = "basicAuth")
public final class WebhooksResource {

    private final WebhookService webhooks;

    @Activate
    public WebhooksResource(@Reference WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Register a webhook; its signing secret is shown in this "
            + "answer only")
    @ApiResponse(responseCode = "201",
            headers = @Header(name = "Location", ref = "#/components/headers/Location"),
            description = "Registered, with the secret",
            content = @Content(schema = @Schema(implementation = WebhookInfo.class)))
    public Response create(NewWebhook webhook, @Context SecurityContext security, @Context UriInfo uri) {
        WebhookInfo created = webhooks.create(callerOf(security.getUserPrincipal()), Requests.body(webhook));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).cacheControl(noStore)
                .entity(created).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "The webhooks you may manage, newest first (without secrets)")
    @ApiResponse(responseCode = "200", description = "A page of webhooks", useReturnTypeSchema = true)
    public Page<WebhookInfo> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context SecurityContext security) {
        try {
            return webhooks.list(callerOf(security.getUserPrincipal()), Requests.page(limit, cursor));
        } catch (InvalidValueException e) {
            throw ProblemException.badParameter("cursor", e);
        }
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "One webhook and how its endpoint fares")
    @ApiResponse(responseCode = "200", description = "The webhook", useReturnTypeSchema = true)
    public WebhookInfo get(@PathParam("id") String id, @Context SecurityContext security) {
        return webhooks.get(callerOf(security.getUserPrincipal()), id);
    }

    @PATCH
    @Path("{id}")
    @Consumes("application/merge-patch+json")
    @Operation(operationId = "updateWebhook", summary = "Change the URL, events or description, or disable and "
            + "enable it (JSON merge patch; a blank description removes it)",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/merge-patch+json",
                    schema = @Schema(implementation = WebhookChange.class))))
    @ApiResponse(responseCode = "200", description = "The changed webhook", useReturnTypeSchema = true)
    public WebhookInfo update(@PathParam("id") String id, WebhookChange change, @Context SecurityContext security) {
        return webhooks.change(callerOf(security.getUserPrincipal()), id, Requests.body(change));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Remove a webhook and its delivery log")
    @ApiResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        webhooks.delete(callerOf(security.getUserPrincipal()), id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The webhook's messages, newest first")
    @ApiResponse(responseCode = "200", description = "A page of messages", useReturnTypeSchema = true)
    public Page<DeliveryInfo> deliveries(@PathParam("id") String id,
            @Parameter(schema = @Schema(allowableValues = {"PENDING", "DELIVERED", "FAILED"}),
                    description = "only messages in this state") @QueryParam("state") String state,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context SecurityContext security) {
        PageRequest page = Requests.page(limit, cursor);
        try {
            return webhooks.deliveries(callerOf(security.getUserPrincipal()), id, state, page);
        } catch (InvalidValueException e) {
            throw ProblemException.badParameter("cursor", e);
        }
    }

    @GET
    @Path("{id}/deliveries/{deliveryId}")
    @Operation(operationId = "getWebhookDelivery", summary = "One message with every attempt to deliver it")
    @ApiResponse(responseCode = "200", description = "The message and its attempts", useReturnTypeSchema = true)
    public DeliveryInfo delivery(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId,
            @Context SecurityContext security) {
        return webhooks.delivery(callerOf(security.getUserPrincipal()), id, deliveryId);
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhookMessage", summary = "Send a message again, with the same id and body, "
            + "from the start of the retry schedule")
    @ApiResponse(responseCode = "202", description = "Queued to be sent again",
            content = @Content(schema = @Schema(implementation = DeliveryInfo.class)))
    public Response redeliver(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId,
            @Context SecurityContext security) {
        return Response.accepted(webhooks.redeliver(callerOf(security.getUserPrincipal()), id, deliveryId)).build();
    }
}
