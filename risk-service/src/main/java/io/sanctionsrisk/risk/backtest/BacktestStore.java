package io.sanctionsrisk.risk.backtest;

import io.sanctionsrisk.risk.audit.AuditAction;
import io.sanctionsrisk.risk.audit.AuditEntry;
import io.sanctionsrisk.risk.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Stores backtests together with their audit rows, in one transaction. */
@ApplicationScoped
public class BacktestStore {

    private final BacktestRepository backtests;
    private final AuditTrail audit;

    public BacktestStore(BacktestRepository backtests, AuditTrail audit) {
        this.backtests = backtests;
        this.audit = audit;
    }

    @Transactional
    public Backtest save(Backtest.Values values) {
        Backtest row = new Backtest(values);
        backtests.persistAndFlush(row);
        audit.record(new AuditEntry(
                AuditAction.BACKTEST,
                values.inputsDigest(),
                values.originCount(),
                values.modelVersion(),
                values.dataVersion(),
                values.snapshotId(),
                String.valueOf(row.getId())));
        return row;
    }

    /** The backtest and its result document. */
    @Transactional
    public Optional<Loaded> find(long id) {
        Backtest row = backtests.findById(id);
        return row == null ? Optional.empty() : Optional.of(new Loaded(row, row.getResultJson()));
    }

    @Transactional
    public List<Backtest> page(int page, int size) {
        return backtests.page(page, size);
    }

    @Transactional
    public long count() {
        return backtests.count();
    }

    public record Loaded(Backtest row, String resultJson) {}
}
