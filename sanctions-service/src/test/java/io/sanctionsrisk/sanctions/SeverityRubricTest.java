package io.sanctionsrisk.sanctions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeverityRubricTest {

    @Test
    void takesTheHighestMeasureLevel() {
        assertEquals(1, SeverityRubric.derive(List.of(Measure.CRIMINAL_CHARGES, Measure.TRAVEL_BAN)));
        assertEquals(2, SeverityRubric.derive(List.of(Measure.CRYPTO_MIXER_DESIGNATION)));
        assertEquals(4, SeverityRubric.derive(List.of(Measure.BULK_CASH_BAN, Measure.TRAVEL_BAN)));
        assertEquals(5, SeverityRubric.derive(List.of(Measure.SECONDARY_SANCTIONS)));
    }

    @Test
    void addsOneForThreeOrMoreFinancialMeasures() {
        assertEquals(
                5,
                SeverityRubric.derive(EnumSet.of(
                        Measure.ASSET_FREEZE, Measure.MONEY_LAUNDERING_CONCERN, Measure.BANKING_RESTRICTION)));
    }

    @Test
    void givesNoStepForTwoFinancialMeasures() {
        assertEquals(
                4,
                SeverityRubric.derive(EnumSet.of(
                        Measure.ASSET_FREEZE, Measure.BANKING_RESTRICTION, Measure.TRAVEL_BAN, Measure.ARMS_EMBARGO)));
        assertEquals(3, SeverityRubric.derive(EnumSet.of(Measure.ASSET_FREEZE, Measure.MONEY_LAUNDERING_CONCERN)));
    }

    @Test
    void neverExceedsFive() {
        assertEquals(5, SeverityRubric.derive(EnumSet.allOf(Measure.class)));
    }

    @Test
    void givesTheLowestSeverityToNoMeasures() {
        assertEquals(1, SeverityRubric.derive(List.of()));
    }
}
