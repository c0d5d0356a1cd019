package io.sanctionsrisk.risk.webhook;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Takes those of the deliveries that are still due for this replica's claim {@code token} until {@code until}
     * (the condition is checked again row by row, so another worker's claim in between wins) and returns them.
     */
    public List<WebhookDelivery> claim(Collection<Long> ids, long token, Instant now, Instant until) {
        update(
                "status = 'delivering', claimedUntil = :until, claimToken = :token where id in :ids and " + DUE,
                Parameters.with("until", until)
                        .and("token", token)
                        .and("ids", ids)
                        .and("now", now));
        return list("claimToken = ?1 and status = 'delivering'", token);
    }

    /** Settles a claimed attempt in one statement; false when the claim was retaken meanwhile. */
    public boolean settle(
            long id,
            long token,
            WebhookDelivery.Status status,
            Instant attemptedAt,
            Integer statusCode,
            String error,
            Instant nextAttemptAt) {
        String bounded = error == null || error.length() <= WebhookDelivery.MAX_ERROR_LENGTH
                ? error
                : error.substring(0, WebhookDelivery.MAX_ERROR_LENGTH);
        Parameters parameters = Parameters.with("status", status.wire())
                .and("at", attemptedAt)
                .and("code", statusCode)
                .and("error", bounded)
                .and("id", id)
                .and("token", token);
        String set = "status = :status, attempts = attempts + 1, lastAttemptAt = :at, lastStatusCode = :code,"
                + " lastError = :error, claimedUntil = null, claimToken = null";
        if (status == WebhookDelivery.Status.DELIVERED) {
            set += ", deliveredAt = :at";
        }
        if (nextAttemptAt != null) {
            set += ", nextAttemptAt = :next";
            parameters.and("next", nextAttemptAt);
        }
        return update(set + " where id = :id and claimToken = :token and status = 'delivering'", parameters) == 1;
    }

    public Optional<WebhookDelivery> findOwned(long id, String owner) {
        return find("id = :id and owner = :owner", Parameters.with("id", id).and("owner", owner))
                .firstResultOptional();
    }

    /** Which of the event keys are queued already, as "subscriptionId/eventKey". */
    public Set<String> existingKeys(Collection<String> eventKeys) {
        Set<String> found = new HashSet<>();
        List<String> keys = new ArrayList<>(eventKeys);
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
            getEntityManager()
                    .createQuery(
                            "select d.subscriptionId, d.eventKey from WebhookDelivery d where d.eventKey in :keys",
                            Object[].class)
                    .setParameter("keys", chunk)
                    .getResultList()
                    .forEach(row -> found.add(row[0] + "/" + row[1]));
        }
        return found;
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
