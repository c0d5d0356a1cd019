package io.sanctionsrisk.sanctions.sources;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The stores of the official-list loads and of the review queue. */
final class SourceRepositories {

    private SourceRepositories() {}

    @ApplicationScoped
    static class Loads implements PanacheRepository<SourceLoad> {

        Optional<SourceLoad> byDigest(ListSource source, String digest) {
            return find("source = ?1 and digest = ?2", source.code(), digest).firstResultOptional();
        }

        Optional<SourceLoad> latest(ListSource source) {
            return find("source", Sort.descending("loadedAt").and("id", Sort.Direction.Descending), source.code())
                    .firstResultOptional();
        }
    }

    @ApplicationScoped
    static class Proposals implements PanacheRepository<SanctionProposal> {

        Optional<SanctionProposal> pending(ListSource source, LocalDate listingDate) {
            return find(
                            "source = ?1 and listingDate = ?2 and status = ?3",
                            source.code(),
                            listingDate,
                            SanctionProposal.PENDING)
                    .firstResultOptional();
        }

        List<SanctionProposal> approved(String sanctionKey) {
            return list("sanctionKey = ?1 and status = ?2", Sort.by("id"), sanctionKey, SanctionProposal.APPROVED);
        }

        List<SanctionProposal> byStatus(String status) {
            Sort order = Sort.by("listingDate").and("id");
            return status == null ? listAll(order) : list("status", order, status);
        }
    }
}
