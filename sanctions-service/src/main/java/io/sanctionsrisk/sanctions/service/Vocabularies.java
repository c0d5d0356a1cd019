package io.sanctionsrisk.sanctions.service;

import io.sanctionsrisk.sanctions.AttackVector;
import io.sanctionsrisk.sanctions.Authority;
import io.sanctionsrisk.sanctions.CodedValue;
import io.sanctionsrisk.sanctions.DatePrecision;
import io.sanctionsrisk.sanctions.Direction;
import io.sanctionsrisk.sanctions.Measure;
import io.sanctionsrisk.sanctions.web.ApiProblem;

/** Names of the code vocabularies in messages, and parsing of codes given as request parameters. */
public final class Vocabularies {

    private Vocabularies() {}

    public static String nameOf(Class<?> vocabulary) {
        if (vocabulary == Authority.class) {
            return "authority";
        }
        if (vocabulary == Measure.class) {
            return "measure";
        }
        if (vocabulary == AttackVector.class) {
            return "vector";
        }
        if (vocabulary == DatePrecision.class) {
            return "date precision";
        }
        if (vocabulary == Direction.class) {
            return "direction";
        }
        return vocabulary.getSimpleName();
    }

    /** The value of a code given in a parameter; null for null; an unknown code is a 400 naming it. */
    public static <E extends Enum<E> & CodedValue> E parameter(Class<E> vocabulary, String parameter, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return CodedValue.fromCode(vocabulary, code.strip())
                .orElseThrow(() -> ApiProblem.invalidParameter(
                        parameter,
                        "unknown " + nameOf(vocabulary) + " code '" + code + "' (known: "
                                + CodedValue.allCodes(vocabulary) + ")"));
    }
}
