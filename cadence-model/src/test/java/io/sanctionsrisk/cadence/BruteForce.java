package io.sanctionsrisk.cadence;

import java.util.List;

/** O(n^2) reference implementations straight from the definitions, for checking the recursions. */
final class BruteForce {

    private BruteForce() {}

    static double gammaDensity(int k, double delta, double u) {
        if (u <= 0) {
            return 0;
        }
        double fact = k == 3 ? 2 : 1;
        return Math.pow(delta, k) * Math.pow(u, k - 1) * Math.exp(-delta * u) / fact;
    }

    /** lambda at x counting only points strictly before x. */
    static double[] intensityParts(double[] events, List<Sanction> sanctions, CadenceParameters p, double x) {
        double sanc = 0;
        for (Sanction s : sanctions) {
            if (s.time() < x) {
                sanc += p.kappa() * s.weight() * gammaDensity(p.shape(), p.delta(), x - s.time());
            }
        }
        double exc = 0;
        for (double t : events) {
            if (t < x) {
                exc += p.alpha() * p.beta() * Math.exp(-p.beta() * (x - t));
            }
        }
        return new double[] {p.mu(), sanc, exc};
    }

    static double intensity(double[] events, List<Sanction> sanctions, CadenceParameters p, double x) {
        double[] parts = intensityParts(events, sanctions, p, x);
        return parts[0] + parts[1] + parts[2];
    }

    static double logLikelihood(double T, double[] events, List<Sanction> sanctions, CadenceParameters p) {
        double sum = 0;
        for (double t : events) {
            sum += Math.log(intensity(events, sanctions, p, t));
        }
        return sum - compensator(T, events, sanctions, p);
    }

    /** Closed form term by term (Erlang cdf written out as a finite sum). */
    static double compensator(double T, double[] events, List<Sanction> sanctions, CadenceParameters p) {
        double c = p.mu() * T;
        for (Sanction s : sanctions) {
            if (s.time() < T) {
                double from = Math.max(0, -s.time());
                c += p.kappa()
                        * s.weight()
                        * (erlang(p.shape(), p.delta() * (T - s.time())) - erlang(p.shape(), p.delta() * from));
            }
        }
        for (double t : events) {
            c += p.alpha() * (1 - Math.exp(-p.beta() * (T - t)));
        }
        return c;
    }

    static double erlang(int k, double x) {
        if (x <= 0) {
            return 0;
        }
        double term = 1;
        double sum = 1;
        for (int r = 1; r < k; r++) {
            term *= x / r;
            sum += term;
        }
        return 1 - Math.exp(-x) * sum;
    }
}
