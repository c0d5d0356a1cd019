package io.sanctionsrisk.sanctions.rest;

import io.sanctionsrisk.sanctions.AuditedEntity;
import io.sanctionsrisk.sanctions.IncidentData;
import io.sanctionsrisk.sanctions.dto.DataVersionView;
import io.sanctionsrisk.sanctions.dto.IncidentView;
import io.sanctionsrisk.sanctions.persistence.IncidentRepository;
import io.sanctionsrisk.sanctions.service.DataVersionService;
import io.sanctionsrisk.sanctions.service.IncidentCursor;
import io.sanctionsrisk.sanctions.service.IncidentFilters;
import io.sanctionsrisk.sanctions.service.IncidentService;
import io.sanctionsrisk.sanctions.service.IncidentSorts;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.CallerResolver;
import io.sanctionsrisk.sanctions.web.Conditional;
import io.sanctionsrisk.sanctions.web.Paging;
import io.sanctionsrisk.sanctions.web.Params;
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

@Path("/api/v1/incidents")
@Tag(name = "incidents", description = "Heists and attempted heists")
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
public class IncidentResource {

    private final IncidentService service;
    private final DataVersionService dataVersion;
    private final Paging paging;
    private final IncidentFilters filters;
    private final CallerResolver caller;

    public IncidentResource(
            IncidentService service,
            DataVersionService dataVersion,
            Paging paging,
            IncidentFilters filters,
            CallerResolver caller) {
        this.service = service;
        this.dataVersion = dataVersion;
        this.paging = paging;
        this.filters = filters;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "List incidents",
            description = "Filtered and paged, by page number or by the nextCursor of the previous answer; a stable"
                    + " order (the sort, then the key). Tagged with the data version (ETag).")
    @APIResponse(responseCode = "200", description = "A page of incidents")
    @APIResponse(responseCode = "304", description = "Not modified since the data version in If-None-Match")
    public Response list(
            @Parameter(description = "First action on or after (yyyy-mm-dd)", example = "2016-01-01")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "First action on or before (yyyy-mm-dd)", example = "2018-12-31") @QueryParam("to")
                    String to,
            @Parameter(description = "Actor key", example = "apt38") @QueryParam("actor") String actor,
            @Parameter(description = "Sector code", example = "commercial-bank") @QueryParam("sector") String sector,
            @Parameter(description = "Region code (a sub-region or a region above it)", example = "southern-asia")
                    @QueryParam("region")
                    String region,
            @Parameter(description = "Country (alpha-2)", example = "BD") @QueryParam("country") String country,
            @Parameter(description = "Vector code", example = "swift-fraud") @QueryParam("vector") String vector,
            @Parameter(
                            description = "firstActionDate (default), key, attemptedUsd or realisedUsd; prefix '-' for"
                                    + " descending",
                            example = "-realisedUsd")
                    @QueryParam("sort")
                    String sort,
            @Parameter(description = "Page, from 0; not with cursor", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1..500 (default 50)", example = "50") @QueryParam("size") String size,
            @Parameter(
                            description = "The nextCursor of a previous answer: the page after it, found through an"
                                    + " index so deep pages cost what the first costs. Send the same sort and"
                                    + " filters (else 400); not with page. Every sort supports it.")
                    @QueryParam("cursor")
                    String cursor,
            @Context HttpHeaders headers) {
        IncidentRepository.Filter filter = filters.incidents(from, to, actor, sector, region, country, vector);
        IncidentRepository.Order order = IncidentSorts.parse(sort);
        Paging.Request request = paging.parse(page, size);
        String cursorText = Params.text(cursor);
        IncidentRepository.Position after = null;
        if (cursorText != null) {
            if (Params.text(page) != null) {
                throw ApiProblem.invalidParameter(
                        "page", "'page' and 'cursor' cannot be combined; a cursor already says where the page starts");
            }
            after = IncidentCursor.read(cursorText, order, filter);
        }
        IncidentRepository.Position position = after;
        DataVersionView version = dataVersion.current();
        return Conditional.ok(
                headers,
                version,
                () -> position == null
                        ? service.list(filter, order, request.page(), request.size(), version.version())
                        : service.listAfter(filter, order, position, request.size(), version.version()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one incident by its key", description = "Tagged with the incident's entity tag.")
    @APIResponse(
            responseCode = "200",
            description = "The incident",
            content = @Content(schema = @Schema(implementation = IncidentView.class)))
    public Response get(
            @Parameter(description = "Natural key", example = "2016-bangladesh-bank") @PathParam("id") String id,
            @Context HttpHeaders headers) {
        DataVersionView version = dataVersion.current();
        IncidentView view = service.get(id);
        return Conditional.ok(headers, tag(view), version, () -> view);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(summary = "Create an incident", description = "409 if the key exists.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = IncidentView.class)))
    public Response create(IncidentData body, @Context UriInfo uri) {
        IncidentView view = service.create(SanctionResource.required(body), caller.current());
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
            summary = "Replace an incident",
            description = "Send the version last read in the body, or its ETag in If-Match. A stale version is a 409,"
                    + " a non-matching If-Match a 412, neither a 428.")
    @APIResponse(
            responseCode = "200",
            description = "Updated (or unchanged)",
            content = @Content(schema = @Schema(implementation = IncidentView.class)))
    public Response update(
            @Parameter(description = "Natural key", example = "2016-bangladesh-bank") @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            IncidentData body) {
        IncidentView view = service.update(id, SanctionResource.required(body), ifMatch, caller.current());
        return Response.ok(view).tag(SanctionResource.unquoted(tag(view))).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(summary = "Delete an incident", description = "If-Match is honoured when sent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch, caller.current());
        return Response.noContent().build();
    }

    private static String tag(IncidentView view) {
        return AuditedEntity.entityTag(view.version(), view.audit().createdAt());
    }
}
