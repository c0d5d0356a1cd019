package io.sanctionsrisk.sanctions;

import java.util.Arrays;
import java.util.Optional;

/** A member of a fixed code vocabulary: the code is what the API, the files and the database carry. */
public interface CodedValue {

    String code();

    String label();

    static <E extends Enum<E> & CodedValue> Optional<E> fromCode(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(value -> value.code().equals(code))
                .findFirst();
    }

    static <E extends Enum<E> & CodedValue> String allCodes(Class<E> type) {
        return String.join(
                ", ",
                Arrays.stream(type.getEnumConstants()).map(CodedValue::code).toList());
    }
}
