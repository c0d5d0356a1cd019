package io.sanctionsrisk.risk.card;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the headline columns of a snapshot's latest stored backtest (table {@code backtest}, Flyway V5) and holds
 * them against the configured thresholds. Read-only and by SQL, so the card does not depend on the backtest
 * feature's code, only on its stored rows.
 */
@ApplicationScoped
public class StoredBacktests {

    private final EntityManager entityManager;
    private final CardConfig config;

    public StoredBacktests(EntityManager entityManager, CardConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Transactional
    public BacktestStatus latestFor(long snapshotId) {
        List<?> rows = entityManager
                .createNativeQuery("select id, created_at, origin_count, window_days, full_ll_per_event,"
                        + " hawkes_ll_per_event, poisson_ll_per_event, full_coverage90 from backtest"
                        + " where snapshot_id = ?1 order by id desc")
                .setParameter(1, snapshotId)
                .setMaxResults(1)
                .getResultList();
        if (rows.isEmpty()) {
            return BacktestStatus.notRun();
        }
        Object[] row = (Object[]) rows.get(0);
        return judge(
                ((Number) row[0]).longValue(),
                instant(row[1]),
                ((Number) row[2]).intValue(),
                ((Number) row[3]).intValue(),
                number(row[4]),
                number(row[5]),
                number(row[6]),
                number(row[7]));
    }

    BacktestStatus judge(
            long id,
            Instant created,
            int origins,
            int windowDays,
            Double full,
            Double hawkes,
            Double poisson,
            Double coverage) {
        CardConfig.BacktestThresholds t = config.backtest();
        Double gain = full == null || poisson == null ? null : full - poisson;
        List<BacktestStatus.Check> checks = new ArrayList<>();
        checks.add(new BacktestStatus.Check(
                "origins", (double) origins, ">= " + t.minOrigins(), origins >= t.minOrigins()));
        checks.add(new BacktestStatus.Check(
                "coverage90",
                coverage,
                ">= " + t.minCoverage90(),
                coverage == null ? null : coverage >= t.minCoverage90()));
        checks.add(new BacktestStatus.Check(
                "gainOverPoissonPerEvent",
                gain,
                ">= " + t.minGainOverPoissonPerEvent(),
                gain == null ? null : gain >= t.minGainOverPoissonPerEvent()));
        String status;
        if (origins < t.minOrigins() || checks.stream().anyMatch(c -> c.passed() == null)) {
            status = BacktestStatus.INCONCLUSIVE;
        } else if (checks.stream().allMatch(BacktestStatus.Check::passed)) {
            status = BacktestStatus.PASS;
        } else {
            status = BacktestStatus.FAIL;
        }
        return new BacktestStatus(
                status, id, created, origins, windowDays, full, hawkes, poisson, coverage, List.copyOf(checks));
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException(
                "unexpected created_at type " + value.getClass().getName());
    }
}
