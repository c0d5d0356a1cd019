package io.sanctionsrisk.risk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasureRubricTest {

    @Test
    void takesTheHighestLevelPlusOneForThreeFinancialMeasuresCappedAtFive() {
        assertEquals(1, MeasureRubric.severity(List.of()));
        assertEquals(2, MeasureRubric.severity(List.of(2, 1, 2)));
        assertEquals(3, MeasureRubric.severity(List.of(3, 3, 2)));
        assertEquals(4, MeasureRubric.severity(List.of(3, 3, 3)));
        assertEquals(5, MeasureRubric.severity(List.of(4, 4, 3)));
        assertEquals(5, MeasureRubric.severity(List.of(5, 4, 3)));
        assertEquals(4, MeasureRubric.severity(List.of(4, 1)));
    }
}
