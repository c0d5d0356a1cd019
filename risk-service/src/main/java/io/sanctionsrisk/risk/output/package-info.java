/** What the stored outputs (scenarios, backtests) have in common. */
package io.sanctionsrisk.risk.output;
