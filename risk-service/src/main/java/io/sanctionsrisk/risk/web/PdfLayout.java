package io.sanctionsrisk.risk.web;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.util.Arrays;

/**
 * The one look of the service's PDF documents (the model card, the scenario summary), with OpenPDF: the fonts,
 * headings, paragraphs and tables, either with a header row or as two label-and-value columns.
 */
public final class PdfLayout {

    public static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    public static final Font BODY = new Font(Font.HELVETICA, 9, Font.NORMAL);
    private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font HEADER_CELL = new Font(Font.HELVETICA, 8, Font.BOLD);
    private static final Font CELL = new Font(Font.HELVETICA, 8, Font.NORMAL);
    private static final Color HEADER_FILL = new Color(0xE8, 0xEC, 0xF1);

    private PdfLayout() {}

    public static void heading(Document document, String text) {
        Paragraph p = new Paragraph(text, HEADING);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        document.add(p);
    }

    public static void text(Document document, String text) {
        Paragraph p = new Paragraph(text, BODY);
        p.setSpacingAfter(3);
        document.add(p);
    }

    /** A table with a shaded header row; with only empty headers, a label column and a wider value column. */
    public static PdfPTable table(int columns, String... headers) {
        PdfPTable t = new PdfPTable(columns);
        t.setWidthPercentage(100);
        t.setSpacingAfter(6);
        t.setHorizontalAlignment(Element.ALIGN_LEFT);
        if (Arrays.stream(headers).anyMatch(h -> !h.isEmpty())) {
            for (String h : headers) {
                PdfPCell cell = new PdfPCell(new Phrase(h, HEADER_CELL));
                cell.setBackgroundColor(HEADER_FILL);
                t.addCell(cell);
            }
            t.setHeaderRows(1);
        } else {
            t.setWidths(new float[] {1, 3});
        }
        return t;
    }

    /** A label-and-value row. */
    public static void row(PdfPTable t, String label, String value) {
        t.addCell(new PdfPCell(new Phrase(label, HEADER_CELL)));
        t.addCell(new PdfPCell(new Phrase(value, CELL)));
    }

    public static void cells(PdfPTable t, String... values) {
        for (String v : values) {
            t.addCell(new PdfPCell(new Phrase(v, CELL)));
        }
    }
}
