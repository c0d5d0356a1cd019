package io.sanctionsrisk.sanctions.sources;

import io.sanctionsrisk.sanctions.Caller;
import io.sanctionsrisk.sanctions.config.SanctionsConfig;
import io.sanctionsrisk.sanctions.history.ChangeHistory;
import io.sanctionsrisk.sanctions.history.HistoryChange;
import io.sanctionsrisk.sanctions.service.DataVersionService;
import io.sanctionsrisk.sanctions.sources.SourceViews.LoadReport;
import io.sanctionsrisk.sanctions.sources.SourceViews.SourceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Loads an official list file and turns the DPRK-related changes since the previous load of the same source into
 * proposals, one per source and listing date. The data (and its version) stay as they are: a proposal reaches
 * them only through approval. The same file loaded again changes nothing.
 */
@ApplicationScoped
public class SourceLoadService {

    private final SourceRepositories.Loads loads;
    private final SourceRepositories.Proposals proposals;
    private final SanctionsConfig config;
    private final Clock clock;
    private final ChangeHistory history;
    private final DataVersionService dataVersion;

    public SourceLoadService(
            SourceRepositories.Loads loads,
            SourceRepositories.Proposals proposals,
            SanctionsConfig config,
            Clock clock,
            ChangeHistory history,
            DataVersionService dataVersion) {
        this.history = history;
        this.dataVersion = dataVersion;
        this.loads = loads;
        this.proposals = proposals;
        this.config = config;
        this.clock = clock;
    }

    /** @param baseline record the file without proposing anything (a first load of a long-running list) */
    @Transactional
    public LoadReport load(ListSource source, InputStream body, boolean baseline, Caller caller) {
        ListReader.Read read = ListReader.read(source, body, config.sources().maxFileBytes());
        ListFile file = read.file();
        Optional<SourceLoad> same = loads.byDigest(source, read.digest());
        if (same.isPresent()) {
            return new LoadReport(
                    source.code(),
                    read.digest(),
                    file.published(),
                    true,
                    file.totalEntries(),
                    file.dprkEntries().size(),
                    0,
                    0,
                    same.get().isBaseline(),
                    List.of());
        }
        Diff diff = Diff.of(loads.latest(source).map(SourceLoad::entries).orElse(List.of()), file.dprkEntries());
        Instant now = clock.instant();
        loads.persist(new SourceLoad(file, read.digest(), now, caller.subject(), baseline));
        List<Long> touched = baseline ? List.of() : propose(source, file, read.digest(), diff, now);
        LoadReport report = new LoadReport(
                source.code(),
                read.digest(),
                file.published(),
                false,
                file.totalEntries(),
                file.dprkEntries().size(),
                diff.added().size(),
                diff.removed().size(),
                baseline,
                touched);
        // A load proposes, it changes no data: the history row carries the current data version.
        history.record(
                caller,
                now,
                dataVersion.current().version(),
                ChangeHistory.VIA_REVIEW,
                new HistoryChange(
                        "source-load", source.code() + ":" + read.digest(), HistoryChange.LOADED, null, report));
        return report;
    }

    public List<SourceStatus> sources() {
        List<SourceStatus> found = new ArrayList<>();
        for (ListSource source : ListSource.values()) {
            Optional<SourceLoad> latest = loads.latest(source);
            found.add(new SourceStatus(
                    source.code(),
                    source.title(),
                    source.url(),
                    latest.map(SourceLoad::getPublishedOn).orElse(null),
                    latest.map(SourceLoad::getLoadedAt).orElse(null),
                    latest.map(SourceLoad::getDigest).orElse(null)));
        }
        return found;
    }

    /**
     * Groups the changes by listing date: a UN entry's LISTED_ON, else (OFAC's SDN XML has no designation dates,
     * and removals have none) the file's publication date, else the day of the load.
     */
    private List<Long> propose(ListSource source, ListFile file, String digest, Diff diff, Instant now) {
        LocalDate fileDate = file.published() != null ? file.published() : LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<LocalDate, List<Change>> byDate = new TreeMap<>();
        for (ListEntry entry : diff.added()) {
            LocalDate date = entry.listedOn() != null ? entry.listedOn() : fileDate;
            byDate.computeIfAbsent(date, key -> new ArrayList<>()).add(new Change(entry, SanctionProposal.ADDED));
        }
        for (ListEntry entry : diff.removed()) {
            byDate.computeIfAbsent(fileDate, key -> new ArrayList<>()).add(new Change(entry, SanctionProposal.REMOVED));
        }
        List<Long> touched = new ArrayList<>();
        for (Map.Entry<LocalDate, List<Change>> group : byDate.entrySet()) {
            SanctionProposal proposal =
                    proposals.pending(source, group.getKey()).orElse(null);
            if (proposal == null) {
                proposal = new SanctionProposal(source, group.getKey(), digest, now);
                proposals.persist(proposal);
            }
            for (Change change : group.getValue()) {
                proposal.add(change.entry(), change.kind());
            }
            touched.add(proposal.getId());
        }
        return touched;
    }

    private record Change(ListEntry entry, String kind) {}

    /** The DPRK-related entries added and removed between two loads, by the list's own reference. */
    record Diff(List<ListEntry> added, List<ListEntry> removed) {

        static Diff of(List<ListEntry> before, List<ListEntry> after) {
            Map<String, ListEntry> old = new LinkedHashMap<>();
            before.forEach(entry -> old.put(entry.ref(), entry));
            Map<String, ListEntry> now = new LinkedHashMap<>();
            after.forEach(entry -> now.put(entry.ref(), entry));
            List<ListEntry> added = now.values().stream()
                    .filter(entry -> !old.containsKey(entry.ref()))
                    .toList();
            LinkedHashSet<String> gone = new LinkedHashSet<>(old.keySet());
            gone.removeAll(now.keySet());
            return new Diff(added, gone.stream().map(old::get).toList());
        }
    }
}
