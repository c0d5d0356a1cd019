package io.sanctionsrisk.risk.sanctions;

import io.quarkus.oidc.client.OidcClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one place that holds the policy for calling the sanctions-service: each call has a timeout, is retried
 * (reads are idempotent), counts towards a circuit breaker that fails fast while the service is down, and falls
 * back to a {@link SanctionsServiceUnavailableException} that says why. The values can be tuned per method with
 * MicroProfile Fault Tolerance configuration, e.g. {@code
 * quarkus.fault-tolerance."io.sanctionsrisk.risk.sanctions.SanctionsServiceClient/dataVersion".timeout.value}.
 */
@ApplicationScoped
public class SanctionsServiceClient {

    private final SanctionsServiceApi api;

    public SanctionsServiceClient(@RestClient SanctionsServiceApi api) {
        this.api = api;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 15, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "dataVersionUnavailable")
    public DataVersionRecord dataVersion() {
        return api.dataVersion();
    }

    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 15, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "sanctionsUnavailable")
    public RecordPage<SanctionRecord> sanctions(int page, int size) {
        return api.sanctions(page, size);
    }

    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 15, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "incidentsUnavailable")
    public RecordPage<IncidentRecord> incidents(Integer page, String cursor, int size) {
        return api.incidents(page, cursor, size);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 15, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "sectorsUnavailable")
    public List<TaxonomyRecord> sectors() {
        return api.sectors();
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 15, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "regionsUnavailable")
    public List<TaxonomyRecord> regions() {
        return api.regions();
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 15, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "measuresUnavailable")
    public List<MeasureRecord> measures() {
        return api.measures();
    }

    List<MeasureRecord> measuresUnavailable(Throwable failure) {
        throw unavailable("measures", failure);
    }

    List<TaxonomyRecord> sectorsUnavailable(Throwable failure) {
        throw unavailable("sectors", failure);
    }

    List<TaxonomyRecord> regionsUnavailable(Throwable failure) {
        throw unavailable("regions", failure);
    }

    DataVersionRecord dataVersionUnavailable(Throwable failure) {
        throw unavailable("data version", failure);
    }

    RecordPage<SanctionRecord> sanctionsUnavailable(int page, int size, Throwable failure) {
        throw unavailable("sanctions page " + page, failure);
    }

    RecordPage<IncidentRecord> incidentsUnavailable(Integer page, String cursor, int size, Throwable failure) {
        throw unavailable(cursor == null ? "incidents page " + page : "incidents after a cursor", failure);
    }

    private static SanctionsServiceUnavailableException unavailable(String what, Throwable failure) {
        return new SanctionsServiceUnavailableException(
                "could not read the " + what + " from the sanctions-service: " + describe(failure), failure);
    }

    /** A short, client-safe reason: no class names or stack traces leave the service. */
    static String describe(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return "circuit open after repeated failures";
        }
        if (failure instanceof TimeoutException) {
            return "timed out";
        }
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            int status = web.getResponse().getStatus();
            if (status == 401 || status == 403) {
                return "it refused the risk-service's token (HTTP " + status + ")";
            }
            return "it answered HTTP " + status;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OidcClientException) {
                return "no service-account token for the risk-service client (Keycloak unreachable or refused it)";
            }
            if (t instanceof java.net.ConnectException) {
                return "connection refused or unreachable";
            }
        }
        return "request failed";
    }
}
