/** The audit trail: who scored, simulated or backtested what, when, on which inputs, model and data. */
package io.sanctionsrisk.risk.audit;
