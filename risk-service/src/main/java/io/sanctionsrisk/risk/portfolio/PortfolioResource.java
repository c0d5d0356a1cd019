package io.sanctionsrisk.risk.portfolio;

import io.sanctionsrisk.risk.web.PageQuery;
import io.sanctionsrisk.risk.web.PageView;
import io.sanctionsrisk.risk.web.Paging;
import io.sanctionsrisk.risk.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/portfolios")
@Tag(
        name = "portfolios",
        description = "An organisation's institutions, re-scored on every new model snapshot, with the changes")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(
        responseCode = "403",
        description = "The token lacks the role, or carries no organisation claim (type no-organisation)")
public class PortfolioResource {

    static final int MAX_SCORES_PAGE = 1_000;
    static final int MAX_PAGE = 100;
    private static final String NOT_FOUND =
            "No portfolio with this id in the caller's organisation (another organisation's portfolio answers the"
                    + " same)";

    private final PortfolioService portfolios;

    public PortfolioResource(PortfolioService portfolios) {
        this.portfolios = portfolios;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RISK_ANALYST, Roles.ADMIN})
    @Operation(
            operationId = "createPortfolio",
            summary = "Create an empty portfolio of the caller's organisation",
            description = "The organisation is the token's `organisation` claim; the portfolio is visible to that"
                    + " organisation only. Optional thresholds (scores strictly between 0 and 100) make each"
                    + " re-scoring report the institutions whose score crosses one.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = PortfolioRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "asia",
                                            value = "{\"name\": \"Correspondent banks, Asia\", \"thresholds\": [50,"
                                                    + " 75]}")))
    @APIResponse(
            responseCode = "201",
            description = "The portfolio; Location is its URL",
            content = @Content(schema = @Schema(implementation = PortfolioView.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON or does not match the schema")
    @APIResponse(
            responseCode = "422",
            description = "A name over 200 characters, more than 10 thresholds, or one" + " outside (0, 100)")
    public Response create(PortfolioRequest request) {
        PortfolioView view = portfolios.create(request);
        return Response.created(URI.create("/api/v1/portfolios/" + view.id()))
                .entity(view)
                .build();
    }

    @GET
    @RolesAllowed({Roles.RISK_ANALYST, Roles.COMPLIANCE_VIEWER, Roles.ADMIN})
    @Operation(
            operationId = "listPortfolios",
            summary = "The caller's organisation's portfolios, newest first",
            description = "Without their institutions; page from 0.")
    @APIResponse(
            responseCode = "200",
            description = "One page, newest first",
            content = @Content(schema = @Schema(implementation = PageView.class)))
    @APIResponse(responseCode = "400", description = "A bad page or size")
    public PageView<PortfolioView> list(@BeanParam PageQuery paging) {
        return portfolios.list(Paging.page(paging.page()), Paging.size(paging.size(), MAX_PAGE));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RISK_ANALYST, Roles.COMPLIANCE_VIEWER, Roles.ADMIN})
    @Operation(operationId = "getPortfolio", summary = "A portfolio, without its institutions")
    @APIResponse(
            responseCode = "200",
            description = "The portfolio",
            content = @Content(schema = @Schema(implementation = PortfolioView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public PortfolioView get(@PathParam("id") String id) {
        return portfolios.get(id);
    }

    @PUT
    @Path("/{id}/institutions")
    @Consumes({MediaType.APPLICATION_JSON, InstitutionUpload.NDJSON, InstitutionUpload.CSV})
    @RolesAllowed({Roles.RISK_ANALYST, Roles.ADMIN})
    @Operation(
            operationId = "replacePortfolioInstitutions",
            summary = "Replace a portfolio's institutions and score them",
            description = "A JSON array of institutions, NDJSON (one per line), or CSV with a header naming the"
                    + " columns institutionId, sector, country (required) and horizonDays, swiftConnectivity,"
                    + " cryptoCustody, correspondentExposure, controlMaturity (optional; an empty cell is left out)."
                    + " At most risk.portfolios.max-institutions (100,000). Every row is checked by the rules of POST"
                    + " /api/v1/scores against the serving snapshot, and institutionIds must be unique: one bad row"
                    + " and nothing is stored (422 listing the rows). Otherwise the institutions replace the old ones"
                    + " and are scored on the serving snapshot at once; the changes are counted against the"
                    + " portfolio's scoring on the previous snapshot. Audited (portfolio-institutions).")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.ARRAY, implementation = InstitutionRow.class),
                        examples =
                                @ExampleObject(
                                        name = "two",
                                        value = "[{\"institutionId\": \"bank-0042\", \"sector\": \"commercial-bank\","
                                                + " \"country\": \"BD\", \"exposure\": {\"swiftConnectivity\":"
                                                + " \"direct\"}}, {\"institutionId\": \"exchange-7\", \"sector\":"
                                                + " \"crypto-exchange\", \"country\": \"KR\"}]")),
                @Content(
                        mediaType = InstitutionUpload.NDJSON,
                        examples =
                                @ExampleObject(
                                        name = "two",
                                        value = "{\"institutionId\": \"a\", \"sector\": \"commercial-bank\","
                                                + " \"country\": \"VN\"}\n{\"institutionId\": \"b\", \"sector\":"
                                                + " \"central-bank\", \"country\": \"BD\"}\n")),
                @Content(
                        mediaType = InstitutionUpload.CSV,
                        examples =
                                @ExampleObject(
                                        name = "two",
                                        value = "institutionId,sector,country,swiftConnectivity\n"
                                                + "bank-0042,commercial-bank,BD,direct\n"
                                                + "exchange-7,crypto-exchange,KR,\n"))
            })
    @APIResponse(
            responseCode = "200",
            description = "The stored institutions' count and digest, and their scoring on the serving snapshot",
            content = @Content(schema = @Schema(implementation = InstitutionsView.class)))
    @APIResponse(responseCode = "400", description = "Not a JSON array, not UTF-8")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "413", description = "More institutions than the limit, or a body over 64 MB")
    @APIResponse(
            responseCode = "422",
            description = "Bad rows: unreadable, a missing or repeated institutionId, an unknown sector, country or"
                    + " exposure level, a bad horizon, a bad CSV header; each problem names its row ([i], and the"
                    + " line for NDJSON and CSV) and `rows` or `lines` lists the bad ones; nothing is stored")
    @APIResponse(responseCode = "503", ref = "NoSnapshot")
    public InstitutionsView replaceInstitutions(
            @PathParam("id") String id, InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        return portfolios.replaceInstitutions(id, body, contentType);
    }

    @GET
    @Path("/{id}/scores")
    @RolesAllowed({Roles.RISK_ANALYST, Roles.COMPLIANCE_VIEWER, Roles.ADMIN})
    @Operation(
            operationId = "getPortfolioScores",
            summary = "Each institution's latest score and band, and the change since the previous snapshot",
            description = "The portfolio's latest scoring (on the newest snapshot it was scored on: every new serving"
                    + " snapshot re-scores every portfolio), a page of its institutions in upload order, each with"
                    + " its score and band on the previous scoring's snapshot, the difference and whether the band"
                    + " changed.")
    @APIResponse(
            responseCode = "200",
            description = "The scoring's versions and band counts, and one page of institutions",
            content = @Content(schema = @Schema(implementation = ScoresView.class)))
    @APIResponse(responseCode = "400", description = "A bad page or size")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public ScoresView scores(
            @PathParam("id") String id,
            @Parameter(description = "Page, from 0", example = "0", schema = @Schema(type = SchemaType.INTEGER))
                    @QueryParam("page")
                    String page,
            @Parameter(
                            description = "Page size, 1..1000 (default 20)",
                            example = "100",
                            schema = @Schema(type = SchemaType.INTEGER))
                    @QueryParam("size")
                    String size) {
        return portfolios.scores(id, Paging.page(page), Paging.size(size, MAX_SCORES_PAGE));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.RISK_ANALYST, Roles.COMPLIANCE_VIEWER, Roles.ADMIN})
    @Operation(
            operationId = "getPortfolioHistory",
            summary = "The portfolio's scorings, newest snapshot first",
            description = "One entry per snapshot the portfolio was scored on: why, the versions, the band counts,"
                    + " the band changes and threshold crossings against the scoring before. With ?institutionId="
                    + " each entry also holds that institution's score and band on its snapshot.")
    @APIResponse(
            responseCode = "200",
            description = "One page of scorings",
            content = @Content(schema = @Schema(implementation = PageView.class)))
    @APIResponse(responseCode = "400", description = "A bad page or size")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public PageView<ScoringView> history(
            @PathParam("id") String id,
            @BeanParam PageQuery paging,
            @Parameter(description = "An institution whose score to follow", example = "bank-0042")
                    @QueryParam("institutionId")
                    String institutionId) {
        return portfolios.history(
                id,
                Paging.page(paging.page()),
                Paging.size(paging.size(), MAX_PAGE),
                institutionId == null || institutionId.isBlank() ? null : institutionId);
    }
}
