package io.sanctionsrisk.sanctions.persistence;

import io.sanctionsrisk.sanctions.DatePrecision;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class DatePrecisionConverter extends CodedValueConverter<DatePrecision> {

    public DatePrecisionConverter() {
        super(DatePrecision.class);
    }
}
