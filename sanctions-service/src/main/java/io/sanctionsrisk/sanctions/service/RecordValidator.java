package io.sanctionsrisk.sanctions.service;

import io.sanctionsrisk.sanctions.ActorData;
import io.sanctionsrisk.sanctions.AttackVector;
import io.sanctionsrisk.sanctions.Authority;
import io.sanctionsrisk.sanctions.CodedValue;
import io.sanctionsrisk.sanctions.DatePrecision;
import io.sanctionsrisk.sanctions.Direction;
import io.sanctionsrisk.sanctions.IncidentData;
import io.sanctionsrisk.sanctions.Measure;
import io.sanctionsrisk.sanctions.SanctionData;
import io.sanctionsrisk.sanctions.web.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one place that decides whether a record may be written, for single writes and imports alike: the
 * field constraints declared on the data records, the code vocabularies and taxonomy, references to actors,
 * and the rules across fields. Expects normalised records; returns every violation, not the first.
 */
@ApplicationScoped
public class RecordValidator {

    private final Validator validator;
    private final TaxonomyService taxonomy;

    public RecordValidator(Validator validator, TaxonomyService taxonomy) {
        this.validator = validator;
        this.taxonomy = taxonomy;
    }

    public List<Violation> validate(ActorData actor) {
        List<Violation> violations = constraints(actor);
        checkSource(actor.source(), actor.sourceUrl(), violations);
        return violations;
    }

    public List<Violation> validate(SanctionData sanction) {
        List<Violation> violations = constraints(sanction);
        checkCode(Authority.class, "authority", sanction.authority(), violations);
        checkCode(Direction.class, "direction", sanction.direction(), violations);
        if (sanction.measures() != null) {
            for (String measure : sanction.measures()) {
                checkCode(Measure.class, "measures", measure, violations);
            }
        }
        checkCountry("targetJurisdiction", sanction.targetJurisdiction(), violations);
        if (sanction.announcedDate() != null
                && sanction.effectiveDate() != null
                && sanction.effectiveDate().isBefore(sanction.announcedDate())) {
            violations.add(Violation.of(
                    "effectiveDate",
                    "effective date " + sanction.effectiveDate() + " is before the announced date "
                            + sanction.announcedDate()));
        }
        if (sanction.severityOverride() != null && sanction.severityOverrideReason() == null) {
            violations.add(Violation.of("severityOverrideReason", "a severity override needs a reason"));
        }
        if (sanction.severityOverride() == null && sanction.severityOverrideReason() != null) {
            violations.add(Violation.of("severityOverride", "a reason was given but no severity override"));
        }
        checkSource(sanction.source(), sanction.sourceUrl(), violations);
        return violations;
    }

    /**
     * @param actorExists whether an actor key is known (stored, or created by the same import)
     */
    public List<Violation> validate(IncidentData incident, Predicate<String> actorExists) {
        List<Violation> violations = constraints(incident);
        checkCode(DatePrecision.class, "datePrecision", incident.datePrecision(), violations);
        checkCode(AttackVector.class, "vector", incident.vector(), violations);
        if (incident.sector() != null && !taxonomy.snapshot().sectors().containsKey(incident.sector())) {
            violations.add(Violation.of(
                    "sector", "unknown sector code '" + incident.sector() + "' (see /api/v1/taxonomy/sectors)"));
        }
        checkCountry("country", incident.country(), violations);
        if (incident.region() != null && !taxonomy.snapshot().regions().containsKey(incident.region())) {
            violations.add(Violation.of(
                    "region", "unknown region code '" + incident.region() + "' (see /api/v1/taxonomy/regions)"));
        }
        if (incident.actor() != null && !actorExists.test(incident.actor())) {
            violations.add(Violation.of("actor", "unknown actor '" + incident.actor() + "' (see /api/v1/actors)"));
        }
        if (incident.attributionConfidence() != null && incident.actor() == null) {
            violations.add(Violation.of("attributionConfidence", "an attribution confidence needs an actor"));
        }
        if (incident.intrusionStartDate() != null
                && incident.firstActionDate() != null
                && incident.intrusionStartDate().isAfter(incident.firstActionDate())) {
            violations.add(Violation.of(
                    "intrusionStartDate",
                    "intrusion start " + incident.intrusionStartDate() + " is after the first action "
                            + incident.firstActionDate()));
        }
        checkNotBefore("attributedOn", incident.attributedOn(), incident.firstActionDate(), violations);
        checkNotBefore("reportedOn", incident.reportedOn(), incident.firstActionDate(), violations);
        if (incident.attributedOn() != null && incident.actor() == null) {
            violations.add(Violation.of("attributedOn", "an attribution date needs an actor"));
        }
        if (incident.attributedBy() != null && incident.attributedOn() == null) {
            violations.add(Violation.of("attributedBy", "who attributed it needs the date (attributedOn)"));
        }
        if (incident.attemptedUsd() != null
                && incident.realisedUsd() != null
                && incident.realisedUsd() > incident.attemptedUsd()) {
            violations.add(Violation.of(
                    "realisedUsd",
                    "realised amount " + incident.realisedUsd() + " exceeds the attempted amount "
                            + incident.attemptedUsd()));
        }
        checkSource(incident.source(), incident.sourceUrl(), violations);
        return violations;
    }

    /** A public attribution or report cannot precede the first fraudulent action (as stored: a month's first day). */
    private static void checkNotBefore(
            String field, LocalDate date, LocalDate firstAction, List<Violation> violations) {
        if (date != null && firstAction != null && date.isBefore(firstAction)) {
            violations.add(Violation.of(field, field + " " + date + " is before the first action " + firstAction));
        }
    }

    private <T> List<Violation> constraints(T record) {
        Set<ConstraintViolation<T>> found = validator.validate(record);
        List<Violation> violations = new ArrayList<>();
        found.stream()
                .sorted(Comparator.comparing(
                        violation -> violation.getPropertyPath().toString()))
                .forEach(violation -> violations.add(
                        Violation.of(fieldOf(violation.getPropertyPath().toString()), violation.getMessage())));
        return violations;
    }

    /** "aliases[2].<list element>" reads as "aliases[2]". */
    private static String fieldOf(String path) {
        int element = path.indexOf(".<");
        return element < 0 ? path : path.substring(0, element);
    }

    private static <E extends Enum<E> & CodedValue> void checkCode(
            Class<E> vocabulary, String field, String code, List<Violation> violations) {
        if (code != null && CodedValue.fromCode(vocabulary, code).isEmpty()) {
            violations.add(Violation.of(
                    field,
                    "unknown " + Vocabularies.nameOf(vocabulary) + " code '" + code + "' (known: "
                            + CodedValue.allCodes(vocabulary) + ")"));
        }
    }

    private void checkCountry(String field, String code, List<Violation> violations) {
        if (code != null && !taxonomy.snapshot().countries().containsKey(code)) {
            violations.add(Violation.of(
                    field, "unknown country code '" + code + "' (ISO 3166-1 alpha-2, see /api/v1/taxonomy/countries)"));
        }
    }

    private static void checkSource(String source, String url, List<Violation> violations) {
        if (url != null && source == null) {
            violations.add(Violation.of("source", "a source URL needs the source's name"));
        }
        checkUrl(url, violations);
    }

    private static void checkUrl(String url, List<Violation> violations) {
        if (url == null) {
            return;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                violations.add(Violation.of("sourceUrl", "must be an absolute http or https URL"));
            }
        } catch (URISyntaxException e) {
            violations.add(Violation.of("sourceUrl", "is not a valid URL"));
        }
    }
}
