package io.sanctionsrisk.sanctions.sources;

import io.sanctionsrisk.sanctions.web.ApiProblem;
import io.sanctionsrisk.sanctions.web.ProblemType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an official list file with the JDK's StAX parser, DTDs and external entities off: a document that
 * declares a DTD or refers to an entity is refused (no XXE, no entity expansion), as is one over the size limit,
 * one that is not well-formed, and one whose root is another list's. Keeps only the DPRK-related entries.
 */
public final class ListReader {

    /** OFAC programs whose entries are DPRK-related whatever their nationality. */
    static final Set<String> OFAC_DPRK_PROGRAMS = Set.of("DPRK", "DPRK2", "DPRK3", "DPRK4", "DPRK-NKSPEA");
    /** An OFAC cyber program whose entries count only when North Korean. */
    static final String OFAC_CYBER = "CYBER2";

    static final String OFAC_NORTH_KOREA = "Korea, North";
    static final String UN_DPRK = "DPRK";
    private static final DateTimeFormatter OFAC_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    /** The file as read and the SHA-256 of its bytes. */
    public record Read(ListFile file, String digest) {}

    private ListReader() {}

    public static Read read(ListSource source, InputStream body, long maxBytes) {
        byte[] bytes;
        try {
            bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new ApiProblem(ProblemType.MALFORMED_BODY, "the file could not be read: " + e.getMessage());
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        ListFile file;
        try {
            XMLStreamReader reader = factory().createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                file = parse(source, reader);
                while (reader.hasNext()) {
                    reader.next();
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNumber() + ", column "
                            + e.getLocation().getColumnNumber() + ")";
            throw new ApiProblem(ProblemType.MALFORMED_BODY, "the file is not well-formed XML" + where);
        }
        try {
            return new Read(
                    file,
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    static ApiProblem entities() {
        return new ApiProblem(
                ProblemType.MALFORMED_BODY,
                "the file declares a DTD or uses entity references, which official list files do not; refused"
                        + " (no external entities, no entity expansion)");
    }

    private static ApiProblem tooLarge(long maxBytes) {
        return new ApiProblem(
                ProblemType.PAYLOAD_TOO_LARGE,
                "a list file may be at most " + maxBytes + " bytes (sanctions.sources.max-file-bytes)");
    }

    private static XMLInputFactory factory() {
        // The JDK's own parser, whatever else is on the class path.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are not read");
        });
        return factory;
    }

    private static ListFile parse(ListSource source, XMLStreamReader reader) throws XMLStreamException {
        String root = null;
        while (reader.hasNext() && root == null) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw entities();
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                root = reader.getLocalName();
            }
        }
        if (!source.rootElement().equals(root)) {
            String actual = root == null
                    ? "no root element"
                    : ListSource.ofRoot(root)
                            .map(other -> "the " + other.title() + " (" + other.code() + ")")
                            .orElse("an XML document with root <" + root + ">");
            throw new ApiProblem(
                    ProblemType.MALFORMED_BODY,
                    "the file is " + actual + ", not the " + source.title() + " that source " + source.code()
                            + " expects (root <" + source.rootElement() + ">)");
        }
        return source == ListSource.UN_CONSOLIDATED ? un(reader) : ofac(reader);
    }

    private static ListFile un(XMLStreamReader reader) throws XMLStreamException {
        LocalDate generated = day(reader.getAttributeValue(null, "dateGenerated"));
        List<ListEntry> dprk = new ArrayList<>();
        int total = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw entities();
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String element = reader.getLocalName();
            if (!element.equals("INDIVIDUAL") && !element.equals("ENTITY")) {
                continue;
            }
            Map<String, List<String>> values = XmlRecords.read(reader);
            total++;
            String listType = XmlRecords.first(values, "UN_LIST_TYPE");
            if (!UN_DPRK.equals(listType)) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (String part : List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")) {
                String name = XmlRecords.first(values, part);
                if (name != null) {
                    names.add(name);
                }
            }
            dprk.add(new ListEntry(
                    XmlRecords.first(values, "REFERENCE_NUMBER"),
                    String.join(" ", names),
                    element.equals("INDIVIDUAL") ? "individual" : "entity",
                    listType,
                    day(XmlRecords.first(values, "LISTED_ON"))));
        }
        return new ListFile(ListSource.UN_CONSOLIDATED, generated, total, dprk);
    }

    private static ListFile ofac(XMLStreamReader reader) throws XMLStreamException {
        LocalDate published = null;
        List<ListEntry> dprk = new ArrayList<>();
        int total = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw entities();
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String element = reader.getLocalName();
            if (element.equals("publshInformation")) {
                published = ofacDay(XmlRecords.first(XmlRecords.read(reader), "Publish_Date"));
                continue;
            }
            if (!element.equals("sdnEntry")) {
                continue;
            }
            Map<String, List<String>> values = XmlRecords.read(reader);
            total++;
            List<String> programs = XmlRecords.all(values, "programList/program");
            if (!dprkRelated(values, programs)) {
                continue;
            }
            String first = XmlRecords.first(values, "firstName");
            String last = XmlRecords.first(values, "lastName");
            String type = XmlRecords.first(values, "sdnType");
            dprk.add(new ListEntry(
                    XmlRecords.first(values, "uid"),
                    first == null ? last : first + " " + last,
                    type == null ? "entity" : type.toLowerCase(Locale.ROOT),
                    String.join(";", programs),
                    null));
        }
        return new ListFile(ListSource.OFAC_SDN, published, total, dprk);
    }

    /** A DPRK program, or CYBER2 with a North Korean nationality, citizenship or address. */
    static boolean dprkRelated(Map<String, List<String>> values, List<String> programs) {
        if (programs.stream().anyMatch(OFAC_DPRK_PROGRAMS::contains)) {
            return true;
        }
        if (!programs.contains(OFAC_CYBER)) {
            return false;
        }
        return XmlRecords.all(values, "nationalityList/nationality/country").contains(OFAC_NORTH_KOREA)
                || XmlRecords.all(values, "citizenshipList/citizenship/country").contains(OFAC_NORTH_KOREA)
                || XmlRecords.all(values, "addressList/address/country").contains(OFAC_NORTH_KOREA);
    }

    private static LocalDate day(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate ofacDay(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip(), OFAC_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
