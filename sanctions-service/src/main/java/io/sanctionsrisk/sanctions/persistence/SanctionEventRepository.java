package io.sanctionsrisk.sanctions.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.sanctionsrisk.sanctions.Authority;
import io.sanctionsrisk.sanctions.Direction;
import io.sanctionsrisk.sanctions.Measure;
import io.sanctionsrisk.sanctions.SanctionEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

@ApplicationScoped
public class SanctionEventRepository implements KeyedRepository<SanctionEvent> {

    /** Filters of the sanctions list; null means no filter. Dates bound the announcement date, inclusive. */
    public record Filter(
            LocalDate from,
            LocalDate to,
            Authority authority,
            Direction direction,
            String jurisdiction,
            Measure measure) {}

    @Override
    public String keyField() {
        return "key";
    }

    @Override
    public Class<SanctionEvent> entityType() {
        return SanctionEvent.class;
    }

    @Override
    public Function<SanctionEvent, String> keyOf() {
        return SanctionEvent::getKey;
    }

    public PanacheQuery<SanctionEvent> search(Filter filter) {
        List<String> clauses = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.from() != null) {
            clauses.add("announcedDate >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            clauses.add("announcedDate <= :to");
            parameters.and("to", filter.to());
        }
        if (filter.authority() != null) {
            clauses.add("authority = :authority");
            parameters.and("authority", filter.authority());
        }
        if (filter.direction() != null) {
            clauses.add("direction = :direction");
            parameters.and("direction", filter.direction());
        }
        if (filter.jurisdiction() != null) {
            clauses.add("targetJurisdiction = :jurisdiction");
            parameters.and("jurisdiction", filter.jurisdiction());
        }
        if (filter.measure() != null) {
            clauses.add("concat(';', measureCodes, ';') like :measure");
            parameters.and("measure", "%;" + filter.measure().code() + ";%");
        }
        Sort sort = Sort.by("announcedDate").and("key");
        if (clauses.isEmpty()) {
            return findAll(sort);
        }
        return find(String.join(" and ", clauses), sort, parameters);
    }

    /** Every event in force (effective, else announced) within the range, in date order. */
    public List<SanctionEvent> inForceBetween(LocalDate from, LocalDate to) {
        return list(
                "coalesce(effectiveDate, announcedDate) between :from and :to",
                Sort.by("announcedDate").and("key"),
                Parameters.with("from", from).and("to", to));
    }

    public List<SanctionEvent> listAllOrdered() {
        return listAll(Sort.by("announcedDate").and("key"));
    }
}
