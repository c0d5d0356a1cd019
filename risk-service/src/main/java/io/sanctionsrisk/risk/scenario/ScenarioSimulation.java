package io.sanctionsrisk.risk.scenario;

import io.sanctionsrisk.cadence.CadenceParameters;
import io.sanctionsrisk.cadence.marks.Cell;
import io.sanctionsrisk.cadence.marks.CellPosterior;
import io.sanctionsrisk.cadence.marks.CredibleInterval;
import io.sanctionsrisk.cadence.marks.LognormalSeverity;
import io.sanctionsrisk.cadence.marks.SeverityDraw;
import io.sanctionsrisk.cadence.marks.SeverityFit;
import io.sanctionsrisk.cadence.marks.SeverityPosterior;
import io.sanctionsrisk.cadence.scenario.CellSummary;
import io.sanctionsrisk.cadence.scenario.LossModel;
import io.sanctionsrisk.cadence.scenario.PathDraw;
import io.sanctionsrisk.cadence.scenario.ScenarioEngine;
import io.sanctionsrisk.cadence.scenario.ScenarioInput;
import io.sanctionsrisk.cadence.scenario.ScenarioStatistics;
import io.sanctionsrisk.risk.dataset.ModelDataset;
import io.sanctionsrisk.risk.snapshot.CellCounts;
import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.ServedCells;
import io.sanctionsrisk.risk.snapshot.ServedModel;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.ProblemType;
import io.sanctionsrisk.risk.web.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The numbers of a scenario, a function of the snapshot and the validated inputs only: the baseline and scenario
 * worlds on common random numbers ({@link ScenarioEngine}), the analytic expectations beside them, and the cell
 * and loss summaries.
 */
final class ScenarioSimulation {

    private ScenarioSimulation() {}

    /** The credible level of the parameter-uncertainty intervals. */
    static final double LEVEL = ServedCells.CREDIBLE_LEVEL;

    /** Keys the loss draws apart from the scores' severity draws of the same mark seed. */
    private static final long LOSS_DRAW_KEY = 0x6C6F7373L;

    /** The scenario's numbers; a function of the snapshot and the inputs only. */
    static ScenarioResult compute(ServedModel served, ScenarioInputs inputs, int threads) {
        LoadedSnapshot snapshot = served.snapshot();
        ModelDataset dataset = snapshot.dataset();
        CadenceParameters p = snapshot.parameters();
        ScenarioWorlds worlds = ScenarioWorlds.of(dataset, inputs);

        Grid grid = grid(dataset, served.cells());
        boolean attempted = ScenarioService.ATTEMPTED.equals(inputs.lossBasis());
        SeverityFit severity = LognormalSeverity.fit(CellCounts.amounts(dataset, attempted));
        LossModel loss = null;
        String lossNote = "";
        if (severity.sufficient()) {
            loss = new LossModel(severity.probabilityPositive(), severity.muLog(), severity.sigmaLog());
        } else {
            lossNote = "no loss simulated: " + severity.note();
        }

        List<PathDraw> draws =
                pathDraws(served, grid, loss, attempted ? served.pooledAttempted() : served.pooledRealised());
        ScenarioInput input = new ScenarioInput(
                p,
                worlds.history(),
                worlds.sources(),
                worlds.origin(),
                worlds.countFrom(),
                worlds.countTo(),
                grid.shares,
                loss,
                inputs.paths(),
                inputs.seed(),
                draws);
        ScenarioStatistics stats;
        try {
            stats = ScenarioStatistics.of(ScenarioEngine.run(input, threads));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(
                    ProblemType.INVALID_SCENARIO,
                    e.getMessage(),
                    List.of(Violation.of("paths", e.getMessage())),
                    Map.of("errorCount", 1),
                    null);
        }

        // the mean equation under each draw: the expectation of each world given the draw
        int d = draws.size();
        double[] baselineByDraw = new double[d];
        double[] scenarioByDraw = new double[d];
        double[] deltaByDraw = new double[d];
        double[] deltaLossByDraw = loss == null ? null : new double[d];
        double baselineMean = 0;
        double scenarioMean = 0;
        for (int i = 0; i < d; i++) {
            CadenceParameters q = draws.get(i).parameters();
            double m = worlds.memory(q);
            baselineByDraw[i] = worlds.expected(q, m, worlds.baseline());
            scenarioByDraw[i] = worlds.expected(q, m, worlds.scenario());
            deltaByDraw[i] = scenarioByDraw[i] - baselineByDraw[i];
            if (deltaLossByDraw != null) {
                deltaLossByDraw[i] = deltaByDraw[i] * draws.get(i).loss().mean();
            }
            // path j runs under draw j mod d: weigh each draw by its number of paths
            double weight = (double) (inputs.paths() / d + (i < inputs.paths() % d ? 1 : 0)) / inputs.paths();
            baselineMean += weight * baselineByDraw[i];
            scenarioMean += weight * scenarioByDraw[i];
        }
        double memory = worlds.memory(p);
        ScenarioResult.Analytic analytic = new ScenarioResult.Analytic(
                baselineMean,
                scenarioMean,
                worlds.expected(p, memory, worlds.baseline()),
                worlds.expected(p, memory, worlds.scenario()));
        ScenarioResult.Uncertainty uncertainty = new ScenarioResult.Uncertainty(
                LEVEL,
                d,
                served.hasParameterDraws(),
                range(baselineByDraw, stats.baseline().count().mean()),
                range(scenarioByDraw, stats.scenario().count().mean()),
                range(deltaByDraw, stats.delta().count().mean()),
                deltaLossByDraw == null || stats.delta().loss() == null
                        ? null
                        : range(deltaLossByDraw, stats.delta().loss().mean()),
                stats.delta().count().standardError(),
                stats.delta().loss() == null ? null : stats.delta().loss().standardError());

        Set<String> sectorFilter = inputs.sectors() == null ? null : new HashSet<>(inputs.sectors());
        Set<String> regionFilter = inputs.regions() == null ? null : new HashSet<>(inputs.regions());
        int listedGrid = 0;
        for (Cell c : grid.cells) {
            if (matches(c, sectorFilter, regionFilter)) {
                listedGrid++;
            }
        }
        List<ScenarioResult.CellResult> cells = new ArrayList<>();
        for (CellSummary c : stats.cells()) {
            Cell cell = grid.cells.get(c.cell());
            if (matches(cell, sectorFilter, regionFilter)) {
                cells.add(new ScenarioResult.CellResult(
                        cell.sector(), cell.region(), c.baseline(), c.scenario(), c.delta()));
            }
        }
        return new ScenarioResult(
                inputs.startDate(),
                inputs.startDate().plusDays(inputs.horizonDays() - 1L),
                inputs.horizonDays(),
                worlds.axis().start().plusDays((long) worlds.origin()),
                worlds.history().length,
                inputs.paths(),
                inputs.seed(),
                inputs.lossBasis(),
                lossNote,
                new ScenarioResult.Totals(stats.baseline(), stats.scenario(), stats.delta()),
                analytic,
                stats.lossExceedance(),
                grid.cells.size(),
                cells,
                listedGrid - cells.size(),
                uncertainty);
    }

    private static ScenarioResult.Range range(double[] byDraw, double point) {
        CredibleInterval i = CredibleInterval.ofDraws(byDraw.clone(), point, LEVEL);
        return new ScenarioResult.Range(i.lower(), i.upper());
    }

    /**
     * The joint draws the paths run under: cadence parameter draw d (the fitted parameters in every draw when the
     * snapshot stores none), cell-share draw d of the served posterior in the grid's order, and draw d of the pooled
     * severity for the loss (the point loss when there is no severity posterior).
     */
    static List<PathDraw> pathDraws(ServedModel served, Grid grid, LossModel loss, SeverityPosterior severity) {
        List<CadenceParameters> cadence = served.cadenceDraws();
        ServedCells cells = served.cells();
        int[] toGrid = null;
        double[] buffer = null;
        if (cells != null) {
            CellPosterior posterior = cells.posterior();
            toGrid = new int[posterior.size()];
            Map<Cell, Integer> index = new HashMap<>();
            for (int i = 0; i < grid.cells.size(); i++) {
                index.put(grid.cells.get(i), i);
            }
            for (int c = 0; c < toGrid.length; c++) {
                toGrid[c] = index.get(posterior.cellAt(c));
            }
            buffer = new double[posterior.size()];
        }
        List<PathDraw> out = new ArrayList<>(cadence.size());
        for (int d = 0; d < cadence.size(); d++) {
            double[] shares = grid.shares;
            if (cells != null) {
                cells.posterior().draw(served.markSeed(), d, buffer);
                shares = new double[grid.shares.length];
                for (int c = 0; c < buffer.length; c++) {
                    shares[toGrid[c]] = buffer[c];
                }
            }
            LossModel drawLoss = loss;
            if (loss != null && severity != null) {
                SeverityDraw s = severity.draw(served.markSeed() ^ LOSS_DRAW_KEY, d);
                double mu = s.coefficients()[0];
                // a draw from a posterior of very few amounts can overflow; the point loss stands in for it
                if (Double.isFinite(mu)
                        && Double.isFinite(s.sigmaLog())
                        && Double.isFinite(Math.exp(mu + 0.5 * s.sigmaLog() * s.sigmaLog()))) {
                    drawLoss = new LossModel(s.probabilityPositive(), mu, s.sigmaLog());
                }
            }
            out.add(new PathDraw(cadence.get(d), shares, drawLoss));
        }
        return out;
    }

    private static boolean matches(Cell c, Set<String> sectors, Set<String> regions) {
        return (sectors == null || sectors.contains(c.sector())) && (regions == null || regions.contains(c.region()));
    }

    /** The served grid and its mean shares ({@link ServedCells}, computed once per snapshot). */
    static Grid grid(ModelDataset dataset, ServedCells served) {
        Grid known = known(dataset);
        double[] means = new double[known.cells().size()];
        if (served == null) { // the one placeholder cell takes every heist
            Arrays.fill(means, 1.0 / means.length);
        } else {
            Map<Cell, Double> byCell = new HashMap<>();
            served.shares().forEach(share -> byCell.put(share.cell(), share.mean()));
            for (int i = 0; i < means.length; i++) {
                means[i] = byCell.get(known.cells().get(i));
            }
        }
        return new Grid(known.cells(), means, known.sectors(), known.regions());
    }

    /**
     * The grid's cells without their shares: what validation needs. The engine draws a cell for every simulated
     * heist, so with no cell known one placeholder cell keeps the totals.
     */
    static Grid known(ModelDataset dataset) {
        CellCounts counted = CellCounts.of(dataset);
        Set<String> sectors = new TreeSet<>(counted.isEmpty() ? List.of("unknown") : counted.sectors());
        Set<String> regions = new TreeSet<>(counted.isEmpty() ? List.of("unknown") : counted.regions());
        List<Cell> cells = new ArrayList<>();
        for (String sector : sectors) {
            for (String region : regions) {
                cells.add(new Cell(sector, region));
            }
        }
        return new Grid(cells, null, sectors, regions);
    }

    record Grid(List<Cell> cells, double[] shares, Set<String> sectors, Set<String> regions) {}
}
