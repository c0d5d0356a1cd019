package io.sanctionsrisk.sanctions.rest;

import io.sanctionsrisk.sanctions.dto.DataVersionView;
import io.sanctionsrisk.sanctions.dto.Timeline;
import io.sanctionsrisk.sanctions.service.DataVersionService;
import io.sanctionsrisk.sanctions.service.TimelineService;
import io.sanctionsrisk.sanctions.web.Conditional;
import io.sanctionsrisk.sanctions.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/timeline")
@Tag(name = "timeline", description = "Heists and losses over time, with the sanctions marked")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
public class TimelineResource {

    private final TimelineService timeline;
    private final DataVersionService dataVersion;

    public TimelineResource(TimelineService timeline, DataVersionService dataVersion) {
        this.timeline = timeline;
        this.dataVersion = dataVersion;
    }

    @GET
    @Operation(
            summary = "Heist counts and losses per month, quarter or year, with the sanctions in each",
            description = "Continuous buckets from 'from' to 'to' (default: the first and last heist or sanction);"
                    + " at most 1200 buckets. Tagged with the data version.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Timeline.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the data version in If-None-Match")
    public Response get(
            @Parameter(description = "month (default), quarter or year", example = "quarter") @QueryParam("bucket")
                    String bucket,
            @Parameter(description = "First day (yyyy-mm-dd)", example = "2013-01-01") @QueryParam("from") String from,
            @Parameter(description = "Last day (yyyy-mm-dd)", example = "2019-12-31") @QueryParam("to") String to,
            @Context HttpHeaders headers) {
        TimelineService.BucketSize size = TimelineService.BucketSize.parse(bucket);
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        Params.range(fromDate, toDate);
        DataVersionView version = dataVersion.current();
        return Conditional.ok(headers, version, () -> timeline.timeline(size, fromDate, toDate, version.version()));
    }
}
