package io.sanctionsrisk.sanctions.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.sanctionsrisk.sanctions.AttackVector;
import io.sanctionsrisk.sanctions.DatePrecision;
import io.sanctionsrisk.sanctions.Incident;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

@ApplicationScoped
public class IncidentRepository implements KeyedRepository<Incident> {

    /**
     * Filters of the incident list; null means no filter. Dates bound the first-action date, inclusive;
     * {@code countries} is the country set of the requested country or region; {@code regions}, with a region
     * filter, the region and the regions below it, which match incidents whose country is unknown.
     */
    public record Filter(
            LocalDate from,
            LocalDate to,
            String actor,
            String sector,
            Collection<String> countries,
            Collection<String> regions,
            AttackVector vector) {}

    /**
     * An order of the incident list: one field, ascending or descending, then the key ascending (the key order
     * alone for {@code key}). Nulls (only the amounts have them) sort as PostgreSQL sorts them: after every
     * value ascending, before every value descending; H2 runs with {@code DEFAULT_NULL_ORDERING=HIGH} to agree.
     */
    public record Order(String field, boolean descending) {

        public static final List<String> FIELDS = List.of("firstActionDate", "key", "attemptedUsd", "realisedUsd");
        public static final Order DEFAULT = new Order("firstActionDate", false);

        public Order {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("no incident order by " + field);
            }
        }

        /** The name the {@code sort} parameter gives this order, e.g. {@code -realisedUsd}. */
        public String name() {
            return (descending ? "-" : "") + field;
        }

        public Sort sort() {
            Sort sort = Sort.by(field, descending ? Sort.Direction.Descending : Sort.Direction.Ascending);
            return byKey() ? sort : sort.and("key");
        }

        public boolean byKey() {
            return field.equals("key");
        }

        public boolean nullable() {
            return field.equals("attemptedUsd") || field.equals("realisedUsd");
        }

        /** The incident's value of the sort field (a date, an amount or null; the key for the key order). */
        public Object valueOf(Incident incident) {
            return switch (field) {
                case "firstActionDate" -> incident.getFirstActionDate();
                case "attemptedUsd" -> incident.getAttemptedUsd();
                case "realisedUsd" -> incident.getRealisedUsd();
                default -> incident.getKey();
            };
        }
    }

    /** A place in an ordered list: the sort value (null for a null amount) and the key of the row before it. */
    public record Position(Object value, String key) {}

    /** One cell of the monthly aggregate behind the timeline. */
    public record MonthlyTotals(
            int year,
            int month,
            DatePrecision precision,
            long heists,
            long attemptedUsd,
            long realisedUsd,
            long unknownRealised) {}

    @Override
    public String keyField() {
        return "key";
    }

    @Override
    public Class<Incident> entityType() {
        return Incident.class;
    }

    @Override
    public Function<Incident, String> keyOf() {
        return Incident::getKey;
    }

    public PanacheQuery<Incident> search(Filter filter, Sort sort) {
        List<String> clauses = new ArrayList<>();
        Parameters parameters = new Parameters();
        where(filter, clauses, parameters);
        if (clauses.isEmpty()) {
            return findAll(sort);
        }
        return find(String.join(" and ", clauses), sort, parameters);
    }

    /**
     * Up to {@code limit} incidents that follow {@code after} in {@code order} (keyset paging). The rows after a
     * place fall into at most two stretches, each a range of one index (V1, V2, V3) read in index order, so a
     * page deep in the list costs what the first page costs: the rest of the place's tie group (same value,
     * greater key), then the values beyond it, then, ascending, the null amounts. A stretch is read only when
     * the ones before it did not fill the page.
     */
    public List<Incident> after(Filter filter, Order order, Position after, int limit) {
        List<Incident> found = new ArrayList<>(limit);
        for (Stretch stretch : stretches(order, after)) {
            if (found.size() >= limit) {
                break;
            }
            List<String> clauses = new ArrayList<>();
            Parameters parameters = new Parameters();
            where(filter, clauses, parameters);
            clauses.add(stretch.clause());
            if (stretch.usesValue()) {
                parameters.and("afterValue", after.value());
            }
            if (stretch.usesKey()) {
                parameters.and("afterKey", after.key());
            }
            found.addAll(find(String.join(" and ", clauses), stretch.sort(), parameters)
                    .page(0, limit - found.size())
                    .list());
        }
        return found;
    }

    private record Stretch(String clause, Sort sort, boolean usesValue, boolean usesKey) {}

    private static List<Stretch> stretches(Order order, Position after) {
        Sort byKey = Sort.by("key");
        if (order.byKey()) {
            return order.descending()
                    ? List.of(new Stretch("key < :afterKey", Sort.descending("key"), false, true))
                    : List.of(new Stretch("key > :afterKey", byKey, false, true));
        }
        String field = order.field();
        Stretch restOfNulls = new Stretch(field + " is null and key > :afterKey", byKey, false, true);
        if (!order.descending()) {
            if (after.value() == null) {
                return List.of(restOfNulls);
            }
            Stretch beyond = new Stretch("(" + field + ", key) > (:afterValue, :afterKey)", order.sort(), true, true);
            return order.nullable()
                    ? List.of(beyond, new Stretch(field + " is null", byKey, false, false))
                    : List.of(beyond);
        }
        // Descending by value but ascending by key: no single row-value comparison expresses that order.
        if (after.value() == null) {
            return List.of(restOfNulls, new Stretch(field + " is not null", order.sort(), false, false));
        }
        return List.of(
                new Stretch(field + " = :afterValue and key > :afterKey", byKey, true, true),
                new Stretch(field + " < :afterValue", order.sort(), true, false));
    }

    private static void where(Filter filter, List<String> clauses, Parameters parameters) {
        if (filter.from() != null) {
            clauses.add("firstActionDate >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            clauses.add("firstActionDate <= :to");
            parameters.and("to", filter.to());
        }
        if (filter.actor() != null) {
            clauses.add("actorKey = :actor");
            parameters.and("actor", filter.actor());
        }
        if (filter.sector() != null) {
            clauses.add("sectorCode = :sector");
            parameters.and("sector", filter.sector());
        }
        if (filter.countries() != null
                && filter.regions() != null
                && !filter.regions().isEmpty()) {
            clauses.add("(countryCode in :countries or (countryCode is null and regionCode in :regions))");
            parameters.and("countries", filter.countries());
            parameters.and("regions", filter.regions());
        } else if (filter.countries() != null) {
            clauses.add("countryCode in :countries");
            parameters.and("countries", filter.countries());
        }
        if (filter.vector() != null) {
            clauses.add("vector = :vector");
            parameters.and("vector", filter.vector());
        }
    }

    public long countByActor(String actorKey) {
        return count("actorKey", actorKey);
    }

    public PanacheQuery<Incident> allOrdered() {
        return findAll(Sort.by("firstActionDate").and("key"));
    }

    /** Heist counts and loss sums per calendar month (and date precision) of the first action. */
    public List<MonthlyTotals> monthlyTotals(LocalDate from, LocalDate to) {
        List<Object[]> rows = getEntityManager()
                .createQuery(
                        "select extract(year from i.firstActionDate), extract(month from i.firstActionDate),"
                                + " i.datePrecision, count(i), coalesce(sum(i.attemptedUsd), 0),"
                                + " coalesce(sum(i.realisedUsd), 0),"
                                + " sum(case when i.realisedUsd is null then 1 else 0 end)"
                                + " from Incident i where i.firstActionDate between :from and :to"
                                + " group by extract(year from i.firstActionDate),"
                                + " extract(month from i.firstActionDate), i.datePrecision",
                        Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        return rows.stream()
                .map(row -> new MonthlyTotals(
                        ((Number) row[0]).intValue(),
                        ((Number) row[1]).intValue(),
                        (DatePrecision) row[2],
                        ((Number) row[3]).longValue(),
                        ((Number) row[4]).longValue(),
                        ((Number) row[5]).longValue(),
                        ((Number) row[6]).longValue()))
                .toList();
    }

    /** The first and last first-action dates, or nulls when there is no incident. */
    public LocalDate[] dateRange() {
        Object[] row = getEntityManager()
                .createQuery("select min(i.firstActionDate), max(i.firstActionDate) from Incident i", Object[].class)
                .getSingleResult();
        return new LocalDate[] {(LocalDate) row[0], (LocalDate) row[1]};
    }
}
