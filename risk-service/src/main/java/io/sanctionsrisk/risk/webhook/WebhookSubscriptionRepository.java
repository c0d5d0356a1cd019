package io.sanctionsrisk.risk.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepository<WebhookSubscription> {

    /** A page of the owner's subscriptions, newest first. */
    public List<WebhookSubscription> page(String owner, int page, int size) {
        return find("owner", Sort.descending("createdAt", "id"), owner)
                .page(page, size)
                .list();
    }

    public long countFor(String owner) {
        return count("owner", owner);
    }

    /** The subscription when the owner holds it; another owner's is as absent as a missing one. */
    public Optional<WebhookSubscription> findOwned(long id, String owner) {
        return find("id = :id and owner = :owner", Parameters.with("id", id).and("owner", owner))
                .firstResultOptional();
    }

    /** Every subscription to the event type, of one owner or (owner null) of all. */
    public List<WebhookSubscription> wanting(EventType type, String owner) {
        String pattern = "%" + type.wire() + "%";
        if (owner == null) {
            return list("events like ?1", pattern);
        }
        return list("events like ?1 and owner = ?2", pattern, owner);
    }
}
