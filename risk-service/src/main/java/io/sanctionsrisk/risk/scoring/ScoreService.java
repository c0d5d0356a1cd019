package io.sanctionsrisk.risk.scoring;

import io.sanctionsrisk.cadence.marks.CredibleInterval;
import io.sanctionsrisk.cadence.scoring.CellGrid;
import io.sanctionsrisk.cadence.scoring.CellRisk;
import io.sanctionsrisk.cadence.scoring.ExposureEffect;
import io.sanctionsrisk.cadence.scoring.ExposureFactor;
import io.sanctionsrisk.cadence.scoring.ExposureTable;
import io.sanctionsrisk.cadence.scoring.InstitutionScore;
import io.sanctionsrisk.cadence.scoring.RiskInterval;
import io.sanctionsrisk.cadence.scoring.ScoreScale;
import io.sanctionsrisk.cadence.scoring.ScoringModel;
import io.sanctionsrisk.cadence.scoring.UncertainRiskModel;
import io.sanctionsrisk.risk.audit.AuditAction;
import io.sanctionsrisk.risk.audit.AuditEntry;
import io.sanctionsrisk.risk.audit.AuditTrail;
import io.sanctionsrisk.risk.audit.InputsDigest;
import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.ServedModel;
import io.sanctionsrisk.risk.snapshot.ServedModels;
import io.sanctionsrisk.risk.snapshot.SnapshotStore;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.Numbers;
import io.sanctionsrisk.risk.web.ProblemType;
import io.sanctionsrisk.risk.web.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Scores institutions and builds the heatmap against the serving snapshot, and records every score and batch in
 * the audit trail once its inputs are valid (invalid input records nothing). A batch is validated whole, then
 * scored against the one snapshot it was validated on.
 */
@ApplicationScoped
public class ScoreService {

    static final int MAX_ID_LENGTH = 256;
    private static final int MAX_LISTED = 50;

    private final SnapshotStore store;
    private final ServedModels served;
    private final Taxonomy taxonomy;
    private final InstitutionValidator validator;
    private final AuditTrail audit;
    private final RiskConfig config;
    private final Clock clock;
    private final ExposureTable exposure;
    private final AtomicReference<ScoringContext> cache = new AtomicReference<>();

    ScoreService(
            SnapshotStore store,
            ServedModels served,
            Taxonomy taxonomy,
            InstitutionValidator validator,
            AuditTrail audit,
            RiskConfig config,
            Clock clock) {
        this.store = store;
        this.served = served;
        this.taxonomy = taxonomy;
        this.validator = validator;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.exposure = exposureTable(config.exposure());
    }

    /** The configured multipliers as the scoring model takes them. */
    public static ExposureTable exposureTable(RiskConfig.Exposure e) {
        Map<ExposureFactor, Map<String, Double>> m = new EnumMap<>(ExposureFactor.class);
        m.put(
                ExposureFactor.SWIFT_CONNECTIVITY,
                levels(
                        "none",
                        e.swiftConnectivity().none(),
                        "indirect",
                        e.swiftConnectivity().indirect(),
                        "direct",
                        e.swiftConnectivity().direct()));
        m.put(
                ExposureFactor.CRYPTO_CUSTODY,
                levels(
                        "none",
                        e.cryptoCustody().none(),
                        "cold-only",
                        e.cryptoCustody().coldOnly(),
                        "hot-wallet",
                        e.cryptoCustody().hotWallet()));
        m.put(
                ExposureFactor.CORRESPONDENT_EXPOSURE,
                levels(
                        "low",
                        e.correspondentExposure().low(),
                        "medium",
                        e.correspondentExposure().medium(),
                        "high",
                        e.correspondentExposure().high()));
        m.put(
                ExposureFactor.CONTROL_MATURITY,
                levels(
                        "advanced",
                        e.controlMaturity().advanced(),
                        "intermediate",
                        e.controlMaturity().intermediate(),
                        "basic",
                        e.controlMaturity().basic()));
        return new ExposureTable(m);
    }

    private static Map<String, Double> levels(String a, double ma, String b, double mb, String c, double mc) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(a, ma);
        out.put(b, mb);
        out.put(c, mc);
        return out;
    }

    /** Scores one institution and records it (action score). */
    public ScoreView score(ScoreRequest request) {
        ScoringContext context = context();
        List<Violation> errors = new ArrayList<>();
        Institution institution = validator.validate(context, request, "", errors);
        if (institution == null) {
            throw invalid(errors, errors.size(), null);
        }
        LocalDate from = context.from(LocalDate.now(clock));
        ScoringModel model = context.model(from, institution.horizonDays());
        UncertainRiskModel intervals = context.intervals(from, institution.horizonDays());
        StringBuilder canonical = new StringBuilder();
        institution.appendCanonical(canonical);
        record(AuditAction.SCORE, InputsDigest.ofText(canonical.toString()), 1, context.snapshot());
        return view(institution, model.score(institution.cell(), institution.exposure()), intervals, from, context);
    }

    /**
     * Validates every institution of a batch (all or nothing), records the batch (action score-batch) and answers
     * the batch ready to be scored and streamed. {@code lines} (NDJSON) gives each item's line number, or is null.
     */
    public ScoreBatch batch(List<ScoreRequest> requests, int[] lines) {
        if (requests.isEmpty()) {
            throw new ApiProblem(
                    ProblemType.INVALID_INSTITUTION,
                    "the batch holds no institution",
                    List.of(Violation.of("body", "at least one institution is required")),
                    Map.of(),
                    null);
        }
        ScoringContext context = context();
        List<Violation> errors = new ArrayList<>();
        int errorCount = 0;
        Integer firstInvalid = null;
        List<Institution> institutions = new ArrayList<>(requests.size());
        StringBuilder canonical = new StringBuilder(requests.size() * 48);
        for (int i = 0; i < requests.size(); i++) {
            String prefix = lines == null ? "[" + i + "]." : "line " + lines[i] + ": [" + i + "].";
            List<Violation> found = new ArrayList<>(0);
            Institution institution = validator.validate(context, requests.get(i), prefix, found);
            if (institution == null) {
                if (firstInvalid == null) {
                    firstInvalid = i;
                }
                errorCount += found.size();
                for (Violation v : found) {
                    if (errors.size() < MAX_LISTED) {
                        errors.add(v);
                    }
                }
            } else if (errorCount == 0) {
                institutions.add(institution);
                institution.appendCanonical(canonical);
            }
        }
        if (errorCount > 0) {
            Map<String, Object> where = new HashMap<>();
            where.put("index", firstInvalid);
            if (lines != null) {
                where.put("line", lines[firstInvalid]);
            }
            throw invalid(errors, errorCount, where);
        }
        record(
                AuditAction.SCORE_BATCH,
                InputsDigest.ofText(canonical.toString()),
                institutions.size(),
                context.snapshot());
        return new ScoreBatch(context, institutions, context.from(LocalDate.now(clock)));
    }

    /** Every cell of the serving snapshot over the horizon; {@code horizonDays} as sent (null: the default). */
    public HeatmapView heatmap(String horizonDays) {
        int horizon = horizonParameter(horizonDays);
        ScoringContext context = context();
        LoadedSnapshot snapshot = context.snapshot();
        LocalDate from = context.from(LocalDate.now(clock));
        UncertainRiskModel model = context.intervals(from, horizon);
        CellGrid grid = context.grid();
        List<HeatmapView.CellView> cells = new ArrayList<>(grid.size());
        for (int c = 0; c < grid.size(); c++) {
            RiskInterval interval = model.cell(c);
            CellRisk risk = interval.point();
            cells.add(new HeatmapView.CellView(
                    grid.sectorOf(c),
                    grid.regionOf(c),
                    risk.expectedCount(),
                    risk.probabilityAtLeastOne(),
                    Numbers.finite(risk.expectedRealisedLoss()),
                    Numbers.finite(risk.expectedAttemptedLoss()),
                    interval.score(),
                    heatmapInterval(interval)));
        }
        RiskInterval totalInterval = model.total();
        CellRisk total = totalInterval.point();
        return new HeatmapView(
                horizon,
                from,
                from.plusDays(horizon),
                snapshot.row().getModelVersion(),
                snapshot.row().getDataVersion(),
                snapshot.id(),
                grid.sectors().stream()
                        .map(s -> new HeatmapView.Named(s, taxonomy.sectorName(s)))
                        .toList(),
                grid.regions().stream()
                        .map(r -> new HeatmapView.Named(r, taxonomy.regionName(r)))
                        .toList(),
                cells,
                new HeatmapView.CellTotals(
                        total.expectedCount(),
                        total.probabilityAtLeastOne(),
                        Numbers.finite(total.expectedRealisedLoss()),
                        Numbers.finite(total.expectedAttemptedLoss()),
                        heatmapInterval(totalInterval)),
                "realised",
                context.served().cadenceDraws().size(),
                context.served().hasParameterDraws());
    }

    private static HeatmapView.Interval heatmapInterval(RiskInterval r) {
        return new HeatmapView.Interval(
                r.expectedCount().level(),
                r.expectedCount().lower(),
                r.expectedCount().upper(),
                r.probabilityAtLeastOne().lower(),
                r.probabilityAtLeastOne().upper(),
                r.scoreInterval().lower(),
                r.scoreInterval().upper(),
                lower(r.expectedRealisedLoss()),
                upper(r.expectedRealisedLoss()),
                lower(r.expectedAttemptedLoss()),
                upper(r.expectedAttemptedLoss()));
    }

    private static Double lower(CredibleInterval i) {
        return i == null ? null : Numbers.finite(i.lower());
    }

    private static Double upper(CredibleInterval i) {
        return i == null ? null : Numbers.finite(i.upper());
    }

    /** A validated batch bound to its snapshot and horizon start; scoring it cannot fail for input reasons. */
    public static final class ScoreBatch {

        private final ScoringContext context;
        private final List<Institution> institutions;
        private final LocalDate from;

        ScoreBatch(ScoringContext context, List<Institution> institutions, LocalDate from) {
            this.context = context;
            this.institutions = institutions;
            this.from = from;
        }

        public int size() {
            return institutions.size();
        }

        public LoadedSnapshot snapshot() {
            return context.snapshot();
        }

        /** Scores the institutions in order, one view at a time, so none needs to be held. */
        public void forEach(Consumer<ScoreView> sink) {
            Map<Integer, ScoringModel> models = new HashMap<>();
            Map<Integer, UncertainRiskModel> intervals = new HashMap<>();
            for (Institution institution : institutions) {
                ScoringModel model = models.computeIfAbsent(institution.horizonDays(), h -> context.model(from, h));
                sink.accept(view(
                        institution,
                        model.score(institution.cell(), institution.exposure()),
                        intervals.computeIfAbsent(institution.horizonDays(), h -> context.intervals(from, h)),
                        from,
                        context));
            }
        }
    }

    private ScoringContext context() {
        LoadedSnapshot snapshot = store.requireServing("the first fit runs when the sanctions-service answers");
        ScoringContext cached = cache.get();
        if (cached != null && cached.snapshot().id() == snapshot.id()) {
            return cached;
        }
        ScoringContext built = new ScoringContext(served.of(snapshot), exposure);
        if (built.grid() == null) {
            throw ApiProblem.retryLater(
                    ProblemType.NO_SNAPSHOT,
                    "the serving snapshot knows no sector or region, so it has no cell to score",
                    config.refit().retryAfterSeconds());
        }
        cache.set(built);
        return built;
    }

    private int horizonParameter(String value) {
        int max = config.scores().maxHorizonDays();
        if (value == null || value.isBlank()) {
            return config.scores().defaultHorizonDays();
        }
        int horizon;
        try {
            horizon = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter(
                    "horizonDays", "'" + InstitutionValidator.shorten(value) + "' is not a whole number of days");
        }
        if (horizon < 1 || horizon > max) {
            throw ApiProblem.invalidParameter("horizonDays", "must be between 1 and " + max);
        }
        return horizon;
    }

    private void record(AuditAction action, String digest, int items, LoadedSnapshot snapshot) {
        audit.record(new AuditEntry(
                action,
                digest,
                items,
                snapshot.row().getModelVersion(),
                snapshot.row().getDataVersion(),
                snapshot.id(),
                null));
    }

    private static ApiProblem invalid(List<Violation> errors, int errorCount, Map<String, Object> where) {
        Violation first = errors.get(0);
        String detail = errorCount == 1
                ? first.field() + ": " + first.message()
                : errorCount + " problems with the institutions, the first: " + first.field() + ": " + first.message();
        Map<String, Object> extensions = new HashMap<>();
        extensions.put("errorCount", errorCount);
        if (where != null) {
            extensions.putAll(where);
        }
        return new ApiProblem(ProblemType.INVALID_INSTITUTION, detail, errors, extensions, null);
    }

    static ScoreView view(
            Institution inst,
            InstitutionScore s,
            UncertainRiskModel intervals,
            LocalDate from,
            ScoringContext context) {
        LoadedSnapshot snapshot = context.snapshot();
        ServedModel model = context.served();
        return view(
                inst,
                s,
                intervals.institution(inst.cell(), s.exposureMultiplier()),
                model.cadenceDraws().size(),
                model.hasParameterDraws(),
                from,
                snapshot.row().getModelVersion(),
                snapshot.row().getDataVersion(),
                snapshot.id());
    }

    /**
     * The answer for one scored institution without parameter draws: the share-only interval of {@code s}, the
     * pooled severity (kept for the engine benchmarks).
     */
    public static ScoreView view(
            Institution inst,
            InstitutionScore s,
            LocalDate from,
            String modelVersion,
            long dataVersion,
            long snapshotId) {
        return view(inst, s, null, 0, false, from, modelVersion, dataVersion, snapshotId);
    }

    /**
     * The answer for one scored institution; single scores and batch items are made here alike. The served
     * numbers and their intervals come from {@code risk} (joint posterior draws), the share and contributions from
     * {@code s}; without {@code risk}, everything from {@code s}.
     */
    public static ScoreView view(
            Institution inst,
            InstitutionScore s,
            RiskInterval risk,
            int draws,
            boolean parameterUncertainty,
            LocalDate from,
            String modelVersion,
            long dataVersion,
            long snapshotId) {
        List<ScoreView.Contribution> contributions =
                new ArrayList<>(3 + s.exposure().size());
        contributions.add(new ScoreView.Contribution("baseline", null, null, null, s.baseline()));
        contributions.add(new ScoreView.Contribution("sanctions", null, null, null, s.sanctions()));
        contributions.add(new ScoreView.Contribution("self-excitation", null, null, null, s.selfExcitation()));
        for (ExposureEffect e : s.exposure()) {
            contributions.add(new ScoreView.Contribution(
                    "exposure", e.factor().field(), e.level(), e.multiplier(), e.expectedCount()));
        }
        double expected;
        double probability;
        double score;
        double attempted;
        double realised;
        ScoreView.Interval interval;
        if (risk == null) {
            expected = s.expectedCount();
            probability = s.probabilityAtLeastOne();
            score = s.score();
            attempted = s.expectedAttemptedLoss();
            realised = s.expectedRealisedLoss();
            interval = new ScoreView.Interval(
                    s.interval().level(),
                    s.interval().expectedCountLower(),
                    s.interval().expectedCountUpper(),
                    s.interval().probabilityLower(),
                    s.interval().probabilityUpper(),
                    s.interval().scoreLower(),
                    s.interval().scoreUpper(),
                    null,
                    null,
                    null,
                    null,
                    0,
                    false);
        } else {
            CellRisk point = risk.point();
            expected = point.expectedCount();
            probability = point.probabilityAtLeastOne();
            score = risk.score();
            attempted = point.expectedAttemptedLoss();
            realised = point.expectedRealisedLoss();
            interval = new ScoreView.Interval(
                    risk.expectedCount().level(),
                    risk.expectedCount().lower(),
                    risk.expectedCount().upper(),
                    risk.probabilityAtLeastOne().lower(),
                    risk.probabilityAtLeastOne().upper(),
                    risk.scoreInterval().lower(),
                    risk.scoreInterval().upper(),
                    lower(risk.expectedAttemptedLoss()),
                    upper(risk.expectedAttemptedLoss()),
                    lower(risk.expectedRealisedLoss()),
                    upper(risk.expectedRealisedLoss()),
                    draws,
                    parameterUncertainty);
        }
        return new ScoreView(
                inst.id(),
                inst.sector(),
                inst.country(),
                inst.region(),
                inst.horizonDays(),
                from,
                from.plusDays(inst.horizonDays()),
                s.cellShare(),
                expected,
                probability,
                new ScoreView.ExpectedLoss(Numbers.finite(attempted), Numbers.finite(realised)),
                score,
                ScoreScale.band(score).code(),
                interval,
                contributions,
                s.exposureMultiplier(),
                modelVersion,
                dataVersion,
                snapshotId);
    }
}
