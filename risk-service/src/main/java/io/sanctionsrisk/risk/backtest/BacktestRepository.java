package io.sanctionsrisk.risk.backtest;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class BacktestRepository implements PanacheRepository<Backtest> {

    /** A page of backtests, newest first. */
    public List<Backtest> page(int page, int size) {
        return findAll(Sort.descending("createdAt", "id")).page(page, size).list();
    }
}
