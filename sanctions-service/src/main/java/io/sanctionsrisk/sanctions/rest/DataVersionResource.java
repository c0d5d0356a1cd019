package io.sanctionsrisk.sanctions.rest;

import io.sanctionsrisk.sanctions.dto.DataVersionView;
import io.sanctionsrisk.sanctions.service.DataVersionService;
import io.sanctionsrisk.sanctions.web.Conditional;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/data-version")
@Tag(name = "data-version", description = "The version of the data, for consumers that cache or refit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPLIANCE_VIEWER, Roles.RISK_ANALYST, Roles.POLICY_ANALYST, Roles.DATA_STEWARD, Roles.ADMIN})
public class DataVersionResource {

    private final DataVersionService dataVersion;

    public DataVersionResource(DataVersionService dataVersion) {
        this.dataVersion = dataVersion;
    }

    @GET
    @Operation(
            summary = "The current data version",
            description = "A counter that goes up by one with every committed write, import or delete that changes"
                    + " data. Also the ETag; If-None-Match with it answers 304.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DataVersionView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the version in If-None-Match")
    public Response get(@Context HttpHeaders headers) {
        DataVersionView version = dataVersion.current();
        return Conditional.ok(headers, version, () -> version);
    }
}
