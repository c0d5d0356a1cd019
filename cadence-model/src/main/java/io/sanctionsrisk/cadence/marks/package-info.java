/** Marks of a heist: which (sector, region) cell it hits and how much is attempted and realised. */
package io.sanctionsrisk.cadence.marks;
