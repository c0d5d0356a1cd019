/** The sanctions-excited cadence model and the answers built on it. */
package io.sanctionsrisk.risk;
