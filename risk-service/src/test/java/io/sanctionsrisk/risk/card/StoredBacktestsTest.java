package io.sanctionsrisk.risk.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoredBacktestsTest {

    private static final CardConfig DEFAULTS = config(3, 0.75, 0.0);

    private static CardConfig config(int minOrigins, double minCoverage, double minGain) {
        return new CardConfig() {
            @Override
            public BacktestThresholds backtest() {
                return new BacktestThresholds() {
                    @Override
                    public int minOrigins() {
                        return minOrigins;
                    }

                    @Override
                    public double minCoverage90() {
                        return minCoverage;
                    }

                    @Override
                    public double minGainOverPoissonPerEvent() {
                        return minGain;
                    }
                };
            }

            @Override
            public int maxPageSize() {
                return 100;
            }
        };
    }

    private static BacktestStatus judge(CardConfig config, int origins, Double full, Double poisson, double coverage) {
        return new StoredBacktests(null, config).judge(7, Instant.EPOCH, origins, 365, full, -1.5, poisson, coverage);
    }

    @Test
    void passesWhenCoverageAndGainReachTheThresholds() {
        BacktestStatus status = judge(DEFAULTS, 5, -1.0, -1.2, 0.8);
        assertEquals("pass", status.status());
        assertEquals(0.2, status.checks().get(2).value(), 1e-12);
    }

    @Test
    void failsOnLowCoverageOrAFullModelWorseThanPoisson() {
        assertEquals("fail", judge(DEFAULTS, 5, -1.0, -1.2, 0.6).status());
        assertEquals("fail", judge(DEFAULTS, 5, -1.3, -1.2, 1.0).status());
        assertEquals(
                Boolean.FALSE,
                judge(DEFAULTS, 5, -1.3, -1.2, 1.0).checks().get(2).passed());
    }

    @Test
    void isInconclusiveWithTooFewOriginsOrNoHeistScored() {
        assertEquals("inconclusive", judge(DEFAULTS, 2, -1.0, -1.2, 1.0).status());
        BacktestStatus unscored = judge(DEFAULTS, 5, null, null, 1.0);
        assertEquals("inconclusive", unscored.status());
        assertNull(unscored.checks().get(2).passed());
    }

    @Test
    void followsTheConfiguredThresholds() {
        assertEquals("fail", judge(config(3, 0.9, 0.0), 5, -1.0, -1.2, 0.8).status());
        assertEquals("fail", judge(config(3, 0.75, 0.5), 5, -1.0, -1.2, 0.8).status());
        assertEquals("pass", judge(config(1, 0.5, -1.0), 1, -1.3, -1.2, 0.5).status());
    }
}
