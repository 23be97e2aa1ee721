package org.apom.registry.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.apom.core.api.DistrictCode;
import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.SubdistrictCode;
import org.apom.core.api.problem.Preconditions;
import org.apom.core.api.problem.ProblemException;
import org.apom.core.api.problem.Requests;
import org.apom.registry.api.Volunteer;
import org.apom.registry.api.VolunteerInput;
import org.apom.registry.api.VolunteerRegistry;
import org.apom.registry.api.VolunteerSearch;
import org.apom.registry.api.VolunteerStatus;
import org.apom.registry.internal.PersonalData;
import org.apom.security.api.AuditEntry;
import org.apom.security.api.Caller;
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

/** The register over HTTP (shared/docs/api.md); personal data masked unless the caller may see it. */
@Component(service = VolunteersResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("volunteers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "volunteers", description = "The national register of volunteers")
@SecurityRequirement(name = "basicAuth")
public final class VolunteersResource {

    private final VolunteerRegistry registry;

    @Activate
    public VolunteersResource(@Reference VolunteerRegistry registry) {
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerVolunteer",
            summary = "Register a volunteer; 409 if the national ID is already registered")
    @ApiResponse(responseCode = "201",
            headers = {@Header(name = "ETag", ref = "#/components/headers/ETag"),
                    @Header(name = "Location", ref = "#/components/headers/Location")},
            description = "Registered; Location names the record",
            content = @Content(schema = @Schema(implementation = VolunteerJson.class)))
    public Response register(VolunteerInput input, @Context SecurityContext security, @Context UriInfo uri) {
        Caller caller = callerOf(security.getUserPrincipal());
        Volunteer v = registry.register(caller, Requests.body(input));
        return Response.created(uri.getAbsolutePathBuilder().path(v.id()).build()).tag(etag(v))
                .entity(VolunteerJson.of(v, PersonalData.visibleTo(caller, v))).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getVolunteer", summary = "One volunteer, with its ETag")
    @ApiResponse(responseCode = "200",
            headers = @Header(name = "ETag", ref = "#/components/headers/ETag"),
            description = "The volunteer",
            content = @Content(schema = @Schema(implementation = VolunteerJson.class)))
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = callerOf(security.getUserPrincipal());
        return answer(caller, registry.get(caller, id));
    }

    @GET
    @Operation(operationId = "searchVolunteers",
            summary = "Search: by area, status, staleness, and q = a name prefix or a whole national ID")
    @ApiResponse(responseCode = "200", description = "A page of volunteers", useReturnTypeSchema = true)
    public Page<VolunteerJson> search(@QueryParam("province") String province,
            @QueryParam("district") String district, @QueryParam("subdistrict") String subdistrict,
            @QueryParam("status") String status, @QueryParam("q") String q,
            @QueryParam("verifiedBefore") String verifiedBefore, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        Caller caller = callerOf(security.getUserPrincipal());
        VolunteerSearch search = new VolunteerSearch(param("province", province, ProvinceCode::of),
                param("district", district, DistrictCode::of), param("subdistrict", subdistrict, SubdistrictCode::of),
                param("status", status, VolunteersResource::status), param("q", q, VolunteersResource::query),
                param("verifiedBefore", verifiedBefore, VolunteersResource::date));
        return registry.search(caller, search, Requests.page(limit, cursor)).map(v -> VolunteerJson.of(v, PersonalData.visibleTo(caller, v)));
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeVolunteerStatus",
            summary = "Change the status, with a reason; 409 when the transition is not allowed")
    @ApiResponse(responseCode = "200",
            headers = @Header(name = "ETag", ref = "#/components/headers/ETag"),
            description = "The volunteer",
            content = @Content(schema = @Schema(implementation = VolunteerJson.class)))
    public Response changeStatus(@PathParam("id") String id, StatusChange change, @Context SecurityContext security) {
        Caller caller = callerOf(security.getUserPrincipal());
        VolunteerStatus next = change == null || change.status() == null ? null
                : param("status", change.status(), VolunteersResource::status);
        return answer(caller, registry.changeStatus(caller, id, next, change == null ? null : change.reason()));
    }

    @POST
    @Path("{id}/verifications")
    @Operation(operationId = "verifyVolunteer",
            summary = "Record that the caller confirmed today that the record is current")
    @ApiResponse(responseCode = "200",
            headers = @Header(name = "ETag", ref = "#/components/headers/ETag"),
            description = "The volunteer",
            content = @Content(schema = @Schema(implementation = VolunteerJson.class)))
    public Response verify(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = callerOf(security.getUserPrincipal());
        return answer(caller, registry.verify(caller, id));
    }

    @POST
    @Path("{id}/merges")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "mergeVolunteers",
            summary = "Merge a duplicate into this record, which survives; both histories stay. If-Match with "
            + "this record's ETag and mergedIfMatch with the duplicate's are required (428 without, 412 when stale)")
    @ApiResponse(responseCode = "200",
            headers = @Header(name = "ETag", ref = "#/components/headers/ETag"),
            description = "The surviving volunteer",
            content = @Content(schema = @Schema(implementation = VolunteerJson.class)))
    public Response merge(@PathParam("id") String id, Merge merge,
            @Parameter(description = "the ETag you read", required = true) @HeaderParam("If-Match") String ifMatch,
            @Context SecurityContext security) {
        Caller caller = callerOf(security.getUserPrincipal());
        long survivorVersion = Preconditions.expectedVersion(ifMatch);
        Merge body = Requests.body(merge);
        long mergedVersion = Preconditions.expectedVersion(body.mergedIfMatch());
        return answer(caller, registry.merge(caller, id, survivorVersion, body.merged(), mergedVersion));
    }

    @PATCH
    @Path("{id}")
    @Consumes("application/merge-patch+json")
    @Operation(operationId = "updateVolunteer", summary = "Change fields (JSON merge patch); If-Match with the ETag "
            + "you read is required", requestBody = @RequestBody(required = true, content = @Content(
                    mediaType = "application/merge-patch+json",
                    schema = @Schema(implementation = VolunteerPatchJson.class))))
    @ApiResponse(responseCode = "200",
            headers = @Header(name = "ETag", ref = "#/components/headers/ETag"),
            description = "The changed volunteer",
            content = @Content(schema = @Schema(implementation = VolunteerJson.class)))
    public Response update(@PathParam("id") String id, Map<String, Object> patch,
            @Parameter(description = "the ETag you read", required = true) @HeaderParam("If-Match") String ifMatch,
            @Context SecurityContext security) {
        Caller caller = callerOf(security.getUserPrincipal());
        long expected = Preconditions.expectedVersion(ifMatch);
        return answer(caller, registry.update(caller, id, texts(patch), expected));
    }

    @GET
    @Path("{id}/history")
    @Operation(operationId = "getVolunteerHistory", summary = "Every change of the record, oldest first (personal "
            + "data masked), answered whole")
    @ApiResponse(responseCode = "200", description = "The changes", useReturnTypeSchema = true)
    public Page<AuditEntry> history(@PathParam("id") String id, @Context SecurityContext security) {
        return Page.complete(registry.history(callerOf(security.getUserPrincipal()), id));
    }

    private static Map<String, String> texts(Map<String, Object> patch) {
        Requests.body(patch);
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            Object value = e.getValue();
            if (value != null && !(value instanceof String)) {
                throw ProblemException.badRequest("invalid-json", LocalizedText.of(
                        "The field " + e.getKey() + " is text (or null to clear it).",
                        "ฟิลด์ " + e.getKey() + " ต้องเป็นข้อความ (หรือ null เพื่อล้างค่า)"));
            }
            texts.put(e.getKey(), (String) value);
        }
        return texts;
    }

    /** One volunteer, masked as the caller must see it, with its ETag. */
    private static Response answer(Caller caller, Volunteer v) {
        return Response.ok(VolunteerJson.of(v, PersonalData.visibleTo(caller, v))).tag(etag(v)).build();
    }

    private static EntityTag etag(Volunteer v) {
        return new EntityTag(Long.toString(v.version()));
    }

    private static <T> T param(String name, String value, Function<String, T> parse) {
        return value == null || value.isBlank() ? null : ProblemException.parameter(name, value, parse);
    }

    private static VolunteerStatus status(String text) {
        try {
            return VolunteerStatus.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("status", LocalizedText.of(
                    "status is one of " + Arrays.toString(VolunteerStatus.values()) + ".",
                    "สถานะต้องเป็นหนึ่งใน " + Arrays.toString(VolunteerStatus.values())));
        }
    }

    private static String query(String text) {
        if (text.length() > 100) {
            throw new InvalidValueException("too-long", LocalizedText.of("q has at most 100 characters.",
                    "q ยาวได้ไม่เกิน 100 ตัวอักษร"));
        }
        return text;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("format", LocalizedText.of("A date such as 2026-03-15.",
                    "วันที่ เช่น 2026-03-15"));
        }
    }
}
