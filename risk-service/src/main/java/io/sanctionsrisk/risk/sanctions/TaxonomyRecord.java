package io.sanctionsrisk.risk.sanctions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A sector or region of the sanctions-service's taxonomy; regions name their M49 parent. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaxonomyRecord(String code, String parentCode) {}
