package io.sanctionsrisk.risk.webhook;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepository<WebhookDelivery> {

    private static final String DUE =
            "((status = 'pending' and nextAttemptAt <= :now)" + " or (status = 'delivering' and claimedUntil < :now))";

    /** Deliveries due now (or whose claim ran out), oldest first, leaving out the busy subscriptions. */
    public List<WebhookDelivery> due(Instant now, Collection<Long> busySubscriptions, int limit) {
        Parameters parameters = Parameters.with("now", now);
        String query = DUE;
        if (!busySubscriptions.isEmpty()) {
            query += " and subscriptionId not in :busy";
            parameters.and("busy", busySubscriptions);
        }
        return find(query, Sort.ascending("nextAttemptAt", "id"), parameters)
                .page(0, limit)
                .list();
    }

    /** Takes the delivery for this replica until {@code until}; false when another worker took it first. */
    public boolean claim(long id, long version, Instant until) {
        return update(
                        "status = 'delivering', claimedUntil = :until, version = version + 1"
                                + " where id = :id and version = :version",
                        Parameters.with("until", until).and("id", id).and("version", version))
                == 1;
    }

    public Optional<WebhookDelivery> findOwned(long id, String owner) {
        return find("id = :id and owner = :owner", Parameters.with("id", id).and("owner", owner))
                .firstResultOptional();
    }

    public boolean exists(long subscriptionId, String eventKey) {
        return count("subscriptionId = ?1 and eventKey = ?2", subscriptionId, eventKey) > 0;
    }

    /** A page of the owner's deliveries, newest first, optionally of one status and one subscription. */
    public PanacheQuery<WebhookDelivery> log(String owner, String status, Long subscriptionId) {
        List<String> where = new ArrayList<>(List.of("owner = :owner"));
        Parameters parameters = Parameters.with("owner", owner);
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", status);
        }
        if (subscriptionId != null) {
            where.add("subscriptionId = :subscription");
            parameters.and("subscription", subscriptionId);
        }
        return find(String.join(" and ", where), Sort.descending("createdAt", "id"), parameters);
    }

    /** Deletes delivered and dead rows last touched before {@code before}. */
    public long purge(Instant before) {
        return delete(
                "status in ('delivered', 'dead') and createdAt < ?1 and (lastAttemptAt is null or lastAttemptAt < ?1)",
                before);
    }
}
