package io.sanctionsrisk.sanctions.persistence;

import io.sanctionsrisk.sanctions.AttackVector;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class AttackVectorConverter extends CodedValueConverter<AttackVector> {

    public AttackVectorConverter() {
        super(AttackVector.class);
    }
}
