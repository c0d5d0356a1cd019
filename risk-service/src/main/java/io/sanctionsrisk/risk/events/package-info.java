/**
 * Events one feature raises and another reacts to, as CDI events: a new serving snapshot, a portfolio band
 * change, a score crossing a threshold, stale data. Shared: it imports no feature, so features meet here
 * instead of importing each other.
 */
package io.sanctionsrisk.risk.events;
