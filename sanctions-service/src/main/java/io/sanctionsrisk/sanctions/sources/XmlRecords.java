package io.sanctionsrisk.sanctions.sources;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one record element (a UN INDIVIDUAL, an OFAC sdnEntry) into its leaf texts by path, e.g.
 * {@code programList/program} or {@code addressList/address/country}, each path with every value in order.
 */
final class XmlRecords {

    private XmlRecords() {}

    /** @param reader positioned on the record's START_ELEMENT; left on its END_ELEMENT */
    static Map<String, List<String>> read(XMLStreamReader reader) throws XMLStreamException {
        Map<String, List<String>> values = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<Boolean> hasChildren = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        int depth = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (!hasChildren.isEmpty()) {
                        hasChildren.pop();
                        hasChildren.push(true);
                    }
                    path.addLast(reader.getLocalName());
                    hasChildren.push(false);
                    text.setLength(0);
                    depth++;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == 0) {
                        return values;
                    }
                    boolean leaf = !hasChildren.pop();
                    if (leaf) {
                        String value = text.toString().strip();
                        if (!value.isEmpty()) {
                            values.computeIfAbsent(String.join("/", path), key -> new ArrayList<>())
                                    .add(value);
                        }
                    }
                    path.removeLast();
                    text.setLength(0);
                    depth--;
                }
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE -> throw ListReader.entities();
                default -> {}
            }
        }
        throw new XMLStreamException("the document ends inside a record");
    }

    static String first(Map<String, List<String>> values, String path) {
        List<String> found = values.get(path);
        return found == null || found.isEmpty() ? null : found.get(0);
    }

    static List<String> all(Map<String, List<String>> values, String path) {
        return values.getOrDefault(path, List.of());
    }
}
