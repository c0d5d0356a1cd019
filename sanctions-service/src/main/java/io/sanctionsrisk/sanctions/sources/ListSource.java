package io.sanctionsrisk.sanctions.sources;

import java.util.Optional;

/**
 * The official lists a steward can load: which XML root each must have, and how an approved proposal is
 * written as a sanctions event.
 */
public enum ListSource {
    /** The UN Security Council Consolidated List, XML: https://scsanctions.un.org/resources/xml/en/consolidated.xml. */
    UN_CONSOLIDATED(
            "un-consolidated",
            "CONSOLIDATED_LIST",
            "UNSC",
            "UN",
            "UN Security Council Consolidated List",
            "https://scsanctions.un.org/resources/xml/en/consolidated.xml"),
    /** OFAC's SDN list in its XML form, sdn.xml: https://www.treasury.gov/ofac/downloads/sdn.xml. */
    OFAC_SDN(
            "ofac-sdn",
            "sdnList",
            "US-OFAC",
            "OFAC-SDN",
            "OFAC Specially Designated Nationals and Blocked Persons List (sdn.xml)",
            "https://www.treasury.gov/ofac/downloads/sdn.xml");

    private final String code;
    private final String rootElement;
    private final String authority;
    private final String keyPrefix;
    private final String title;
    private final String url;

    ListSource(String code, String rootElement, String authority, String keyPrefix, String title, String url) {
        this.code = code;
        this.rootElement = rootElement;
        this.authority = authority;
        this.keyPrefix = keyPrefix;
        this.title = title;
        this.url = url;
    }

    public String code() {
        return code;
    }

    public String rootElement() {
        return rootElement;
    }

    public String authority() {
        return authority;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public String title() {
        return title;
    }

    public String url() {
        return url;
    }

    public static Optional<ListSource> ofCode(String code) {
        for (ListSource source : values()) {
            if (source.code.equals(code)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    /** The source whose file has this root element, for naming a wrong list. */
    public static Optional<ListSource> ofRoot(String root) {
        for (ListSource source : values()) {
            if (source.rootElement.equals(root)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
