package io.sanctionsrisk.cadence.backtest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsrisk.cadence.marks.Cell;
import io.sanctionsrisk.cadence.marks.CellPosterior;
import io.sanctionsrisk.cadence.marks.CredibleInterval;
import io.sanctionsrisk.cadence.marks.DiscountedCellModel;
import io.sanctionsrisk.cadence.marks.MarkPrior;
import io.sanctionsrisk.cadence.marks.MarkedEvent;
import io.sanctionsrisk.cadence.marks.PrequentialSelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The simulation goals of the marks (MODEL.md, "Marks in simulation"): four sectors x four regions, heists at
 * Poisson times over ten years, regions independent of sectors with shares 0.4, 0.3, 0.2, 0.1.
 */
class MarkSimulationTest {

    static final List<String> SECTORS = List.of("target", "s2", "s3", "s4");
    static final List<String> REGIONS = List.of("r1", "r2", "r3", "r4");
    static final double[] REGION_SHARES = {0.4, 0.3, 0.2, 0.1};
    static final double T = 3652.5;
    static final Set<String> TARGET = Set.of("target");

    /** Heists at rate {@code perYear}; the target sector's share is {@code before} until T/2, {@code after} then. */
    static List<MarkedEvent> simulate(long seed, double perYear, double before, double after) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<MarkedEvent> events = new ArrayList<>();
        double t = 0;
        while (true) {
            t += -Math.log(1 - rng.nextDouble()) * 365.25 / perYear;
            if (t > T) {
                return events;
            }
            double share = t < T / 2 ? before : after;
            int s = rng.nextDouble() < share ? 0 : 1 + rng.nextInt(3);
            double u = rng.nextDouble();
            int r = 0;
            for (double acc = REGION_SHARES[0]; u > acc && r < 3; acc += REGION_SHARES[++r]) {}
            events.add(MarkedEvent.of(t, new Cell(SECTORS.get(s), REGIONS.get(r))));
        }
    }

    static MarkPrior chosen(List<MarkedEvent> events, double asOf) {
        return PrequentialSelector.select(
                        SECTORS,
                        REGIONS,
                        events,
                        asOf,
                        365.25,
                        CellBacktest.QUARTER_DAYS,
                        PrequentialSelector.defaultCandidates())
                .chosen();
    }

    @Test
    void aShareDroppingFromSevenTenthsToOneTenthIsRecoveredAndItsIntervalsCover() {
        int replicates = 60;
        int covered = 0;
        int staticCovered = 0;
        double sum = 0;
        double staticSum = 0;
        for (int rep = 0; rep < replicates; rep++) {
            List<MarkedEvent> events = simulate(1000 + rep, 10, 0.7, 0.1);
            CellPosterior p = DiscountedCellModel.fit(SECTORS, REGIONS, events, T, chosen(events, T));
            CellPosterior s = DiscountedCellModel.fit(SECTORS, REGIONS, events, T, MarkPrior.STATIC);
            CredibleInterval ci = p.groupInterval(TARGET, 0.90);
            covered += ci.contains(0.1) ? 1 : 0;
            staticCovered += s.groupInterval(TARGET, 0.90).contains(0.1) ? 1 : 0;
            sum += p.groupMean(TARGET);
            staticSum += s.groupMean(TARGET);
        }
        String report = String.format(
                Locale.ROOT,
                "drift 0.7 -> 0.1, 100 heists, %d replicates: mean estimate %.3f (static %.3f), 90%% coverage %d/%d (static %d/%d)",
                replicates,
                sum / replicates,
                staticSum / replicates,
                covered,
                replicates,
                staticCovered,
                replicates);
        System.out.println(report);
        assertTrue(Math.abs(sum / replicates - 0.1) <= 0.05, report);
        assertTrue(covered >= 0.8 * replicates, report);
    }

    @Test
    void withoutDriftTheAdaptiveMarksLoseAtMostTwoNatsPerHundredHeists() {
        double adaptive = 0;
        double fixed = 0;
        int heists = 0;
        for (int rep = 0; rep < 20; rep++) {
            List<MarkedEvent> events = simulate(2000 + rep, 10, 0.4, 0.4);
            for (MarkWindow w : MarkBacktest.run(events, origins(730), CellBacktest.QUARTER_DAYS, options())) {
                adaptive += w.adaptiveLogScore();
                fixed += w.staticLogScore();
                heists += w.heistsWithCell();
            }
        }
        double lossPer100 = 100 * (fixed - adaptive) / heists;
        String report = String.format(
                Locale.ROOT,
                "no drift, 20 replicates, %d held-out heists: adaptive %.2f, static %.2f, loss %.3f nats per 100 heists",
                heists,
                adaptive,
                fixed,
                lossPer100);
        System.out.println(report);
        assertTrue(lossPer100 <= 2, report);
    }

    @Test
    void servedCellProbabilitiesAreCalibratedWhenSharesAreStable() throws IOException {
        // 48 heists a year: every bin holds; at 16 a year only the forecasts as a whole do (see MODEL.md)
        String rich = reliability(48, 0.4, 0.4, true);
        String sparse = reliability(16, 0.4, 0.4, false);
        System.out.println(rich + "\n" + sparse);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/mark-reliability-stable.md"), rich + "\n" + sparse);
    }

    @Test
    void afterAnAbruptChangeTheServedProbabilitiesLagForAWhile() throws IOException {
        // reported, not required: right after the drop the other sectors' cells are under-predicted until the
        // discounted counts catch up
        String table = reliability(16, 0.7, 0.1, false);
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/mark-reliability-drift.md"), table);
    }

    // served P(N >= 1) = 1 - exp(-share_c x rate x quarter) for every cell and quarterly origin from year 4, 40
    // replicates, binned against the observed frequency of at least one heist; the forecasts as a whole must match
    private static String reliability(double perYear, double before, double after, boolean require) {
        double[] edges = {0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0001};
        int bins = edges.length - 1;
        double[] predicted = new double[bins];
        double[] observed = new double[bins];
        int[] count = new int[bins];
        double window = CellBacktest.QUARTER_DAYS;
        for (int rep = 0; rep < 40; rep++) {
            List<MarkedEvent> events = simulate(3000 + rep, perYear, before, after);
            for (double origin : origins(1461)) {
                MarkBacktest.Posteriors p = MarkBacktest.posteriors(events, origin, options());
                // total forecast: the homogeneous Poisson rate of the heists known by the origin
                double rate = events.stream().filter(e -> e.knownBy(origin)).count() / origin;
                int[] n = MarkBacktest.cellCounts(p.adaptive(), events, origin, origin + window);
                for (int c = 0; c < n.length; c++) {
                    double prob = -Math.expm1(-p.adaptive().mean(c) * rate * window);
                    int b = 0;
                    while (prob >= edges[b + 1]) {
                        b++;
                    }
                    predicted[b] += prob;
                    observed[b] += n[c] > 0 ? 1 : 0;
                    count[b]++;
                }
            }
        }
        StringBuilder table = new StringBuilder(String.format(
                Locale.ROOT, "%.0f heists a year, target share %.1f then %.1f%n%n", perYear, before, after));
        table.append("| served P(N >= 1) | forecasts | mean served | observed frequency | binomial s.e. |\n"
                + "| --- | ---: | ---: | ---: | ---: |\n");
        for (int b = 0; b < bins; b++) {
            if (count[b] == 0) {
                continue;
            }
            double p = predicted[b] / count[b];
            double o = observed[b] / count[b];
            double se = Math.sqrt(p * (1 - p) / count[b]);
            table.append(String.format(
                    Locale.ROOT,
                    "| %.2f - %.2f | %d | %.3f | %.3f | %.3f |%n",
                    edges[b],
                    Math.min(1, edges[b + 1]),
                    count[b],
                    p,
                    o,
                    se));
            if (require && count[b] >= 100) {
                assertTrue(Math.abs(o - p) <= 4 * se + 0.02, "bin " + b + ": " + table);
            }
        }
        double served = 0;
        double seen = 0;
        double variance = 0;
        int all = 0;
        for (int b = 0; b < bins; b++) {
            served += predicted[b];
            seen += observed[b];
            all += count[b];
        }
        variance = served / all * (1 - served / all) * all;
        table.append(String.format(
                Locale.ROOT,
                "| all | %d | %.3f | %.3f | %.3f |%n",
                all,
                served / all,
                seen / all,
                Math.sqrt(variance) / all));
        assertTrue(Math.abs(seen - served) <= 4 * Math.sqrt(variance) + 0.02 * all, table.toString());
        return table.toString();
    }

    static double[] origins(double first) {
        int n = (int) Math.floor((T - first) / CellBacktest.QUARTER_DAYS);
        double[] o = new double[n];
        for (int k = 0; k < n; k++) {
            o[k] = first + k * CellBacktest.QUARTER_DAYS;
        }
        return o;
    }

    static MarkOptions options() {
        return MarkOptions.of(SECTORS, REGIONS, 365.25, TARGET);
    }
}
