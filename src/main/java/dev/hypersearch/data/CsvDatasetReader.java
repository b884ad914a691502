package dev.hypersearch.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a {@link Dataset} from comma-separated text with a header row (RFC 4180, parsed by Commons
 * CSV). Every column except the label column is a numeric feature.
 *
 * <p>Immutable; configure with the {@code with*} methods. Every problem with the file is a
 * {@link DatasetFormatException} naming the physical line (1 = header) and the column, because the
 * message goes straight back to whoever uploaded the file.
 */
public final class CsvDatasetReader {

    public static final int DEFAULT_MIN_ROWS = 10;
    public static final int DEFAULT_MAX_ROWS = 1_000_000;
    public static final int DEFAULT_MAX_COLUMNS = 10_000;
    /** Longest column name; the label column's name is stored with the data set. */
    public static final int MAX_COLUMN_NAME_LENGTH = 200;

    /** A "classification" column with more distinct values than this is most likely a regression target. */
    public static final int DEFAULT_MAX_CLASSES = 100;

    // Plain decimal numbers only: Double.parseDouble would also take "NaN", "Infinity", "0x1p3", "1d".
    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true) // blank lines are skipped; line numbers still count them
            .get();

    private final String labelColumn; // null = last column
    private final Task task;
    private final int minRows;
    private final int maxRows;
    private final int maxColumns;
    private final int maxClasses;

    /** Label = last column, classification, the default limits. */
    public CsvDatasetReader() {
        this(null, Task.CLASSIFICATION, DEFAULT_MIN_ROWS, DEFAULT_MAX_ROWS, DEFAULT_MAX_COLUMNS,
                DEFAULT_MAX_CLASSES);
    }

    private CsvDatasetReader(String labelColumn, Task task, int minRows, int maxRows, int maxColumns,
            int maxClasses) {
        if (minRows < 1 || maxRows < minRows || maxColumns < 2 || maxClasses < 2) {
            throw new IllegalArgumentException("need 1 <= minRows <= maxRows, maxColumns >= 2, maxClasses >= 2");
        }
        if (task == null) {
            throw new IllegalArgumentException("task must not be null");
        }
        this.labelColumn = labelColumn;
        this.task = task;
        this.minRows = minRows;
        this.maxRows = maxRows;
        this.maxColumns = maxColumns;
        this.maxClasses = maxClasses;
    }

    /** The label column by header name; null means the last column. */
    public CsvDatasetReader withLabelColumn(String name) {
        return new CsvDatasetReader(name, task, minRows, maxRows, maxColumns, maxClasses);
    }

    public CsvDatasetReader withTask(Task newTask) {
        return new CsvDatasetReader(labelColumn, newTask, minRows, maxRows, maxColumns, maxClasses);
    }

    public CsvDatasetReader withMinRows(int rows) {
        return new CsvDatasetReader(labelColumn, task, rows, maxRows, maxColumns, maxClasses);
    }

    public CsvDatasetReader withMaxRows(int rows) {
        return new CsvDatasetReader(labelColumn, task, minRows, rows, maxColumns, maxClasses);
    }

    /** Maximum number of columns, label included. */
    public CsvDatasetReader withMaxColumns(int columns) {
        return new CsvDatasetReader(labelColumn, task, minRows, maxRows, columns, maxClasses);
    }

    public CsvDatasetReader withMaxClasses(int classes) {
        return new CsvDatasetReader(labelColumn, task, minRows, maxRows, maxColumns, classes);
    }

    /** Reads UTF-8 bytes; the stream is not closed. */
    public Dataset read(String name, InputStream in) {
        return read(name, new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** Reads text; the reader is not closed (the caller opened it). */
    public Dataset read(String name, Reader in) {
        try {
            CSVParser parser = FORMAT.parse(in);
            return read(name, parser, parser.iterator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Dataset read(String name, CSVParser parser, Iterator<CSVRecord> records) {
        if (!hasNext(parser, records)) {
            throw new DatasetFormatException("empty file: line 1 should be a header row", 1, null);
        }
        List<String> header = CsvHeader.names(records.next(), maxColumns);
        int labelIndex = labelIndex(header);
        String label = header.get(labelIndex);

        List<double[]> rows = new ArrayList<>();
        List<String> labelCells = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        int lastLine = 1;
        while (hasNext(parser, records)) {
            CSVRecord record = records.next();
            int line = startLine(parser, record);
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue; // a line of spaces: as blank as an empty line
            }
            if (rows.size() == maxRows) {
                throw new DatasetFormatException("line " + line + ": more than " + maxRows
                        + " data rows; the limit is " + maxRows, line, null);
            }
            checkWidth(record, header, line);
            double[] row = new double[header.size() - 1];
            for (int j = 0, k = 0; j < header.size(); j++) {
                if (j != labelIndex) {
                    row[k++] = number(record.get(j), line, header.get(j));
                }
            }
            rows.add(row);
            if (task == Task.REGRESSION) {
                targets.add(number(record.get(labelIndex), line, label));
            } else {
                labelCells.add(nonEmpty(record.get(labelIndex), line, label));
            }
            lastLine = line;
        }
        if (rows.isEmpty()) {
            throw new DatasetFormatException("line 1: header only, no data rows", 1, null);
        }
        if (rows.size() < minRows) {
            throw new DatasetFormatException("only " + rows.size() + " data rows (lines 2-" + lastLine
                    + "); at least " + minRows + " needed", lastLine, null);
        }

        List<String> featureNames = new ArrayList<>(header);
        featureNames.remove(labelIndex);
        double[][] x = rows.toArray(double[][]::new);
        if (task == Task.REGRESSION) {
            double[] y = targets.stream().mapToDouble(Double::doubleValue).toArray();
            return Dataset.regression(name, featureNames, x, label, y);
        }
        ClassLabels classes = ClassLabels.encode(labelCells);
        int c = classes.classNames().size();
        if (c < 2) {
            throw new DatasetFormatException("label column '" + label + "' has a single class '"
                    + classes.classNames().get(0) + "' in all rows (lines 2-" + lastLine
                    + "); classification needs at least 2", 0, label);
        }
        if (c > maxClasses) {
            throw new DatasetFormatException("label column '" + label + "' has " + c
                    + " distinct values, more than " + maxClasses
                    + " classes; is it a regression target?", 0, label);
        }
        return Dataset.classification(name, featureNames, x, label, classes.labels(), classes.classNames());
    }

    private int labelIndex(List<String> header) {
        if (labelColumn == null) {
            return header.size() - 1;
        }
        int index = header.indexOf(labelColumn);
        if (index < 0) {
            throw new DatasetFormatException("line 1: label column '" + labelColumn
                    + "' is not in the header " + header, 1, labelColumn);
        }
        return index;
    }

    public static void checkWidth(CSVRecord record, List<String> header, int line) {
        int cells = record.size();
        if (cells < header.size()) {
            String missing = header.get(cells);
            throw new DatasetFormatException("line " + line + ": " + cells + " cells but the header has "
                    + header.size() + " columns; no value for column '" + missing + "'", line, missing);
        }
        if (cells > header.size()) {
            String last = header.get(header.size() - 1);
            throw new DatasetFormatException("line " + line + ": " + cells + " cells but the header has "
                    + header.size() + " columns; extra cells after column '" + last + "'", line, last);
        }
    }

    private static String nonEmpty(String cell, int line, String column) {
        String value = cell.strip();
        if (value.isEmpty()) {
            throw new DatasetFormatException("line " + line + ", column '" + column + "': empty cell", line, column);
        }
        return value;
    }

    private static double number(String cell, int line, String column) {
        String value = nonEmpty(cell, line, column);
        if (!NUMBER.matcher(value).matches()) {
            throw new DatasetFormatException("line " + line + ", column '" + column + "': '" + abbreviate(value)
                    + "' is not a number", line, column);
        }
        double v = Double.parseDouble(value);
        if (!Double.isFinite(v)) {
            throw new DatasetFormatException("line " + line + ", column '" + column + "': '" + abbreviate(value)
                    + "' is out of range", line, column);
        }
        return v;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }

    /** Advances the parser, turning malformed CSV (e.g. an unclosed quote) into a format error. */
    public static boolean hasNext(CSVParser parser, Iterator<CSVRecord> records) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException) {
                int line = (int) parser.getCurrentLineNumber();
                throw new DatasetFormatException("line " + line + ": malformed CSV: " + e.getCause().getMessage(),
                        line, null, e);
            }
            throw e;
        }
    }

    /**
     * The physical line a record starts on. The parser reports the line it ended on, which differs
     * when a quoted cell spans lines, so subtract the line breaks inside the cells.
     */
    public static int startLine(CSVParser parser, CSVRecord record) {
        long line = parser.getCurrentLineNumber();
        for (String cell : record) {
            line -= lineBreaks(cell);
        }
        return (int) line;
    }

    private static int lineBreaks(String s) {
        int breaks = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\n' || (ch == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) {
                breaks++;
            }
        }
        return breaks;
    }
}
