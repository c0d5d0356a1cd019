package io.sanctionsrisk.sanctions;

import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class DirectionConverter extends CodedValueConverter<Direction> {

    public DirectionConverter() {
        super(Direction.class);
    }
}
