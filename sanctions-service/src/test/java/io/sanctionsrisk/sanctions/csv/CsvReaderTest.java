package io.sanctionsrisk.sanctions.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvReader.Row> read(String text) throws Exception {
        return CsvReader.read(new StringReader(text));
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        List<CsvReader.Row> rows = read("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n");
        assertEquals(List.of("x, y", "say \"hi\"", "two\r\nlines"), rows.get(1).fields());
        assertEquals(2, rows.get(1).number());
    }

    @Test
    void acceptsLfLineEndsAByteOrderMarkAndAMissingFinalLineEnd() throws Exception {
        List<CsvReader.Row> rows = read("\uFEFFa,b\n1,2\n\n3,");
        assertEquals(List.of("a", "b"), rows.get(0).fields());
        assertEquals(List.of("1", "2"), rows.get(1).fields());
        assertEquals(List.of("3", ""), rows.get(2).fields());
        assertEquals(3, rows.size());
    }

    @Test
    void namesTheRowOfAnUnterminatedQuote() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read("a,b\r\n1,2\r\n\"open,3\r\n"));
        assertEquals(3, e.row());
    }

    @Test
    void rejectsAQuoteInsideAnUnquotedFieldAndTextAfterAClosingQuote() {
        assertThrows(CsvFormatException.class, () -> read("a,b\r\nx\"y,1\r\n"));
        assertThrows(CsvFormatException.class, () -> read("a,b\r\n\"x\"y,1\r\n"));
    }

    @Test
    void writesWhatItReads() throws Exception {
        List<String> fields = Arrays.asList("plain", "with, comma", "with \"quote\"", null, " padded ", "line\nbreak");
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(fields);
        List<String> back = read(out.toString()).get(0).fields();
        assertEquals(Arrays.asList("plain", "with, comma", "with \"quote\"", "", " padded ", "line\nbreak"), back);
    }
}
