package dev.hypersearch.data;

import dev.hypersearch.text.StoredText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/** The header row of an uploaded CSV: unique, non-empty column names that can be stored as text. */
public final class CsvHeader {

    private CsvHeader() {
    }

    public static List<String> names(CSVRecord record, int maxColumns) {
        if (record.size() > maxColumns) {
            throw new DatasetFormatException("line 1: " + record.size() + " columns, more than the limit of "
                    + maxColumns, 1, null);
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < record.size(); j++) {
            String cell = record.get(j);
            if (j == 0 && cell.startsWith("\uFEFF")) {
                cell = cell.substring(1); // UTF-8 byte order mark written by some spreadsheet exports
            }
            String columnName = cell.strip();
            if (columnName.isEmpty()) {
                throw new DatasetFormatException("line 1: column " + (j + 1) + " has an empty name", 1, null);
            }
            String problem = StoredText.problem(columnName, CsvDatasetReader.MAX_COLUMN_NAME_LENGTH);
            if (problem != null) { // the label column's name is stored: the same rule on every database
                throw new DatasetFormatException("line 1: the name of column " + (j + 1) + " " + problem, 1, null);
            }
            Integer previous = seen.putIfAbsent(columnName, j);
            if (previous != null) {
                throw new DatasetFormatException("line 1: duplicate column name '" + columnName
                        + "' (columns " + (previous + 1) + " and " + (j + 1) + ")", 1, columnName);
            }
            names.add(columnName);
        }
        if (names.size() < 2) {
            throw new DatasetFormatException("line 1: need a label column and at least one feature column, found "
                    + names, 1, null);
        }
        return names;
    }
}
