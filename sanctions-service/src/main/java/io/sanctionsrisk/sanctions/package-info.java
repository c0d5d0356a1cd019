/** The system of record for sanctions events, heist incidents, threat actors and the taxonomy. */
package io.sanctionsrisk.sanctions;
