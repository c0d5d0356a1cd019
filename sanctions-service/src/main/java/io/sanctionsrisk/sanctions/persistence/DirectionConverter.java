package io.sanctionsrisk.sanctions.persistence;

import io.sanctionsrisk.sanctions.Direction;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class DirectionConverter extends CodedValueConverter<Direction> {

    public DirectionConverter() {
        super(Direction.class);
    }
}
