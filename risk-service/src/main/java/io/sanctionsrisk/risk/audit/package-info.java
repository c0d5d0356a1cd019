/** The audit trail: who scored, simulated, backtested, refitted or fitted what, when, on which inputs, model and data. */
package io.sanctionsrisk.risk.audit;
