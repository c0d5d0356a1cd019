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
     * {@code countries} is the country set of the requested country or region.
     */
    public record Filter(
            LocalDate from,
            LocalDate to,
            String actor,
            String sector,
            Collection<String> countries,
            AttackVector vector) {}

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
        if (filter.countries() != null) {
            clauses.add("countryCode in :countries");
            parameters.and("countries", filter.countries());
        }
        if (filter.vector() != null) {
            clauses.add("vector = :vector");
            parameters.and("vector", filter.vector());
        }
        if (clauses.isEmpty()) {
            return findAll(sort);
        }
        return find(String.join(" and ", clauses), sort, parameters);
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
