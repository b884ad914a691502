package dev.hypersearch.data.ingest;

/**
 * Limits of one upload.
 *
 * @param minRows   fewest data rows (after dropping rows without a label)
 * @param maxRows   most data rows
 * @param maxColumns most columns, label included
 * @param maxCells  most rows x columns: what the typed buffers (8 bytes a numeric cell) may hold
 * @param maxClasses most classes of a classification label
 * @param maxLevels distinct values counted exactly and kept as categories; a column with more is numeric, a date,
 *                  or ignored (identifier or free text)
 */
public record IngestLimits(int minRows, int maxRows, int maxColumns, long maxCells, int maxClasses, int maxLevels) {

    public static final IngestLimits DEFAULTS = new IngestLimits(10, 2_000_000, 10_000, 100_000_000L, 100, 10_000);

    public IngestLimits {
        if (minRows < 1 || maxRows < minRows || maxColumns < 2 || maxCells < maxRows || maxClasses < 2
                || maxLevels < maxClasses) {
            throw new IllegalArgumentException("need 1 <= minRows <= maxRows <= maxCells, maxColumns >= 2,"
                    + " 2 <= maxClasses <= maxLevels");
        }
    }
}
