package dev.hypersearch.data;

/**
 * A data file that cannot become a {@link Dataset}. Unchecked: callers (the upload endpoint) turn it
 * into a 400 response. {@link #line()} and {@link #column()} let them point at the offending cell;
 * the message already names both where they apply.
 */
public class DatasetFormatException extends RuntimeException {

    private final int line;
    private final String column;

    /**
     * @param line physical line in the file (1 = header), or 0 when no single line is at fault
     * @param column column name, or null when no single column is at fault
     */
    public DatasetFormatException(String message, int line, String column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public DatasetFormatException(String message, int line, String column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    /** Physical line in the file (1 = header), or 0 when no single line is at fault. */
    public int line() {
        return line;
    }

    /** Offending column name, or null when no single column is at fault. */
    public String column() {
        return column;
    }
}
