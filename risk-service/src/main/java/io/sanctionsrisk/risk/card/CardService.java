package io.sanctionsrisk.risk.card;

import io.sanctionsrisk.risk.snapshot.LoadedSnapshot;
import io.sanctionsrisk.risk.snapshot.SnapshotStore;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.PageView;
import io.sanctionsrisk.risk.web.Paging;
import io.sanctionsrisk.risk.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The model cards of the stored snapshots and their history; reads only. */
@ApplicationScoped
public class CardService {

    private final SnapshotStore snapshots;
    private final StoredBacktests backtests;
    private final CardConfig config;

    public CardService(SnapshotStore snapshots, StoredBacktests backtests, CardConfig config) {
        this.snapshots = snapshots;
        this.backtests = backtests;
        this.config = config;
    }

    /** The serving snapshot's card; 503 before the first fit. */
    public ModelCard serving() {
        return card(snapshots.requireServing("the model card describes the serving snapshot"));
    }

    /** A stored snapshot's card; 400 for an id that is not a positive integer, 404 for one not stored. */
    public ModelCard forSnapshot(String id) {
        long parsed = parseId(id);
        return card(snapshots
                .find(parsed)
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "no snapshot with id " + parsed)));
    }

    public PageView<SnapshotSummary> list(String page, String size) {
        int p = Paging.page(page);
        int s = Paging.size(size, config.maxPageSize());
        long servingId = snapshots.servingId().orElse(-1L);
        List<SnapshotSummary> items = snapshots.headers(p, s).stream()
                .map(h -> SnapshotSummary.of(h, servingId))
                .toList();
        return new PageView<>(items, p, s, snapshots.count());
    }

    private ModelCard card(LoadedSnapshot snapshot) {
        boolean serving = snapshots.servingId().map(id -> id == snapshot.id()).orElse(false);
        return CardAssembler.card(
                snapshot, snapshots.previous(snapshot.id()), backtests.latestFor(snapshot.id()), serving);
    }

    static long parseId(String id) {
        try {
            long parsed = Long.parseLong(id.trim());
            if (parsed < 1) {
                throw ApiProblem.invalidParameter("id", "must be a positive integer, got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter("id", "'" + id + "' is not a snapshot id (a positive integer)");
        }
    }
}
