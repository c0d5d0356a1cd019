package io.sanctionsrisk.risk.scoring;

import io.sanctionsrisk.cadence.scoring.CellGrid;
import io.sanctionsrisk.cadence.scoring.CellRisk;
import io.sanctionsrisk.cadence.scoring.RiskInterval;
import io.sanctionsrisk.cadence.scoring.UncertainRiskModel;
import io.sanctionsrisk.risk.config.RiskConfig;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.Numbers;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The heatmap (GET /api/v1/heatmap): every sector x region cell of the serving snapshot over a horizon, with its
 * expected count, probability, losses and their intervals, on the same scoring context as the institution scores.
 * Records nothing in the audit trail.
 */
@ApplicationScoped
public class HeatmapService {

    private final ScoreService scores;
    private final Taxonomy taxonomy;
    private final RiskConfig config;
    private final Clock clock;

    HeatmapService(ScoreService scores, Taxonomy taxonomy, RiskConfig config, Clock clock) {
        this.scores = scores;
        this.taxonomy = taxonomy;
        this.config = config;
        this.clock = clock;
    }

    /** Every cell of the serving snapshot over the horizon; {@code horizonDays} as sent (null: the default). */
    public HeatmapView heatmap(String horizonDays) {
        int horizon = horizonParameter(horizonDays);
        ScoringContext context = scores.context();
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
                ScoreViews.lower(r.expectedRealisedLoss()),
                ScoreViews.upper(r.expectedRealisedLoss()),
                ScoreViews.lower(r.expectedAttemptedLoss()),
                ScoreViews.upper(r.expectedAttemptedLoss()));
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
}
