package io.sanctionsrisk.sanctions.rest;

import io.sanctionsrisk.sanctions.ActorData;
import io.sanctionsrisk.sanctions.AuditedEntity;
import io.sanctionsrisk.sanctions.dto.ActorView;
import io.sanctionsrisk.sanctions.dto.DataVersionView;
import io.sanctionsrisk.sanctions.service.ActorService;
import io.sanctionsrisk.sanctions.service.DataVersionService;
import io.sanctionsrisk.sanctions.web.CallerResolver;
import io.sanctionsrisk.sanctions.web.Conditional;
import io.sanctionsrisk.sanctions.web.Paging;
import io.sanctionsrisk.sanctions.web.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/actors")
@Tag(name = "actors", description = "Threat actors and their aliases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
@APIResponse(
        responseCode = "400",
        description = "Invalid input; the problem names the field",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "401",
        description = "No or invalid token",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "The token lacks the role",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "404",
        description = "No record with this key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class ActorResource {

    private final ActorService service;
    private final DataVersionService dataVersion;
    private final Paging paging;
    private final CallerResolver caller;

    public ActorResource(ActorService service, DataVersionService dataVersion, Paging paging, CallerResolver caller) {
        this.service = service;
        this.dataVersion = dataVersion;
        this.paging = paging;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List threat actors", description = "Ordered by key. Tagged with the data version (ETag).")
    @APIResponse(responseCode = "200", description = "A page of actors")
    @APIResponse(responseCode = "304", description = "Not modified since the data version in If-None-Match")
    public Response list(
            @Parameter(description = "Page, from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1..500 (default 50)", example = "50") @QueryParam("size") String size,
            @Context HttpHeaders headers) {
        Paging.Request request = paging.parse(page, size);
        DataVersionView version = dataVersion.current();
        return Conditional.ok(headers, version, () -> service.list(request.page(), request.size()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one threat actor by its key", description = "Tagged with the actor's entity tag.")
    @APIResponse(
            responseCode = "200",
            description = "The actor",
            content = @Content(schema = @Schema(implementation = ActorView.class)))
    public Response get(
            @Parameter(description = "Natural key", example = "apt38") @PathParam("id") String id,
            @Context HttpHeaders headers) {
        DataVersionView version = dataVersion.current();
        ActorView view = service.get(id);
        return Conditional.ok(headers, tag(view), version, () -> view);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(summary = "Create a threat actor", description = "409 if the key exists.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = ActorView.class)))
    public Response create(ActorData body, @Context UriInfo uri) {
        ActorView view = service.create(SanctionResource.required(body), caller.current());
        return Response.created(uri.getAbsolutePathBuilder().path(view.key()).build())
                .tag(SanctionResource.unquoted(tag(view)))
                .entity(view)
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(
            summary = "Replace a threat actor",
            description = "Send the version last read in the body, or its ETag in If-Match. A stale version is a 409,"
                    + " a non-matching If-Match a 412, neither a 428.")
    @APIResponse(
            responseCode = "200",
            description = "Updated (or unchanged)",
            content = @Content(schema = @Schema(implementation = ActorView.class)))
    public Response update(
            @Parameter(description = "Natural key", example = "apt38") @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            ActorData body) {
        ActorView view = service.update(id, SanctionResource.required(body), ifMatch, caller.current());
        return Response.ok(view).tag(SanctionResource.unquoted(tag(view))).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(
            summary = "Delete a threat actor",
            description = "409 while incidents are attributed to it. If-Match is honoured when sent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch, caller.current());
        return Response.noContent().build();
    }

    private static String tag(ActorView view) {
        return AuditedEntity.entityTag(view.version(), view.audit().createdAt());
    }
}
