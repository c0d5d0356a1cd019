/** Building a dataset from calendar dates: the documented rule for same-day heists. */
package io.sanctionsrisk.cadence.dates;
