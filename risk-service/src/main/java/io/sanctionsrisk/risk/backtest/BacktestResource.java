package io.sanctionsrisk.risk.backtest;

import io.sanctionsrisk.risk.web.PageQuery;
import io.sanctionsrisk.risk.web.PageView;
import io.sanctionsrisk.risk.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/backtests")
@Tag(name = "backtests", description = "Rolling-origin backtests of the model against its two baselines")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class BacktestResource {

    private final BacktestService backtests;

    public BacktestResource(BacktestService backtests) {
        this.backtests = backtests;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.POLICY_ANALYST, Roles.ADMIN})
    @Operation(
            operationId = "createBacktest",
            summary = "Run and store a rolling-origin backtest",
            description = "On the serving snapshot's data: for origins T_1, T_1 + step, ... fits the full model, the"
                    + " Hawkes model without sanctions and the homogeneous Poisson model to the data up to the origin,"
                    + " predicts the next window and scores the prediction against what happened (out-of-sample"
                    + " log-likelihood per heist, coverage of the 90% count intervals). With \"cells\": true it also"
                    + " scores what is served on the same origins, from what was known at each (heists from their"
                    + " first public attribution): the Poisson log score of the cell expectations, the Brier score of"
                    + " the cells' P(N >= 1), RPS and PIT of the total, and paired differences with standard errors"
                    + " against the Poisson and Hawkes-only totals and the static marks. At most 40 origins, windows"
                    + " of at most 3,650 days; deterministic.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = BacktestRequest.class),
                            examples = {
                                @ExampleObject(
                                        name = "yearly",
                                        summary = "Yearly origins from 2019, one-year windows, k = 2",
                                        value = "{\"firstOrigin\": \"2019-01-01\", \"stepDays\": 365,"
                                                + " \"windowDays\": 365, \"kernelShape\": 2}"),
                                @ExampleObject(
                                        name = "cells",
                                        summary = "Quarterly origins from 2019 scoring the served cells",
                                        value = "{\"firstOrigin\": \"2019-01-01\", \"stepDays\": 91,"
                                                + " \"windowDays\": 91, \"cells\": true}"),
                                @ExampleObject(name = "defaults", summary = "Every default", value = "{}")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "The backtest with its result, stored; Location is its URL",
            content = @Content(schema = @Schema(implementation = BacktestView.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON or does not match the schema")
    @APIResponse(responseCode = "413", description = "More origins or interval paths than the limits")
    @APIResponse(
            responseCode = "422",
            description = "A first origin outside the data or without a heist before it, a bad window, step, kernel"
                    + " shape or number of interval paths, an unknown group sector, or a cell-backtest field without"
                    + " cells")
    @APIResponse(responseCode = "503", description = "No snapshot yet, or another backtest is running; Retry-After")
    public Response create(BacktestRequest request) {
        BacktestView view = backtests.create(request);
        return Response.created(URI.create("/api/v1/backtests/" + view.id()))
                .entity(view)
                .build();
    }

    @GET
    @RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(
            operationId = "listBacktests",
            summary = "Stored backtests, newest first",
            description = "Without their results; page from 0.")
    @APIResponse(
            responseCode = "200",
            description = "One page, newest first, without results",
            content = @Content(schema = @Schema(implementation = PageView.class)))
    @APIResponse(responseCode = "400", description = "A bad page or size")
    public PageView<BacktestView> list(@BeanParam PageQuery paging) {
        return backtests.list(paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(operationId = "getBacktest", summary = "A stored backtest with its result")
    @APIResponse(
            responseCode = "200",
            description = "The saved backtest with its result",
            content = @Content(schema = @Schema(implementation = BacktestView.class)))
    @APIResponse(responseCode = "404", description = "No such backtest")
    public BacktestView get(@PathParam("id") long id) {
        return backtests.get(id);
    }
}
