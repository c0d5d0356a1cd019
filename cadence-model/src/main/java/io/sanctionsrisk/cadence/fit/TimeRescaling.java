package io.sanctionsrisk.cadence.fit;

import io.sanctionsrisk.cadence.CadenceData;
import io.sanctionsrisk.cadence.CadenceLikelihood;
import io.sanctionsrisk.cadence.CadenceParameters;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/** Time-rescaling goodness of fit (Brown et al. 2002): rescaled gaps against Exp(1) by Kolmogorov-Smirnov. */
final class TimeRescaling {

    private TimeRescaling() {}

    static GoodnessOfFit test(CadenceData data, CadenceParameters params) {
        double[] tau = CadenceLikelihood.compensatorAtEvents(data, params);
        double[] gaps = new double[tau.length];
        double previous = 0;
        double sum = 0;
        for (int i = 0; i < tau.length; i++) {
            gaps[i] = Math.max(0.0, tau[i] - previous);
            previous = tau[i];
            sum += gaps[i];
        }
        if (gaps.length < 2) {
            return new GoodnessOfFit(gaps.length, Double.NaN, Double.NaN, gaps.length == 1 ? gaps[0] : Double.NaN);
        }
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        ExponentialDistribution exp1 = new ExponentialDistribution(null, 1.0);
        double d = ks.kolmogorovSmirnovStatistic(exp1, gaps);
        double p = ks.kolmogorovSmirnovTest(exp1, gaps, false);
        return new GoodnessOfFit(gaps.length, d, p, sum / gaps.length);
    }
}
