/** Expected heist counts over a future horizon, decomposed by source, from the model's mean equation. */
package io.sanctionsrisk.cadence.forecast;
