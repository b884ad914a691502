package dev.hypersearch.data.ingest;

import dev.hypersearch.data.CsvDatasetReader;
import dev.hypersearch.data.CsvHeader;
import dev.hypersearch.data.DatasetFormatException;
import dev.hypersearch.data.LabelCounts;
import dev.hypersearch.data.Task;
import dev.hypersearch.data.table.Column;
import dev.hypersearch.data.table.ColumnRole;
import dev.hypersearch.data.table.Table;
import dev.hypersearch.data.table.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded file in one pass into a profiled {@link Table}. Every problem is a
 * {@link DatasetFormatException} naming the column, and the line where there is one (1 = header).
 */
public final class TableIngest {

    /**
     * What to read.
     *
     * @param labelColumn the label by header name; null = the column an override makes the label, else the last
     * @param task        null = inferred from the label
     */
    public record Request(String name, String labelColumn, Task task, List<ColumnOverride> overrides) {
        public Request {
            overrides = overrides == null ? List.of() : List.copyOf(overrides);
        }
    }

    public record Result(DatasetProfile profile, Table table) {
    }

    private final IngestLimits limits;

    public TableIngest(IngestLimits limits) {
        this.limits = limits;
    }

    public Result read(Request request, InputStream in) {
        try {
            DelimitedInput input = DelimitedInput.open(in);
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(input.delimiter()).setIgnoreEmptyLines(true)
                    .get();
            CSVParser parser = format.parse(input.reader());
            return read(request, input, parser, parser.iterator());
        } catch (UncheckedIOException e) {
            throw notText(e.getCause(), e);
        } catch (IOException e) {
            throw notText(e, e);
        }
    }

    private static RuntimeException notText(IOException cause, Exception e) {
        if (cause instanceof CharacterCodingException || cause instanceof java.util.zip.ZipException) {
            return new DatasetFormatException("the file is not delimited text in UTF-8 (or gzip-compressed UTF-8): "
                    + cause.getMessage(), 0, null, e);
        }
        return e instanceof UncheckedIOException u ? u : new UncheckedIOException((IOException) e);
    }

    private Result read(Request request, DelimitedInput input, CSVParser parser, Iterator<CSVRecord> records) {
        if (!CsvDatasetReader.hasNext(parser, records)) {
            throw new DatasetFormatException("empty file: line 1 should be a header row", 1, null);
        }
        List<String> header = CsvHeader.names(records.next(), limits.maxColumns());
        Map<String, ColumnOverride> overrides = overrides(request.overrides(), header);
        int labelIndex = labelIndex(request.labelColumn(), overrides, header);
        String label = header.get(labelIndex);

        List<ColumnAccumulator> columns = new ArrayList<>();
        for (String name : header) {
            columns.add(new ColumnAccumulator(name, limits.maxLevels(), input.delimiter() != ','));
        }
        long maxRows = Math.min(limits.maxRows(), limits.maxCells() / header.size());
        int rows = 0;
        int dropped = 0;
        int lastLine = 1;
        while (CsvDatasetReader.hasNext(parser, records)) {
            CSVRecord record = records.next();
            int line = CsvDatasetReader.startLine(parser, record);
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            CsvDatasetReader.checkWidth(record, header, line);
            if (MissingMarkers.isMissing(record.get(labelIndex).strip())) {
                dropped++;
                continue;
            }
            if (rows == maxRows) {
                throw new DatasetFormatException("line " + line + ": more than " + maxRows + " data rows; the limit is "
                        + (maxRows == limits.maxRows() ? maxRows + " rows (setting hypersearch.datasets.max-rows)"
                        : limits.maxCells() + " cells (setting hypersearch.datasets.max-cells), " + maxRows + " rows of "
                        + header.size() + " columns"), line, null);
            }
            for (int j = 0; j < header.size(); j++) {
                columns.get(j).add(record.get(j), line);
            }
            rows++;
            lastLine = line;
        }
        if (rows == 0) {
            if (dropped > 0) {
                throw new DatasetFormatException("label column '" + label + "' is empty: none of the " + dropped
                        + " data rows has a label", 0, label);
            }
            throw new DatasetFormatException("line 1: header only, no data rows", 1, null);
        }
        if (rows < limits.minRows()) {
            throw new DatasetFormatException("only " + rows + " data rows with a label (lines 2-" + lastLine
                    + "); at least " + limits.minRows() + " needed", lastLine, null);
        }

        ColumnAccumulator labelColumn = columns.get(labelIndex);
        Task task = LabelInference.task(labelColumn, request.task());
        Target target = LabelInference.target(labelColumn, task, limits.maxClasses(), lastLine);

        List<ColumnProfile> profiles = new ArrayList<>();
        List<Column> features = new ArrayList<>();
        for (int j = 0; j < header.size(); j++) {
            ColumnAccumulator acc = columns.get(j);
            if (j == labelIndex) {
                profiles.add(labelProfile(acc, task));
                continue;
            }
            ColumnInference.Inferred inferred = ColumnInference.infer(acc, overrides.get(acc.name), limits.maxLevels());
            profiles.add(inferred.profile());
            if (inferred.column() != null) {
                features.add(inferred.column());
            }
            columns.set(j, null); // its buffers are in the column now
        }
        if (features.isEmpty()) {
            List<String> why = profiles.stream().filter(p -> p.role() == ColumnRole.IGNORED)
                    .map(p -> "'" + p.name() + "' " + p.ignoredReason().name().toLowerCase().replace('_', ' '))
                    .toList();
            throw new DatasetFormatException("no usable feature: every column but the label '" + label
                    + "' is ignored (" + String.join(", ", why) + "); set a column's role to feature to use it", 0,
                    null);
        }
        Table table = new Table(request.name(), features, target);
        DatasetProfile profile = new DatasetProfile(profiles, rows, dropped, task, label, LabelCounts.classNames(table),
                input.delimiterName(), input.gzip(), LabelCounts.classCounts(table));
        return new Result(profile, table);
    }

    private static ColumnProfile labelProfile(ColumnAccumulator acc, Task task) {
        int distinct = acc.distinct();
        return new ColumnProfile(acc.name, task == Task.REGRESSION ? dev.hypersearch.data.table.ColumnType.NUMERIC
                : dev.hypersearch.data.table.ColumnType.CATEGORICAL, ColumnRole.LABEL, null, acc.missing,
                Math.max(distinct, 0), distinct < 0, acc.examples, null);
    }

    private static Map<String, ColumnOverride> overrides(List<ColumnOverride> list, List<String> header) {
        Map<String, ColumnOverride> byName = new HashMap<>();
        for (ColumnOverride o : list) {
            if (!header.contains(o.name())) {
                throw new DatasetFormatException("line 1: an override names column '" + o.name()
                        + "', which is not in the header " + header, 1, o.name());
            }
            if (byName.put(o.name(), o) != null) {
                throw new DatasetFormatException("column '" + o.name() + "' is overridden twice", 0, o.name());
            }
        }
        return byName;
    }

    private static int labelIndex(String labelColumn, Map<String, ColumnOverride> overrides, List<String> header) {
        List<String> byRole = overrides.values().stream().filter(o -> o.role() == ColumnRole.LABEL)
                .map(ColumnOverride::name).toList();
        if (byRole.size() > 1) {
            throw new DatasetFormatException("overrides make " + byRole + " the label; choose one", 0, byRole.get(1));
        }
        String name = labelColumn != null && !labelColumn.isBlank() ? labelColumn.strip()
                : byRole.isEmpty() ? header.get(header.size() - 1) : byRole.get(0);
        if (!byRole.isEmpty() && !byRole.get(0).equals(name)) {
            throw new DatasetFormatException("labelColumn is '" + name + "' but an override makes '" + byRole.get(0)
                    + "' the label", 0, byRole.get(0));
        }
        int index = header.indexOf(name);
        if (index < 0) {
            throw new DatasetFormatException("line 1: label column '" + name + "' is not in the header " + header, 1,
                    name);
        }
        ColumnOverride own = overrides.get(name);
        if (own != null && own.role() != null && own.role() != ColumnRole.LABEL) {
            throw new DatasetFormatException("column '" + name + "' is the label; its role cannot be "
                    + own.role().name().toLowerCase(), 0, name);
        }
        return index;
    }
}
