package io.sanctionsrisk.sanctions.sources;

import io.sanctionsrisk.sanctions.Caller;
import io.sanctionsrisk.sanctions.SanctionData;
import io.sanctionsrisk.sanctions.history.ChangeHistory;
import io.sanctionsrisk.sanctions.history.HistoryChange;
import io.sanctionsrisk.sanctions.importing.ImportBatch;
import io.sanctionsrisk.sanctions.importing.ImportService;
import io.sanctionsrisk.sanctions.service.DataVersionService;
import io.sanctionsrisk.sanctions.sources.SourceViews.ProposalView;
import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.ProblemType;
import io.sanctionsrisk.sanctions.web.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The review queue. Approval writes the proposal's sanctions event through the import path (validated, created or
 * updated by key, the data version up by exactly one) with its provenance; rejection keeps a reason. A decided
 * proposal cannot be decided again.
 */
@ApplicationScoped
public class ProposalService {

    private static final Set<String> STATUSES =
            Set.of(SanctionProposal.PENDING, SanctionProposal.APPROVED, SanctionProposal.REJECTED);
    private static final int NOTE_LIMIT = 4000;
    private static final String PROPOSAL = "proposal";

    private final SourceRepositories.Proposals proposals;
    private final ImportService imports;
    private final Clock clock;
    private final ChangeHistory history;
    private final DataVersionService dataVersion;

    public ProposalService(
            SourceRepositories.Proposals proposals,
            ImportService imports,
            Clock clock,
            ChangeHistory history,
            DataVersionService dataVersion) {
        this.history = history;
        this.dataVersion = dataVersion;
        this.proposals = proposals;
        this.imports = imports;
        this.clock = clock;
    }

    public List<ProposalView> list(String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiProblem.invalidParameter(
                    "status", "unknown status '" + status + "' (pending, approved, rejected)");
        }
        return proposals.byStatus(status).stream().map(ProposalView::of).toList();
    }

    public ProposalView get(long id) {
        return ProposalView.of(find(id));
    }

    @Transactional
    public ProposalView approve(long id, Caller caller) {
        SanctionProposal proposal = pending(id);
        ProposalView before = ProposalView.of(proposal);
        ListSource source = ListSource.ofCode(proposal.getSource()).orElseThrow();
        String key = source.keyPrefix() + "-DPRK-" + proposal.getListingDate();
        // An event approved earlier for the same source and date is updated to name every approved entry.
        List<SanctionProposal> all = new ArrayList<>(proposals.approved(key));
        all.add(proposal);
        Instant now = clock.instant();
        ImportBatch batch = new ImportBatch(ImportService.REVIEW_FORMAT, field -> field);
        batch.addSanction("proposal " + id, event(source, proposal, all, caller, now));
        long version = imports.apply(batch, false, caller).dataVersion();
        // The import cleared the persistence context: decide on a fresh copy.
        SanctionProposal decided = find(id);
        decided.approve(caller.subject(), now, key);
        ProposalView after = ProposalView.of(decided);
        history.record(
                caller,
                now,
                version,
                ChangeHistory.VIA_REVIEW,
                new HistoryChange(PROPOSAL, String.valueOf(id), HistoryChange.APPROVED, before, after));
        return after;
    }

    @Transactional
    public ProposalView reject(long id, String reason, Caller caller) {
        String why = reason == null ? null : reason.strip();
        if (why == null || why.isEmpty()) {
            throw ApiProblem.invalid(List.of(Violation.of("reason", "a rejection needs a reason")));
        }
        if (why.length() > 1000) {
            throw ApiProblem.invalid(List.of(Violation.of("reason", "at most 1000 characters")));
        }
        SanctionProposal proposal = pending(id);
        ProposalView before = ProposalView.of(proposal);
        Instant now = clock.instant();
        proposal.reject(caller.subject(), now, why);
        ProposalView after = ProposalView.of(proposal);
        // A rejection changes no data: the history row carries the current data version.
        history.record(
                caller,
                now,
                dataVersion.current().version(),
                ChangeHistory.VIA_REVIEW,
                new HistoryChange(PROPOSAL, String.valueOf(id), HistoryChange.REJECTED, before, after));
        return after;
    }

    private SanctionProposal find(long id) {
        return proposals.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("proposal", String.valueOf(id)));
    }

    private SanctionProposal pending(long id) {
        SanctionProposal proposal = find(id);
        if (!SanctionProposal.PENDING.equals(proposal.getStatus())) {
            throw new ApiProblem(
                    ProblemType.CONFLICT,
                    "proposal " + id + " is already " + proposal.getStatus() + "; it cannot be decided again");
        }
        return proposal;
    }

    /**
     * The sanctions event of the approved entries: designations tighten (asset freeze; a travel ban too when a UN
     * designation names an individual), delistings alone ease. The note carries the provenance: source, file
     * digests, entry ids and who approved.
     */
    private static SanctionData event(
            ListSource source, SanctionProposal proposal, List<SanctionProposal> all, Caller caller, Instant at) {
        Map<String, SanctionProposal.Entry> entries = new LinkedHashMap<>();
        List<String> digests = new ArrayList<>();
        for (SanctionProposal one : all) {
            one.getEntries().forEach(entry -> entries.put(entry.change() + ":" + entry.ref(), entry));
            if (!digests.contains(one.getLoadDigest())) {
                digests.add(one.getLoadDigest());
            }
        }
        long added = entries.values().stream()
                .filter(e -> e.change().equals(SanctionProposal.ADDED))
                .count();
        boolean individual = entries.values().stream()
                .anyMatch(e ->
                        e.change().equals(SanctionProposal.ADDED) && e.type().equals("individual"));
        List<String> measures = new ArrayList<>(List.of("asset-freeze"));
        if (source == ListSource.UN_CONSOLIDATED && individual) {
            measures.add("travel-ban");
        }
        String what = added > 0 ? "designations" : "delistings";
        String title = source.title() + ": DPRK-related " + what + " of " + proposal.getListingDate() + " ("
                + entries.size() + " entries)";
        StringBuilder note = new StringBuilder("From the official list ")
                .append(source.code())
                .append(", file SHA-256 ")
                .append(String.join(", ", digests))
                .append("; approved by ")
                .append(caller.subject())
                .append(" at ")
                .append(at)
                .append(". Entries:");
        int listed = 0;
        for (SanctionProposal.Entry entry : entries.values()) {
            String line = " " + entry.ref() + " " + entry.name() + " (" + entry.type() + ", " + entry.change() + ");";
            if (note.length() + line.length() > NOTE_LIMIT - 40) {
                note.append(" and ").append(entries.size() - listed).append(" more.");
                break;
            }
            note.append(line);
            listed++;
        }
        return new SanctionData(
                source.keyPrefix() + "-DPRK-" + proposal.getListingDate(),
                source.authority(),
                title,
                "KP",
                proposal.getListingDate(),
                null,
                measures,
                added > 0 ? "tightening" : "easing",
                null,
                null,
                note.toString(),
                source.title(),
                source.url(),
                null);
    }
}
