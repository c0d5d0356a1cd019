package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The global search (MODEL.md, "Search"). With the decay rates fixed the likelihood is concave in (mu, kappa,
 * alpha) ({@link ProfileSolver}), so the profile over (ln beta, ln delta) is evaluated on a fixed grid spanning
 * the whole box (over ln beta alone for the Hawkes model). The best cells, the grid's local maxima and the nested
 * model's optimum are polished in 5 dimensions ({@link Polisher}); the configured number of starts only adds
 * further local maxima and cells. The best polished point is then checked: a restart from a perturbed copy must
 * return to it, the concave profile at its decay rates must not beat it, and no grid cell may exceed it.
 */
final class GlobalSearch {

    /** Two polished starts agree when their log-likelihoods differ by less than this. */
    static final double AGREEMENT = 1e-4;

    private static final double CHECK_TOLERANCE = 1e-6;
    private static final int TOP_CELLS = 2;
    private static final int LOCAL_MAXIMA = 4;
    private static final double RESTART_OFFSET = 0.1;
    /** Grid candidates more than this below the best cell are not polished (polishing gains far less). */
    private static final double PRUNE_BELOW_BEST = 2.0;

    private final FitSpace space;
    private final FitOptions options;
    private final Budget budget;
    private final double[] ones;
    private final double[] zeros;

    GlobalSearch(FitSpace space, FitOptions options, Budget budget) {
        this.space = space;
        this.options = options;
        this.budget = budget;
        this.ones = new double[space.n];
        Arrays.fill(ones, 1.0);
        this.zeros = new double[space.n];
    }

    /** Grid points per decay rate: dense for the data sizes of the public record, coarser for large samples. */
    static int gridSide(int n) {
        return n <= 5_000 ? 33 : n <= 50_000 ? 17 : 9;
    }

    record Result(Optimum best, SearchReport report) {}

    Result hawkes() {
        int side = 2 * gridSide(space.n) - 1;
        Polisher polisher = new Polisher(
                space::hawkesValue,
                space::hawkesGradient,
                space.hawkesLower(),
                space.hawkesUpper(),
                budget,
                options.maxEvaluationsPerStart());
        double[] poisson = {0, 0, Math.log(1.0 / 30)};
        Grid grid = profileGrid(side, 1, 0);
        Function<int[], double[]> toV = cell -> {
            double[] th = grid.theta[cell[0]][cell[1]];
            return new double[] {Math.log(th[0] / space.rate), th[2], grid.lnBeta[cell[0]]};
        };
        return search(CadenceFitter.HAWKES, 0, grid, poisson, toV, polisher, v -> {
            CadenceParameters p = space.hawkes(v);
            return new double[] {p.mu(), 0, p.alpha(), p.beta(), 1.0 / FitSpace.NOMINAL_LAG_DAYS};
        });
    }

    Result full(int k, Optimum hawkes) {
        int side = gridSide(space.n);
        Polisher polisher = new Polisher(
                v -> space.fullValue(v, k),
                v -> space.fullGradient(v, k),
                space.fullLower(),
                space.fullUpper(),
                budget,
                options.maxEvaluationsPerStart());
        Grid grid = profileGrid(side, side, k);
        Function<int[], double[]> toV = cell -> {
            double[] th = grid.theta[cell[0]][cell[1]];
            return space.fullCoordinates(
                    th[0], th[1], th[2], Math.exp(grid.lnBeta[cell[0]]), Math.exp(grid.lnDelta[cell[1]]));
        };
        return search(CadenceFitter.FULL, k, grid, space.nestedStart(hawkes.v(), k), toV, polisher, v -> {
            CadenceParameters p = space.full(v, k);
            return new double[] {p.mu(), p.kappa(), p.alpha(), p.beta(), p.delta()};
        });
    }

    private Result search(
            String model,
            int k,
            Grid grid,
            double[] nested,
            Function<int[], double[]> toV,
            Polisher polisher,
            Function<double[], double[]> natural) {
        List<double[]> starts = new ArrayList<>();
        starts.add(nested);
        int fixed = 1;
        if (grid != null) {
            fixed += grid.candidates(0).size();
            for (int[] cell : grid.candidates(options.starts() - 1)) {
                starts.add(toV.apply(cell));
            }
        }
        List<Optimum> polished = starts.parallelStream().map(polisher::polish).toList();
        Optimum best = polished.get(0);
        for (int i = 1; i < polished.size(); i++) {
            // the fixed design decides (start order breaks ties); an extra start replaces its answer only when
            // it finds a clearly better optimum, so extra starts never change an answer they merely confirm
            Optimum o = polished.get(i);
            if (o.value() > best.value() + (i < fixed ? 0 : AGREEMENT)) {
                best = o;
            }
        }
        double[] restart = best.v().clone();
        double[] lo = k == 0 ? space.hawkesLower() : space.fullLower();
        double[] hi = k == 0 ? space.hawkesUpper() : space.fullUpper();
        for (int q = 0; q < restart.length; q++) {
            restart[q] += restart[q] + RESTART_OFFSET <= hi[q] ? RESTART_OFFSET : -RESTART_OFFSET;
        }
        Optimum again = polisher.polish(restart);
        List<Optimum> all = new ArrayList<>(polished);
        all.add(again);
        if (again.value() > best.value()) {
            best = again;
        }
        double profileGap = Double.NaN;
        if (!budget.hit()) {
            double[] th = natural.apply(best.v());
            ProfileSolver.Solution profile =
                    solverAt(Math.log(th[3]), Math.log(th[4]), k).solve(new double[] {th[0], th[1], th[2]});
            profileGap = profile.value() - best.value();
            if (profileGap > CHECK_TOLERANCE) {
                double[] v = best.v().clone();
                double[] moved = k == 0
                        ? new double[] {Math.log(profile.theta()[0] / space.rate), profile.theta()[2], v[2]}
                        : space.fullCoordinates(
                                profile.theta()[0], profile.theta()[1], profile.theta()[2], th[3], th[4]);
                Optimum adopted = polisher.polish(moved);
                all.add(adopted);
                if (adopted.value() > best.value()) {
                    best = adopted;
                }
            }
        }
        final double top = best.value();
        int agreeing =
                (int) all.stream().filter(o -> o.value() >= top - AGREEMENT).count();
        double kkt = best.kkt();
        double gridExcess = grid == null ? Double.NaN : grid.max() - top;
        boolean converged = !budget.hit()
                && kkt <= Polisher.KKT_TOLERANCE
                && agreeing >= 2
                && !(profileGap > CHECK_TOLERANCE)
                && !(gridExcess > CHECK_TOLERANCE)
                && grid != null;
        Optimum result = new Optimum(best.v(), best.value(), converged, kkt);
        int cells = grid == null ? 0 : grid.lnBeta.length * grid.lnDelta.length;
        return new Result(
                result,
                new SearchReport(
                        model, k, cells, starts.size(), agreeing, top, kkt, profileGap, gridExcess, converged));
    }

    // ---- the profile grid

    private ProfileSolver solverAt(double lnBeta, double lnDelta, int k) {
        return solver(
                ProfileColumns.excitation(space.data, Math.exp(lnBeta)),
                k == 0 ? null : ProfileColumns.sanctions(space.data, Math.exp(lnDelta), k));
    }

    private ProfileSolver solver(ProfileColumns.Column excitation, ProfileColumns.Column sanctions) {
        double[] lo = space.naturalLower();
        double[] hi = space.naturalUpper();
        return new ProfileSolver(
                new double[][] {ones, sanctions == null ? zeros : sanctions.values(), excitation.values()},
                new double[] {space.windowEnd, sanctions == null ? 0 : sanctions.mass(), excitation.mass()},
                new double[] {lo[0], 0, 0},
                new double[] {hi[0], sanctions == null ? 0 : hi[1], hi[2]});
    }

    static double[] line(int points) {
        double lo = Math.log(ParameterBounds.RATE_MIN);
        double hi = Math.log(ParameterBounds.RATE_MAX);
        double[] out = new double[points];
        for (int i = 0; i < points; i++) {
            out[i] = points == 1 ? lo : lo + (hi - lo) * i / (points - 1);
        }
        out[points - 1] = points == 1 ? lo : hi;
        return out;
    }

    /** The profile on the grid; null when the deadline passed while it was computed. */
    private Grid profileGrid(int betaPoints, int deltaPoints, int k) {
        double[] lnBeta = line(betaPoints);
        double[] lnDelta = k == 0 ? new double[] {Math.log(1.0 / FitSpace.NOMINAL_LAG_DAYS)} : line(deltaPoints);
        try {
            List<ProfileColumns.Column> excitation = IntStream.range(0, lnBeta.length)
                    .parallel()
                    .mapToObj(a -> {
                        budget.check();
                        budget.count(1);
                        return ProfileColumns.excitation(space.data, Math.exp(lnBeta[a]));
                    })
                    .toList();
            List<ProfileColumns.Column> sanctions = k == 0
                    ? null
                    : IntStream.range(0, lnDelta.length)
                            .parallel()
                            .mapToObj(b -> {
                                budget.check();
                                budget.count(1);
                                return ProfileColumns.sanctions(space.data, Math.exp(lnDelta[b]), k);
                            })
                            .toList();
            double[][] values = new double[lnBeta.length][lnDelta.length];
            double[][][] theta = new double[lnBeta.length][lnDelta.length][];
            IntStream.range(0, lnBeta.length).parallel().forEach(a -> {
                double[] start = {0.5 * space.rate, 0, 0.1};
                for (int b = 0; b < lnDelta.length; b++) { // warm start along the row: same in any thread
                    budget.check();
                    ProfileSolver.Solution s = solver(excitation.get(a), sanctions == null ? null : sanctions.get(b))
                            .solve(start);
                    budget.count(s.iterations());
                    values[a][b] = s.value();
                    theta[a][b] = s.theta();
                    start = s.theta();
                }
            });
            return new Grid(lnBeta, lnDelta, values, theta);
        } catch (Budget.DeadlineReached e) {
            return null;
        }
    }

    private record Grid(double[] lnBeta, double[] lnDelta, double[][] values, double[][][] theta) {

        double max() {
            double m = Double.NEGATIVE_INFINITY;
            for (double[] row : values) {
                for (double v : row) {
                    m = Math.max(m, v);
                }
            }
            return m;
        }

        /** The best cells and the best local maxima, then {@code extra} more in the same ranking. */
        List<int[]> candidates(int extra) {
            List<int[]> cells = new ArrayList<>();
            for (int a = 0; a < lnBeta.length; a++) {
                for (int b = 0; b < lnDelta.length; b++) {
                    cells.add(new int[] {a, b});
                }
            }
            cells.sort(Comparator.comparingDouble((int[] c) -> -values[c[0]][c[1]])
                    .thenComparingInt(c -> c[0])
                    .thenComparingInt(c -> c[1]));
            double floor = values[cells.get(0)[0]][cells.get(0)[1]] - PRUNE_BELOW_BEST;
            cells.removeIf(c -> values[c[0]][c[1]] < floor);
            List<int[]> maxima = cells.stream().filter(this::localMaximum).toList();
            Set<Integer> chosen = new LinkedHashSet<>();
            cells.stream().limit(TOP_CELLS).forEach(c -> chosen.add(index(c)));
            maxima.stream().limit(LOCAL_MAXIMA).forEach(c -> chosen.add(index(c)));
            int wanted = chosen.size() + extra;
            for (int[] c : maxima) {
                if (chosen.size() >= wanted) {
                    break;
                }
                chosen.add(index(c));
            }
            for (int[] c : cells) {
                if (chosen.size() >= wanted) {
                    break;
                }
                chosen.add(index(c));
            }
            return chosen.stream()
                    .map(i -> new int[] {i / lnDelta.length, i % lnDelta.length})
                    .toList();
        }

        private int index(int[] c) {
            return c[0] * lnDelta.length + c[1];
        }

        private boolean localMaximum(int[] c) {
            double v = values[c[0]][c[1]];
            for (int da = -1; da <= 1; da++) {
                for (int db = -1; db <= 1; db++) {
                    int a = c[0] + da;
                    int b = c[1] + db;
                    if ((da != 0 || db != 0)
                            && a >= 0
                            && b >= 0
                            && a < lnBeta.length
                            && b < lnDelta.length
                            && values[a][b] > v) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
