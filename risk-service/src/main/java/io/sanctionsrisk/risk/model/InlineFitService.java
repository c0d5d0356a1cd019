package io.sanctionsrisk.risk.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.Sanction;
import io.sanctionsrisk.cadence.dates.DatedDataset;
import io.sanctionsrisk.cadence.dates.DatedEvent;
import io.sanctionsrisk.cadence.fit.CadenceFit;
import io.sanctionsrisk.cadence.fit.CadenceFitter;
import io.sanctionsrisk.cadence.fit.FitOptions;
import io.sanctionsrisk.risk.audit.AuditAction;
import io.sanctionsrisk.risk.audit.AuditEntry;
import io.sanctionsrisk.risk.audit.AuditTrail;
import io.sanctionsrisk.risk.audit.InputsDigest;
import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.dataset.TimeAxis;
import io.sanctionsrisk.risk.snapshot.DiagnosticsView;
import io.sanctionsrisk.risk.snapshot.EstimateView;
import io.sanctionsrisk.risk.snapshot.FitMetrics;
import io.sanctionsrisk.risk.snapshot.ModelVersions;
import io.sanctionsrisk.risk.snapshot.ParametersView;
import io.sanctionsrisk.risk.snapshot.StoredDiagnostics;
import io.sanctionsrisk.risk.snapshot.StoredEstimate;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.ProblemType;
import io.sanctionsrisk.risk.web.Slots;
import io.sanctionsrisk.risk.web.Violation;
import io.sanctionsrisk.risk.web.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fits an inline dataset (POST /api/v1/model/fits) without touching the serving snapshot. Every input problem is a
 * 400/413/422 problem naming the field; the fit runs under a time budget and at most {@code
 * risk.fits.max-concurrent} fits run at once on a replica.
 */
@ApplicationScoped
public class InlineFitService {

    static final int MAX_LISTED_ERRORS = 50;

    private final RiskConfig config;
    private final ModelVersions versions;
    private final Slots slots;
    private final FitMetrics metrics;
    private final ObjectMapper mapper;
    private final AuditTrail audit;
    private final long maxBodyBytes;

    public InlineFitService(
            RiskConfig config,
            ModelVersions versions,
            FitMetrics metrics,
            ObjectMapper mapper,
            AuditTrail audit,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.config = config;
        this.versions = versions;
        this.metrics = metrics;
        this.mapper = mapper;
        this.audit = audit;
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.slots = new Slots(config.fits().maxConcurrent(), config.fits().queueWait(), "fits");
    }

    /**
     * Fits the dataset in a request body. The body is read only once a fit slot is held (a full replica answers 503
     * busy without reading it), read up to the body limit (413 beyond), its arrays counted on the token stream
     * before anything is bound (413 beyond {@code risk.fits.max-events} or {@code max-sanctions}), then bound,
     * checked, fitted and audited.
     */
    public FitResponse fit(InputStream body) throws IOException {
        try (Slots.Permit slot = slots.take()) {
            byte[] bytes = FitBodies.read(body, maxBodyBytes);
            FitBodies.checkCounts(
                    mapper, bytes, config.fits().maxEvents(), config.fits().maxSanctions());
            FitRequest request = mapper.readValue(bytes, FitRequest.class);
            String digest = InputsDigest.of(request);
            FitResponse response;
            try {
                response = fitInSlot(request);
            } catch (ApiProblem e) {
                audited(digest, request, null, e.type() == ProblemType.PAYLOAD_TOO_LARGE ? "too-large" : "invalid");
                throw e;
            } catch (RuntimeException e) {
                audited(digest, request, null, "failed");
                throw e;
            }
            audited(digest, request, response, response.hitTimeBudget() ? "time-budget-hit" : "fitted");
            return response;
        }
    }

    private void audited(String digest, FitRequest request, FitResponse response, String outcome) {
        int events = response != null
                ? response.eventCount()
                : request == null
                        ? 0
                        : request.events() != null
                                ? request.events().length
                                : request.eventDates() != null
                                        ? request.eventDates().size()
                                        : 0;
        audit.recordOutcome(
                new AuditEntry(AuditAction.INLINE_FIT, digest, events, versions.model(), null, null, null), outcome);
    }

    /** Checks and fits a bound request in the slot the caller holds. */
    private FitResponse fitInSlot(FitRequest request) {
        Prepared prepared = prepare(request);
        FitOptions options = FitOptions.defaults().withShape(prepared.shape()).withBudget(prepared.budget());
        long started = System.nanoTime();
        CadenceFit fit;
        try {
            fit = CadenceFitter.fit(prepared.data(), options);
        } catch (IllegalArgumentException | ArithmeticException e) {
            // data the model cannot be fitted to (e.g. a window so long that every rate underflows)
            throw ApiProblem.invalidDataset(
                    List.of(Violation.of("windowDays", "these data cannot be fitted: " + e.getMessage())), 1);
        }
        long nanos = System.nanoTime() - started;
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        metrics.fitted("inline", Duration.ofNanos(nanos), fit.hitDeadline());
        CadenceParameters p = fit.parameters();
        return new FitResponse(
                ParametersView.of(p),
                fit.estimates().stream()
                        .map(e -> EstimateView.of(StoredEstimate.of(e)))
                        .toList(),
                fit.logLikelihood(),
                DiagnosticsView.of(StoredDiagnostics.of(fit)),
                prepared.window(),
                prepared.data().eventCount(),
                (int) prepared.data().sanctions().stream()
                        .filter(s -> s.weight() > 0)
                        .count(),
                millis,
                prepared.budget().toMillis(),
                fit.hitDeadline(),
                versions.model());
    }

    record Prepared(CadenceData data, Integer shape, Duration budget, FitResponse.Window window) {}

    /** Validates the request and builds the model's input; throws ApiProblem (413 or 422) listing the problems. */
    Prepared prepare(FitRequest request) {
        if (request == null) {
            throw new ApiProblem(ProblemType.MALFORMED_BODY, "a JSON body is required");
        }
        int eventCount = request.events() != null
                ? request.events().length
                : request.eventDates() != null ? request.eventDates().size() : 0;
        if (eventCount > config.fits().maxEvents()) {
            throw new ApiProblem(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    eventCount + " events exceed the limit of " + config.fits().maxEvents() + " per fit",
                    List.of(Violation.of("events", "at most " + config.fits().maxEvents() + " events")),
                    Map.of("limit", config.fits().maxEvents()),
                    null);
        }
        int sanctionCount =
                request.sanctions() == null ? 0 : request.sanctions().size();
        if (sanctionCount > config.fits().maxSanctions()) {
            throw new ApiProblem(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    sanctionCount + " sanctions exceed the limit of "
                            + config.fits().maxSanctions() + " per fit",
                    List.of(Violation.of("sanctions", "at most " + config.fits().maxSanctions() + " sanctions")),
                    Map.of("limit", config.fits().maxSanctions()),
                    null);
        }
        Violations errors = new Violations();

        // the window
        TimeAxis axis = null;
        double T = Double.NaN;
        boolean daysWindow = request.windowDays() != null;
        boolean dateWindow = request.windowStart() != null || request.windowEnd() != null;
        if (daysWindow && dateWindow) {
            errors.add("windowDays", "give either windowDays or windowStart and windowEnd, not both");
        } else if (daysWindow) {
            double days = request.windowDays();
            if (!Double.isFinite(days)) {
                errors.add("windowDays", "must be a finite number of days, got " + days);
            } else if (days <= 0) {
                errors.add("windowDays", "the window must have a positive length, got " + days + " days");
            } else {
                T = days;
            }
        } else if (dateWindow) {
            if (request.windowStart() == null) {
                errors.add("windowStart", "is required with windowEnd");
            } else if (request.windowEnd() == null) {
                errors.add("windowEnd", "is required with windowStart");
            } else if (request.windowEnd().isBefore(request.windowStart())) {
                errors.add("windowEnd", "is before windowStart: the window has no length");
            } else {
                axis = new TimeAxis(request.windowStart(), request.windowEnd());
                T = axis.lengthDays();
            }
        } else {
            errors.add("windowDays", "a window is required: windowDays, or windowStart and windowEnd");
        }

        // the events
        double[] times = null;
        if (request.events() != null && request.eventDates() != null) {
            errors.add("events", "give either events (days) or eventDates, not both");
        } else if (eventCount == 0) {
            errors.add("events", "at least one event is required");
        } else if (request.events() != null) {
            times = request.events();
            for (int i = 0; i < times.length; i++) {
                double t = times[i];
                if (!Double.isFinite(t)) {
                    errors.add("events[" + i + "]", "is " + t + "; event times must be finite numbers of days");
                } else if (!Double.isNaN(T) && (t < 0 || t > T)) {
                    errors.add("events[" + i + "]", "at " + t + " lies outside the window [0, " + T + "]");
                }
            }
        } else if (axis == null && !errors.any()) {
            errors.add("eventDates", "event dates need a date window (windowStart and windowEnd)");
        } else if (axis != null) {
            List<LocalDate> dates = request.eventDates();
            boolean ok = true;
            for (int i = 0; i < dates.size(); i++) {
                LocalDate d = dates.get(i);
                if (d == null) {
                    errors.add("eventDates[" + i + "]", "is null");
                    ok = false;
                } else if (!axis.contains(d)) {
                    errors.add(
                            "eventDates[" + i + "]",
                            d + " lies outside the window " + axis.start() + ".." + axis.endInclusive());
                    ok = false;
                }
            }
            if (ok) {
                // same-day events are spread inside their day by the model's rule; the request's order breaks ties
                List<DatedEvent> dated = new ArrayList<>(dates.size());
                for (int i = 0; i < dates.size(); i++) {
                    dated.add(new DatedEvent(dates.get(i), String.format("%010d", i)));
                }
                times = DatedDataset.build(axis.start(), axis.endInclusive(), dated, List.of())
                        .data()
                        .eventTimes();
            }
        }

        // the sanctions
        List<Sanction> sanctions = new ArrayList<>();
        if (request.sanctions() != null) {
            for (int j = 0; j < request.sanctions().size(); j++) {
                FitRequest.SanctionInput s = request.sanctions().get(j);
                String at = "sanctions[" + j + "]";
                if (s == null) {
                    errors.add(at, "is null");
                    continue;
                }
                Double time = null;
                if (s.time() != null && s.date() != null) {
                    errors.add(at, "give either time or date, not both");
                } else if (s.time() != null) {
                    if (!Double.isFinite(s.time())) {
                        errors.add(at + ".time", "is " + s.time() + "; sanction times must be finite");
                    } else {
                        time = s.time();
                    }
                } else if (s.date() != null) {
                    if (axis == null) {
                        errors.add(at + ".date", "sanction dates need a date window (windowStart and windowEnd)");
                    } else {
                        time = axis.dayOf(s.date());
                    }
                } else {
                    errors.add(at, "a time or a date is required");
                }
                if (s.weight() == null) {
                    errors.add(at + ".weight", "is required (e.g. the severity 1..5; 0 for easing)");
                } else if (!Double.isFinite(s.weight()) || s.weight() < 0) {
                    errors.add(at + ".weight", "must be a finite number >= 0, got " + s.weight());
                } else if (time != null) {
                    sanctions.add(new Sanction(time, s.weight()));
                }
            }
        }

        // kernel shape and budget
        Integer shape = request.kernelShape();
        if (shape != null && (shape < CadenceParameters.MIN_SHAPE || shape > CadenceParameters.MAX_SHAPE)) {
            errors.add("kernelShape", "unknown kernel shape " + shape + "; supported: 1, 2, 3 (or omit it for AIC)");
        }
        Duration budget = config.fits().defaultBudget();
        if (request.timeBudgetMillis() != null) {
            long ms = request.timeBudgetMillis();
            long max = config.fits().maxBudget().toMillis();
            if (ms < 1 || ms > max) {
                errors.add("timeBudgetMillis", "must be between 1 and " + max + " milliseconds, got " + ms);
            } else {
                budget = Duration.ofMillis(ms);
            }
        }
        if (errors.any()) {
            throw ApiProblem.invalidDataset(errors.listed(), errors.total());
        }
        CadenceData data;
        try {
            data = CadenceData.of(T, times, sanctions);
        } catch (IllegalArgumentException e) {
            // every rule CadenceData checks is checked above; this is a safety net with the model's own words
            throw ApiProblem.invalidDataset(List.of(Violation.of(null, e.getMessage())), 1);
        }
        FitResponse.Window window = axis == null
                ? new FitResponse.Window(T, null, null)
                : new FitResponse.Window(T, axis.start(), axis.endInclusive());
        return new Prepared(data, shape, budget, window);
    }
}
