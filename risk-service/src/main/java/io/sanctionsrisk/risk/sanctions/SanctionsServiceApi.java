package io.sanctionsrisk.risk.sanctions;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The sanctions-service's read API. Only {@link SanctionsServiceClient} calls it: the timeouts, retries, circuit
 * breaker and fallback for this dependency live there. Requests carry the risk-service's own service-account
 * token (client credentials of the client {@code risk-service}).
 */
@RegisterRestClient(configKey = "sanctions")
@OidcClientFilter
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface SanctionsServiceApi {

    @GET
    @Path("/data-version")
    DataVersionRecord dataVersion();

    @GET
    @Path("/taxonomy/sectors")
    java.util.List<TaxonomyRecord> sectors();

    @GET
    @Path("/taxonomy/regions")
    java.util.List<TaxonomyRecord> regions();

    @GET
    @Path("/taxonomy/measures")
    java.util.List<MeasureRecord> measures();

    @GET
    @Path("/sanctions")
    RecordPage<SanctionRecord> sanctions(@QueryParam("page") int page, @QueryParam("size") int size);

    /** A page of incidents: by offset ({@code page}) or after a {@code cursor} of an earlier page (null: unset). */
    @GET
    @Path("/incidents")
    RecordPage<IncidentRecord> incidents(
            @QueryParam("page") Integer page, @QueryParam("cursor") String cursor, @QueryParam("size") int size);
}
