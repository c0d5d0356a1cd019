package io.sanctionsrisk.sanctions.sources;

import java.time.LocalDate;

/**
 * One DPRK-related designation of an official list.
 *
 * @param ref the list's own id: the UN reference number (e.g. KPi.033), the OFAC uid
 * @param type individual, entity, vessel or aircraft
 * @param programs the UN list type or the OFAC programs, ';'-separated
 * @param listedOn the UN listing date; null on OFAC's SDN XML, which has none
 */
public record ListEntry(String ref, String name, String type, String programs, LocalDate listedOn) {}
