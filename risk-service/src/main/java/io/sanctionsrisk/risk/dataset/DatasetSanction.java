package io.sanctionsrisk.risk.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A sanctions event as the model saw it: the date it took effect, its time (days from the window start,
 * negative before it), its severity, its measures, and the weight the model gives it with the rule that set it:
 * {@code severity} (tightening), {@code easing} (weight 0) or {@code zero-weight-measures} (weight 0: every measure
 * is listed in risk.dataset.zero-weight-measures).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ModelSanction", description = "A sanctions event in the model's input")
public record DatasetSanction(
        @Schema(example = "UNSC-2094") String key,
        @Schema(example = "UNSC") String authority,
        @Schema(example = "2013-03-07") LocalDate date,
        @Schema(example = "-300.0") double time,
        @Schema(example = "5") int severity,

        @Schema(example = "5.0", description = "Weight w_j in lambda(t): the severity; 0 for easing")
        double weight,

        @Schema(example = "tightening") String direction,

        @Schema(example = "[\"asset-freeze\",\"banking-restriction\"]")
        java.util.List<String> measures,

        @Schema(example = "severity", description = "severity, easing or zero-weight-measures")
        String weightRule) {

    public static final String RULE_SEVERITY = "severity";
    public static final String RULE_EASING = "easing";
    public static final String RULE_ZERO_WEIGHT_MEASURES = "zero-weight-measures";
}
