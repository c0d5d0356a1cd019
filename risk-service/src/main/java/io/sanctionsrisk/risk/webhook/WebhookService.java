package io.sanctionsrisk.risk.webhook;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.identity.SecurityIdentity;
import io.sanctionsrisk.risk.audit.Caller;
import io.sanctionsrisk.risk.web.ApiProblem;
import io.sanctionsrisk.risk.web.PageView;
import io.sanctionsrisk.risk.web.Paging;
import io.sanctionsrisk.risk.web.ProblemType;
import io.sanctionsrisk.risk.web.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Subscriptions and the delivery log of the caller's owner: the token's organisation claim, or its client id when it
 * has none. Another owner's subscriptions and deliveries answer 404, as if they did not exist.
 */
@ApplicationScoped
public class WebhookService {

    static final int MAX_DESCRIPTION = 200;

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final UrlPolicy policy;
    private final DeliveryWorker worker;
    private final WebhookConfig config;
    private final SecurityIdentity identity;
    private final Clock clock;

    public WebhookService(
            WebhookSubscriptionRepository subscriptions,
            WebhookDeliveryRepository deliveries,
            UrlPolicy policy,
            DeliveryWorker worker,
            WebhookConfig config,
            SecurityIdentity identity,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.policy = policy;
        this.worker = worker;
        this.config = config;
        this.identity = identity;
        this.clock = clock;
    }

    @Transactional
    public WebhookView create(WebhookRequest request) {
        if (request == null) {
            throw new ApiProblem(ProblemType.INVALID_WEBHOOK, "a body with url and events is required");
        }
        Violations violations = new Violations();
        String url = request.url() == null ? null : request.url().trim();
        try {
            policy.check(url);
        } catch (UrlPolicy.Refused e) {
            violations.add("url", e.getMessage());
        }
        WebhookSecret secret = null;
        if (request.secret() == null) {
            secret = WebhookSecret.generate();
        } else {
            try {
                secret = WebhookSecret.parse(request.secret());
            } catch (IllegalArgumentException e) {
                violations.add("secret", e.getMessage());
            }
        }
        List<EventType> events = events(request.events(), violations);
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            violations.add("description", "is longer than " + MAX_DESCRIPTION + " characters");
        }
        if (violations.any()) {
            throw violations.problem(ProblemType.INVALID_WEBHOOK);
        }
        String owner = owner();
        if (subscriptions.countFor(owner) >= config.maxSubscriptionsPerOwner()) {
            throw new ApiProblem(
                    ProblemType.INVALID_WEBHOOK,
                    owner + " holds " + config.maxSubscriptionsPerOwner()
                            + " subscriptions, the most allowed (risk.webhooks.max-subscriptions-per-owner);"
                            + " delete one first");
        }
        Caller caller = Caller.of(identity);
        WebhookSubscription row = new WebhookSubscription(
                owner,
                clock.instant(),
                caller.subject(),
                caller.clientId(),
                url,
                secret.text(),
                events,
                request.description());
        subscriptions.persist(row);
        return WebhookView.of(row, secret.text());
    }

    private static List<EventType> events(List<String> names, Violations violations) {
        if (names == null || names.isEmpty()) {
            violations.add("events", "name at least one of " + EventType.names());
            return List.of();
        }
        List<EventType> events = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            var type = name == null ? java.util.Optional.<EventType>empty() : EventType.of(name.trim());
            if (type.isEmpty()) {
                violations.add("events[" + i + "]", "'" + name + "' is not one of " + EventType.names());
            } else if (!events.contains(type.get())) {
                events.add(type.get());
            }
        }
        return events;
    }

    @Transactional
    public PageView<WebhookView> list(String pageParam, String sizeParam) {
        int page = Paging.page(pageParam);
        int size = Paging.size(sizeParam, config.maxPageSize());
        String owner = owner();
        List<WebhookView> items = subscriptions.page(owner, page, size).stream()
                .map(s -> WebhookView.of(s, null))
                .toList();
        return new PageView<>(items, page, size, subscriptions.countFor(owner));
    }

    @Transactional
    public WebhookView get(long id) {
        return WebhookView.of(owned(id), null);
    }

    @Transactional
    public void delete(long id) {
        subscriptions.delete(owned(id));
    }

    @Transactional
    public PageView<DeliveryView> deliveries(
            String statusParam, String subscriptionParam, String pageParam, String sizeParam) {
        int page = Paging.page(pageParam);
        int size = Paging.size(sizeParam, config.maxPageSize());
        String status = status(statusParam);
        Long subscription = null;
        if (subscriptionParam != null && !subscriptionParam.isBlank()) {
            try {
                subscription = Long.parseLong(subscriptionParam.trim());
            } catch (NumberFormatException e) {
                throw ApiProblem.invalidParameter("subscription", "'" + subscriptionParam + "' is not an id");
            }
            owned(subscription);
        }
        PanacheQuery<WebhookDelivery> query = deliveries.log(owner(), status, subscription);
        List<DeliveryView> items = query.page(page, size).list().stream()
                .map(d -> DeliveryView.of(d, false))
                .toList();
        return new PageView<>(items, page, size, query.count());
    }

    private static String status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String status = value.trim().toLowerCase(Locale.ROOT);
        Collection<String> known = Arrays.stream(WebhookDelivery.Status.values())
                .map(WebhookDelivery.Status::wire)
                .toList();
        if (!known.contains(status)) {
            throw ApiProblem.invalidParameter("status", "'" + value + "' is not one of " + String.join(", ", known));
        }
        return status;
    }

    @Transactional
    public DeliveryView delivery(long id) {
        return DeliveryView.of(ownedDelivery(id), true);
    }

    /**
     * Queues a delivery again, due now with a fresh set of attempts and the same webhook-id (receivers deduplicate on
     * it); one being attempted right now is left as it is.
     */
    public DeliveryView redeliver(long id) {
        DeliveryView view = requeue(id);
        worker.wake();
        return view;
    }

    @Transactional
    DeliveryView requeue(long id) {
        WebhookDelivery delivery = ownedDelivery(id);
        if (!WebhookDelivery.Status.DELIVERING.wire().equals(delivery.getStatus())) {
            delivery.redeliver(clock.instant());
        }
        return DeliveryView.of(delivery, false);
    }

    private WebhookSubscription owned(long id) {
        return subscriptions
                .findOwned(id, owner())
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "no webhook subscription " + id));
    }

    private WebhookDelivery ownedDelivery(long id) {
        return deliveries
                .findOwned(id, owner())
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "no webhook delivery " + id));
    }

    /** The caller's organisation ({@link Caller#organisation}), else the token's client id. */
    String owner() {
        Optional<String> organisation = Caller.organisation(identity);
        if (organisation.isPresent()) {
            return bounded(organisation.get());
        }
        Caller caller = Caller.of(identity);
        return caller.clientId() != null ? caller.clientId() : caller.subject();
    }

    private static String bounded(String value) {
        return value.length() > 255 ? value.substring(0, 255) : value;
    }
}
