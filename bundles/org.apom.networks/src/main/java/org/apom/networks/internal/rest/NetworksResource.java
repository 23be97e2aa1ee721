package org.apom.networks.internal.rest;

import static org.apom.security.api.CallerPrincipal.callerOf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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

import org.apom.core.api.InvalidValueException;
import org.apom.core.api.LocalizedText;
import org.apom.core.api.Page;
import org.apom.core.api.PageRequest;
import org.apom.core.api.ProvinceCode;
import org.apom.core.api.problem.Preconditions;
import org.apom.core.api.problem.ProblemException;
import org.apom.core.api.problem.Requests;
import org.apom.networks.api.Committee;
import org.apom.networks.api.CommitteeInput;
import org.apom.networks.api.Membership;
import org.apom.networks.api.Network;
import org.apom.networks.api.NetworkCommittees;
import org.apom.networks.api.NetworkInput;
import org.apom.networks.api.NetworkLevel;
import org.apom.networks.api.NetworkMembers;
import org.apom.networks.api.NetworkQuery;
import org.apom.networks.api.Networks;
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

/** Networks over HTTP: the networks, their members and their committees (activities: {@link ActivitiesResource}). */
@Component(service = NetworksResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=apom)")
@JSONRequired
@Path("networks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "networks", description = "Volunteer networks at every level: members, committees, activities")
@SecurityRequirement(name = "basicAuth")
public final class NetworksResource {

    private final Networks networks;
    private final NetworkMembers members;
    private final NetworkCommittees committees;

    @Activate
    public NetworksResource(@Reference Networks networks, @Reference NetworkMembers members,
            @Reference NetworkCommittees committees) {
        this.networks = networks;
        this.members = members;
        this.committees = committees;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createNetwork", summary = "Create a network at its level and area; 409 when the area "
            + "has a network of that name")
    @ApiResponse(responseCode = "201", headers = {@Header(name = "ETag", ref = "#/components/headers/ETag"),
            @Header(name = "Location", ref = "#/components/headers/Location")}, description = "Created",
            content = @Content(schema = @Schema(implementation = NetworkJson.class)))
    public Response create(NetworkInput input, @Context SecurityContext security, @Context UriInfo uri) {
        Network n = networks.create(caller(security), Requests.body(input));
        return Response.created(uri.getAbsolutePathBuilder().path(n.id()).build()).tag(etag(n.version()))
                .entity(NetworkJson.of(n)).build();
    }

    @GET
    @Operation(operationId = "searchNetworks", summary = "Networks in your reach by name, filtered by province, "
            + "level, area and current tier")
    @ApiResponse(responseCode = "200", description = "A page of networks", useReturnTypeSchema = true)
    public Page<NetworkJson> search(@QueryParam("province") String province, @QueryParam("level") String level,
            @QueryParam("areaCode") String areaCode,
            @Parameter(description = "the current computed tier (currentTier.tier): A, B or C",
                    schema = @Schema(allowableValues = {"A", "B", "C"})) @QueryParam("tier") String tier,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        NetworkQuery query = new NetworkQuery(param("province", province, ProvinceCode::of),
                param("level", level, NetworksResource::level), param("areaCode", areaCode, NetworksResource::area),
                param("tier", tier, NetworksResource::tier));
        try {
            return networks.search(caller(security), query, Requests.page(limit, cursor)).map(NetworkJson::of);
        } catch (InvalidValueException e) {
            throw ProblemException.badParameter("cursor", e);
        }
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getNetwork", summary = "One network, with its ETag")
    @ApiResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "#/components/headers/ETag"),
            description = "The network", content = @Content(schema = @Schema(implementation = NetworkJson.class)))
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        Network n = networks.get(caller(security), id);
        return Response.ok(NetworkJson.of(n)).tag(etag(n.version())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes("application/merge-patch+json")
    @Operation(operationId = "updateNetwork", summary = "Correct the name or founding date (JSON merge patch); "
            + "If-Match with the ETag you read is required", requestBody = @RequestBody(required = true,
                    content = @Content(mediaType = "application/merge-patch+json",
                            schema = @Schema(implementation = NetworkPatchJson.class))))
    @ApiResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "#/components/headers/ETag"),
            description = "The network", content = @Content(schema = @Schema(implementation = NetworkJson.class)))
    public Response update(@PathParam("id") String id, Map<String, Object> patch,
            @Parameter(description = "the ETag you read", required = true) @HeaderParam("If-Match") String ifMatch,
            @Context SecurityContext security) {
        long expected = Preconditions.expectedVersion(ifMatch);
        Network n = networks.update(caller(security), id, texts(patch), expected);
        return Response.ok(NetworkJson.of(n)).tag(etag(n.version())).build();
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addNetworkMember", summary = "A volunteer joins the network (active, living in its "
            + "area); 409 when a member already")
    @ApiResponse(responseCode = "201", headers = @Header(name = "Location", ref = "#/components/headers/Location"),
            description = "Joined", content = @Content(schema = @Schema(implementation = MembershipJson.class)))
    public Response join(@PathParam("id") String id, JoinJson join, @Context SecurityContext security,
            @Context UriInfo uri) {
        JoinJson body = Requests.body(join);
        Membership m = members.join(caller(security), id, body.volunteerId(), body.since());
        return Response.created(uri.getAbsolutePathBuilder().path(m.volunteerId()).build())
                .entity(MembershipJson.of(m)).build();
    }

    @GET
    @Path("{id}/members")
    @Operation(operationId = "listNetworkMembers", summary = "The members today, by volunteer id; with history=true "
            + "also the memberships that ended")
    @ApiResponse(responseCode = "200", description = "A page of memberships", useReturnTypeSchema = true)
    public Page<MembershipJson> members(@PathParam("id") String id, @QueryParam("history") String history,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context SecurityContext security) {
        boolean all = Boolean.TRUE.equals(param("history", history, NetworksResource::bool));
        try {
            return members.members(caller(security), id, all, Requests.page(limit, cursor)).map(MembershipJson::of);
        } catch (InvalidValueException e) {
            throw ProblemException.badParameter("cursor", e);
        }
    }

    @GET
    @Path("{id}/members/{volunteerId}")
    @Operation(operationId = "getNetworkMembership", summary = "A volunteer's memberships of the network, latest "
            + "first, answered whole; 404 when there never was one")
    @ApiResponse(responseCode = "200", description = "The memberships", useReturnTypeSchema = true)
    public Page<MembershipJson> membership(@PathParam("id") String id, @PathParam("volunteerId") String volunteerId,
            @Context SecurityContext security) {
        List<Membership> found = members.memberships(caller(security), id, volunteerId);
        if (found.isEmpty()) {
            throw ProblemException.notFound("not-a-member", LocalizedText.of("This volunteer was never a member of "
                    + "the network.", "อาสาสมัครนี้ไม่เคยเป็นสมาชิกของเครือข่าย"));
        }
        return Page.complete(found.stream().map(MembershipJson::of).toList());
    }

    @DELETE
    @Path("{id}/members/{volunteerId}")
    @Operation(operationId = "endNetworkMembership", summary = "End a membership (kept as history); 409 while the "
            + "member sits on the current committee")
    @ApiResponse(responseCode = "200", description = "The ended membership",
            content = @Content(schema = @Schema(implementation = MembershipJson.class)))
    public MembershipJson leave(@PathParam("id") String id, @PathParam("volunteerId") String volunteerId,
            @Parameter(description = "the last day (ISO or d/m/yyyy in the Buddhist era); today when left out")
            @QueryParam("until") String until, @QueryParam("reason") String reason,
            @Context SecurityContext security) {
        return MembershipJson.of(members.leave(caller(security), id, volunteerId, until, reason));
    }

    @GET
    @Path("{id}/committee")
    @Operation(operationId = "getNetworkCommittee", summary = "The current committee, with its ETag; 404 when none "
            + "was appointed")
    @ApiResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "#/components/headers/ETag"),
            description = "The committee", content = @Content(schema = @Schema(implementation = CommitteeJson.class)))
    public Response committee(@PathParam("id") String id, @Context SecurityContext security) {
        Committee c = committees.current(caller(security), id).orElseThrow(() -> ProblemException.notFound(
                "no-committee", LocalizedText.of("No committee was appointed yet: PUT one with If-Match: \"0\".",
                        "ยังไม่มีการแต่งตั้งคณะกรรมการ")));
        return Response.ok(CommitteeJson.of(c)).tag(etag(c.version())).build();
    }

    @PUT
    @Path("{id}/committee")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "appointNetworkCommittee", summary = "Appoint a committee, replacing the current one "
            + "(kept in history); If-Match with its ETag (\"0\" when there is none; * for whatever is current) is required")
    @ApiResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "#/components/headers/ETag"),
            description = "The committee", content = @Content(schema = @Schema(implementation = CommitteeJson.class)))
    public Response appoint(@PathParam("id") String id, CommitteeInput input,
            @Parameter(description = "the committee's ETag (\"0\" when there is none yet), or * for whatever is current",
                    required = true)
            @HeaderParam("If-Match") String ifMatch, @Context SecurityContext security) {
        long expected = Preconditions.expectedVersion(ifMatch);
        Committee c = committees.appoint(caller(security), id, Requests.body(input), expected);
        return Response.ok(CommitteeJson.of(c)).tag(etag(c.version())).build();
    }

    @GET
    @Path("{id}/committees")
    @Operation(operationId = "listNetworkCommittees", summary = "Every committee of the network, the current one "
            + "first, answered whole")
    @ApiResponse(responseCode = "200", description = "The committees", useReturnTypeSchema = true)
    public Page<CommitteeJson> committees(@PathParam("id") String id, @Context SecurityContext security) {
        return Page.complete(committees.history(caller(security), id).stream().map(CommitteeJson::of).toList());
    }

    private static Caller caller(SecurityContext security) {
        return callerOf(security.getUserPrincipal());
    }

    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    private static Map<String, String> texts(Map<String, Object> patch) {
        Requests.body(patch);
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            if (!(e.getValue() instanceof String value)) {
                throw ProblemException.badRequest("invalid-json", LocalizedText.of("The field " + e.getKey()
                        + " is text.", "ฟิลด์ " + e.getKey() + " ต้องเป็นข้อความ"));
            }
            texts.put(e.getKey(), value);
        }
        return texts;
    }

    private static <T> T param(String name, String value, Function<String, T> parse) {
        return value == null || value.isBlank() ? null : ProblemException.parameter(name, value.strip(), parse);
    }

    private static NetworkLevel level(String text) {
        try {
            return NetworkLevel.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("unknown", LocalizedText.of("level is SUBDISTRICT, DISTRICT, PROVINCE or "
                    + "NATIONAL.", "level ต้องเป็น SUBDISTRICT, DISTRICT, PROVINCE หรือ NATIONAL"));
        }
    }

    private static String area(String text) {
        if (!text.matches("\\d{2}|\\d{4}|\\d{6}")) {
            throw new InvalidValueException("format", LocalizedText.of("areaCode is a province (2 digits), district "
                    + "(4) or subdistrict (6) code.", "areaCode ต้องเป็นรหัสจังหวัด (2 หลัก) อำเภอ (4) หรือตำบล (6)"));
        }
        return text;
    }

    private static String tier(String text) {
        if (!text.matches("[ABC]")) {
            throw new InvalidValueException("unknown", LocalizedText.of("tier is A, B or C.",
                    "tier ต้องเป็น A, B หรือ C"));
        }
        return text;
    }

    private static Boolean bool(String text) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new InvalidValueException("format", LocalizedText.of("history is true or false.",
                    "history ต้องเป็น true หรือ false"));
        }
        return Boolean.valueOf(text);
    }
}
