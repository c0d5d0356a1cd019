package io.sanctionsrisk.sanctions;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a set of measures as their codes joined by {@code ;} in vocabulary order, as the CSV files do. */
@Converter
public class MeasureSetConverter implements AttributeConverter<Set<Measure>, String> {

    public static final String SEPARATOR = ";";

    /** Codes already checked by validation. */
    public static Set<Measure> parse(Collection<String> codes) {
        EnumSet<Measure> measures = EnumSet.noneOf(Measure.class);
        for (String code : codes) {
            measures.add(CodedValue.fromCode(Measure.class, code).orElseThrow());
        }
        return measures;
    }

    @Override
    public String convertToDatabaseColumn(Set<Measure> measures) {
        if (measures == null) {
            return null;
        }
        return measures.stream().sorted().map(Measure::code).collect(Collectors.joining(SEPARATOR));
    }

    @Override
    public Set<Measure> convertToEntityAttribute(String column) {
        if (column == null || column.isEmpty()) {
            return EnumSet.noneOf(Measure.class);
        }
        return parse(Arrays.asList(column.split(SEPARATOR)));
    }
}
