package org.apom.security.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.apom.core.api.problem.Requests;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.problem.ProblemException;
import org.apom.security.api.AuditEntry;
import org.apom.security.api.AuditQuery;
import org.apom.security.api.AuditTrail;
import org.apom.security.api.AuditSealing;
import org.apom.security.api.Caller;
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

/** The audit trail, for auditors and central admins. */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "The append-only, hash-chained audit trail")
@SecurityRequirement(name = "basicAuth")
public final class AuditResource {

    private final AuditTrail trail;

    @Activate
    public AuditResource(@Reference AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @Operation(operationId = "listAuditEntries",
            summary = "Entries, oldest first, filtered by entity, id, actor and time")
    @ApiResponse(responseCode = "200", description = "A page of entries", useReturnTypeSchema = true)
    public Page<AuditEntry> entries(@QueryParam("entity") String entity, @QueryParam("id") String id,
            @QueryParam("actor") String actor,
            @Parameter(description = "ISO instant, inclusive", example = "\"2026-11-01T00:00:00Z\"") @QueryParam("from") String from,
            @Parameter(description = "ISO instant, exclusive") @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        AuditQuery query = new AuditQuery(blankToNull(entity), blankToNull(id), blankToNull(actor),
                instant("from", from), instant("to", to));
        return trail.query(callerOf(security.getUserPrincipal()), query, Requests.page(limit, cursor));
    }

    @GET
    @Path("verification")
    @Operation(operationId = "verifyAuditChain",
            summary = "Check the whole chain (intact, or where an entry was edited or removed) and how many "
            + "committed entries wait to be sealed into it")
    @ApiResponse(responseCode = "200", description = "The result", useReturnTypeSchema = true)
    public VerificationJson verify(@Context SecurityContext security) {
        Caller caller = callerOf(security.getUserPrincipal());
        // sealing first: an entry waiting then is in the chain checked, or still counted as waiting
        AuditSealing sealing = trail.sealing(caller);
        return VerificationJson.of(trail.verify(caller), sealing);
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, new InvalidValueException("format", LocalizedText.of(
                    "Expected an ISO instant such as 2026-11-01T00:00:00Z.", "ต้องเป็นเวลาแบบ ISO เช่น 2026-11-01T00:00:00Z")));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
