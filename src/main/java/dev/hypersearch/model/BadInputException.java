package dev.hypersearch.model;

/** A row's value a model cannot take: names the row (0-based, in request order) and the column. */
public final class BadInputException extends RuntimeException {

    private final int row;
    private final String column;

    public BadInputException(int row, String column, String message) {
        super("row " + row + ", column '" + column + "': " + message);
        this.row = row;
        this.column = column;
    }

    public int row() {
        return row;
    }

    public String column() {
        return column;
    }
}
