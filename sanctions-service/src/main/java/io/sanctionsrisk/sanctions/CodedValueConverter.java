package io.sanctionsrisk.sanctions;

import jakarta.persistence.AttributeConverter;

/** Stores a vocabulary value by its code, the same string the API and the files use. */
abstract class CodedValueConverter<E extends Enum<E> & CodedValue> implements AttributeConverter<E, String> {

    private final Class<E> type;

    CodedValueConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.code();
    }

    @Override
    public E convertToEntityAttribute(String code) {
        if (code == null) {
            return null;
        }
        return CodedValue.fromCode(type, code)
                .orElseThrow(() -> new IllegalStateException("unknown " + type.getSimpleName() + " code in database"));
    }
}
