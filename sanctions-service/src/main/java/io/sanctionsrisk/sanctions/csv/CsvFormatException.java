package io.sanctionsrisk.sanctions.csv;

/** The text is not RFC 4180 CSV; names the row (the header is row 1). */
public class CsvFormatException extends Exception {

    private final int row;

    public CsvFormatException(int row, String message) {
        super("row " + row + ": " + message, null, false, false);
        this.row = row;
    }

    public int row() {
        return row;
    }
}
