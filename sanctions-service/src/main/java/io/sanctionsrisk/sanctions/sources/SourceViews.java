package io.sanctionsrisk.sanctions.sources;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the official-list endpoints answer. */
public final class SourceViews {

    private SourceViews() {}

    /** The outcome of loading a list file. */
    @Schema(name = "ListLoad")
    public record LoadReport(
            @Schema(example = "un-consolidated") String source,
            @Schema(description = "SHA-256 of the file") String digest,

            @Schema(description = "The file's generation or publication date", example = "2024-05-21")
            LocalDate published,

            @Schema(description = "True when this very file was loaded before: nothing changed")
            boolean unchanged,

            @Schema(description = "Entries in the file, all regimes")
            int totalEntries,

            @Schema(description = "DPRK-related entries in the file")
            int dprkEntries,

            @Schema(description = "DPRK-related entries new since the previous load")
            int added,

            @Schema(description = "DPRK-related entries gone since the previous load")
            int removed,

            @Schema(description = "A baseline load records the file and proposes nothing")
            boolean baseline,

            @Schema(description = "Ids of the proposals created or extended")
            List<Long> proposals) {}

    /** One source and its newest load. */
    @Schema(name = "ListSource")
    public record SourceStatus(
            @Schema(example = "ofac-sdn") String source,
            String title,
            String url,

            @Schema(description = "Null before the first load")
            LocalDate published,

            Instant loadedAt,
            String digest) {}

    @Schema(name = "ProposalEntry")
    public record EntryView(
            @Schema(example = "KPi.033") String ref,
            @Schema(example = "RI WON HO") String name,
            @Schema(example = "individual") String type,
            @Schema(example = "added") String change) {}

    @Schema(name = "SanctionProposal", description = "A proposed sanctions event awaiting review")
    public record ProposalView(
            long id,
            @Schema(example = "un-consolidated") String source,
            @Schema(example = "2016-11-30") LocalDate listingDate,
            @Schema(example = "pending") String status,
            List<EntryView> entries,

            @Schema(description = "SHA-256 of the file that raised it")
            String loadDigest,

            Instant createdAt,
            Instant decidedAt,
            String decidedBy,
            @Schema(description = "Why it was rejected") String reason,

            @Schema(description = "The sanctions event an approval wrote", example = "UN-DPRK-2016-11-30")
            String sanctionKey) {

        static ProposalView of(SanctionProposal proposal) {
            return new ProposalView(
                    proposal.getId(),
                    proposal.getSource(),
                    proposal.getListingDate(),
                    proposal.getStatus(),
                    proposal.getEntries().stream()
                            .map(entry -> new EntryView(entry.ref(), entry.name(), entry.type(), entry.change()))
                            .toList(),
                    proposal.getLoadDigest(),
                    proposal.getCreatedAt(),
                    proposal.getDecidedAt(),
                    proposal.getDecidedBy(),
                    proposal.getReason(),
                    proposal.getSanctionKey());
        }
    }

    /** The body of a rejection. */
    @Schema(name = "ProposalRejection")
    public record Rejection(
            @Schema(example = "Already recorded as UNSC-2321")
            String reason) {}
}
