package io.sanctionsrisk.risk.model;

import io.quarkus.security.identity.SecurityIdentity;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.ProblemType;
import io.sanctionsrisk.risk.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
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

@Path("/api/v1/model")
@Tag(
        name = "model",
        description = "The sanctions-excited cadence model: serving snapshot, refits, inline fits, intensity")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class ModelResource {

    private final ModelService model;
    private final SecurityIdentity identity;

    public ModelResource(ModelService model, SecurityIdentity identity) {
        this.model = model;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(
            operationId = "getModel",
            summary = "The serving model snapshot",
            description = "Parameters, standard errors, diagnostics (AIC against the homogeneous Poisson and the"
                    + " Hawkes-without-sanctions baselines, likelihood-ratio tests, time-rescaling KS test), marks,"
                    + " the model, code and data versions, and how fresh the data are (stale when the"
                    + " sanctions-service has not been reached for a while or a newer data version is not fitted"
                    + " yet). Every replica serves the latest stored snapshot.")
    @APIResponse(
            responseCode = "200",
            description = "The serving snapshot",
            content = @Content(schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "503", ref = "NoSnapshot")
    public ModelView get() {
        return model.current();
    }

    @POST
    @Path("/refits")
    @RolesAllowed({Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(
            operationId = "refitModel",
            summary = "Refit on the sanctions-service's current data",
            description = "Reads every sanction and incident at one data version with the risk-service's own"
                    + " service account and fits them, unless the serving snapshot already holds exactly these data"
                    + " (unchanged) or the same inputs were fitted before (reused). Refits are serialised across"
                    + " replicas. Answers when the new snapshot is stored. With force=true (data-steward role only) it"
                    + " fits anew even when the data are unchanged, so a new snapshot is stored and served (outcome"
                    + " created, trigger forced-request, the steward recorded as requestedBy), and every portfolio"
                    + " is re-scored on it.")
    @APIResponse(
            responseCode = "200",
            description = "The outcome (created, reused or unchanged) and the serving snapshot, once stored",
            content = @Content(schema = @Schema(implementation = RefitResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "Another refit held the lease longer than risk.refit.lock-wait; Retry-After")
    @APIResponse(responseCode = "400", description = "force is neither true nor false")
    @APIResponse(responseCode = "422", description = "The data cannot be fitted (no heist in the window)")
    @APIResponse(
            responseCode = "503",
            description = "The sanctions-service is unavailable; the serving snapshot is unchanged")
    public RefitResponse refit(
            @Parameter(
                            description = "true: fit anew and store a new snapshot even when the data are unchanged"
                                    + " (data-steward role only); default false",
                            example = "false",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("force")
                    String force) {
        boolean forced;
        if (force == null || force.isBlank() || force.trim().equalsIgnoreCase("false")) {
            forced = false;
        } else if (force.trim().equalsIgnoreCase("true")) {
            forced = true;
        } else {
            throw ApiProblem.invalidParameter("force", "must be true or false");
        }
        if (forced && !identity.hasRole(Roles.DATA_STEWARD)) {
            throw new ApiProblem(
                    ProblemType.FORBIDDEN,
                    "a forced refit needs the data-steward role (the admin role alone is not" + " enough)");
        }
        return model.refit(identity.getPrincipal().getName(), forced);
    }

    @POST
    @Path("/fits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.POLICY_ANALYST, Roles.ADMIN})
    @Operation(
            operationId = "fitDataset",
            summary = "Fit an inline dataset",
            description = "Fits the cadence model to the events and sanctions in the body and returns the estimates,"
                    + " their standard errors, the diagnostics, the log-likelihood and the server-side fit time. The"
                    + " serving snapshot is not touched. At most risk.fits.max-events events (2,000,000 by default)"
                    + " and a body of at most 64 MB. The fit stops at its time budget and says so (hitTimeBudget).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = FitRequest.class),
                            examples = {
                                @ExampleObject(
                                        name = "days",
                                        summary = "Times in days, kernel shape fixed",
                                        value =
                                                "{\"windowDays\": 3650, \"events\": [12.5, 40.0, 41.2, 300.7, 1210.0, 1211.5,"
                                                        + " 2400.25], \"sanctions\": [{\"time\": -30, \"weight\": 5}, {\"time\": 1100,"
                                                        + " \"weight\": 3}], \"kernelShape\": 2, \"timeBudgetMillis\": 10000}"),
                                @ExampleObject(
                                        name = "dates",
                                        summary = "Dates, kernel shape chosen by AIC",
                                        value = "{\"windowStart\": \"2015-01-01\", \"windowEnd\": \"2019-12-31\","
                                                + " \"eventDates\": [\"2016-02-04\", \"2017-10-03\", \"2018-01-09\","
                                                + " \"2018-05-24\", \"2018-08-11\"], \"sanctions\": [{\"date\":"
                                                + " \"2016-03-02\", \"weight\": 5}, {\"date\": \"2017-12-22\", \"weight\":"
                                                + " 5}]}")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The estimates with standard errors and intervals, the diagnostics and the fit time",
            content = @Content(schema = @Schema(implementation = FitResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "The body is not JSON or does not match the schema; the problem names the field")
    @APIResponse(
            responseCode = "413",
            description = "More events or sanctions than the limit, or a body over 64 MB; checked before the body is"
                    + " bound, and the body is read only once a fit slot is free")
    @APIResponse(
            responseCode = "422",
            description = "No events, events outside the window, NaN or infinite values, an unknown kernel shape,"
                    + " a window of zero length; every problem is listed with its field")
    @APIResponse(responseCode = "503", description = "Too many fits are running on this replica; Retry-After")
    public FitResponse fit(InputStream body) throws IOException {
        // read in the service, after a fit slot is taken and with its size and arrays bounded (FitBodies)
        return model.fit(body);
    }

    @GET
    @Path("/intensity")
    @RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
    @Operation(
            operationId = "getIntensity",
            summary = "The fitted intensity over a date range",
            description = "lambda(t) of the serving snapshot at 00:00 of every step-th day from `from` to `to`,"
                    + " split into baseline, sanctions pressure and self-excitation, with the sanctions and heists of"
                    + " the range marked. At most risk.intensity.max-points points (5,000 by default).")
    @APIResponse(
            responseCode = "200",
            description = "The intensity and its parts at each step, with the sanctions and heists of the range",
            content = @Content(schema = @Schema(implementation = IntensityView.class)))
    @APIResponse(responseCode = "400", description = "A bad date or step, `to` before `from`, or too many points")
    @APIResponse(responseCode = "503", ref = "NoSnapshot")
    public IntensityView intensity(
            @Parameter(description = "First date (YYYY-MM-DD); default: the window start", example = "2015-01-01")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Last date, included; default: the window end", example = "2025-11-30")
                    @QueryParam("to")
                    String to,
            @Parameter(
                            description = "Step in days (1..3660); default 7",
                            example = "7",
                            schema = @Schema(type = SchemaType.INTEGER))
                    @QueryParam("step")
                    String step) {
        return model.intensity(from, to, step);
    }
}
