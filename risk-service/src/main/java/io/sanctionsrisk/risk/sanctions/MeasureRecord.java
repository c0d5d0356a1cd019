package io.sanctionsrisk.risk.sanctions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A sanctions measure of the sanctions-service's taxonomy with its level in the severity rubric. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeasureRecord(String code, String label, int severityLevel) {}
