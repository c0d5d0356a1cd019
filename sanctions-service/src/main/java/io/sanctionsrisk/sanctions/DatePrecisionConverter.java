package io.sanctionsrisk.sanctions;

import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class DatePrecisionConverter extends CodedValueConverter<DatePrecision> {

    public DatePrecisionConverter() {
        super(DatePrecision.class);
    }
}
