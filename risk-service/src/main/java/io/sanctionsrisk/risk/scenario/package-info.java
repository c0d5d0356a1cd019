/** Stored what-if scenarios and their re-runs (Flyway V4__scenarios.sql). */
package io.sanctionsrisk.risk.scenario;
