package dev.hypersearch.data.ingest;

import dev.hypersearch.data.table.CategoricalColumn;
import dev.hypersearch.data.table.Column;
import dev.hypersearch.data.table.ColumnType;
import dev.hypersearch.data.table.DateColumn;
import dev.hypersearch.data.table.NumericColumn;
import dev.hypersearch.data.table.Target;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * One stored column as bytes, deflated: a kind byte, the row count, the levels (categorical columns and class
 * labels), then one value a row: float64 for numbers (NaN = missing), int32 level codes (-1 = missing) or epoch
 * days (Integer.MIN_VALUE = missing). Every worker process decodes the same bytes into the same column.
 */
public final class ColumnCodec {

    private static final byte NUMERIC = 0;
    private static final byte BOOLEAN = 1;
    private static final byte CATEGORICAL = 2;
    private static final byte DATE = 3;
    private static final byte CLASSES = 4;
    private static final byte VALUES = 5;
    private static final int MISSING_DAY = Integer.MIN_VALUE;

    private ColumnCodec() {
    }

    public static byte[] encode(Column column) {
        return write(out -> {
            if (column instanceof NumericColumn n) {
                out.writeByte(n.type() == ColumnType.BOOLEAN ? BOOLEAN : NUMERIC);
                writeDoubles(out, n.values());
            } else if (column instanceof CategoricalColumn c) {
                out.writeByte(CATEGORICAL);
                writeLevels(out, c.levels());
                writeInts(out, c.codes());
            } else {
                out.writeByte(DATE);
                long[] days = ((DateColumn) column).epochDays();
                out.writeInt(days.length);
                for (long day : days) {
                    out.writeInt(day == DateColumn.MISSING ? MISSING_DAY : Math.toIntExact(day));
                }
            }
        });
    }

    public static byte[] encode(Target target) {
        return write(out -> {
            if (target instanceof Target.Classes c) {
                out.writeByte(CLASSES);
                writeLevels(out, c.classes());
                writeInts(out, c.labels());
            } else {
                out.writeByte(VALUES);
                writeDoubles(out, ((Target.Values) target).values());
            }
        });
    }

    /** A feature column (the bytes of {@link #encode(Column)}). */
    public static Column decodeColumn(String name, byte[] bytes) {
        return read(bytes, in -> {
            byte kind = in.readByte();
            return switch (kind) {
                case NUMERIC -> new NumericColumn(name, ColumnType.NUMERIC, readDoubles(in));
                case BOOLEAN -> new NumericColumn(name, ColumnType.BOOLEAN, readDoubles(in));
                case CATEGORICAL -> {
                    List<String> levels = readLevels(in);
                    yield new CategoricalColumn(name, readInts(in), levels);
                }
                case DATE -> {
                    int[] days = readInts(in);
                    long[] epochDays = new long[days.length];
                    for (int i = 0; i < days.length; i++) {
                        epochDays[i] = days[i] == MISSING_DAY ? DateColumn.MISSING : days[i];
                    }
                    yield new DateColumn(name, epochDays);
                }
                default -> throw new IllegalStateException("column " + name + " is stored as kind " + kind
                        + ", not a feature");
            };
        });
    }

    /** A label (the bytes of {@link #encode(Target)}). */
    public static Target decodeTarget(String name, byte[] bytes) {
        return read(bytes, in -> {
            byte kind = in.readByte();
            return switch (kind) {
                case CLASSES -> {
                    List<String> classes = readLevels(in);
                    yield new Target.Classes(name, readInts(in), classes);
                }
                case VALUES -> new Target.Values(name, readDoubles(in));
                default -> throw new IllegalStateException("column " + name + " is stored as kind " + kind
                        + ", not a label");
            };
        });
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new DeflaterOutputStream(bytes, deflater, 64 * 1024), 64 * 1024))) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new InflaterInputStream(new ByteArrayInputStream(bytes)), 64 * 1024))) {
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeLong(Double.doubleToRawLongBits(v));
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.longBitsToDouble(in.readLong());
        }
        return values;
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static void writeLevels(DataOutputStream out, List<String> levels) throws IOException {
        out.writeInt(levels.size());
        for (String level : levels) {
            byte[] utf8 = level.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    private static List<String> readLevels(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> levels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            levels.add(new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8));
        }
        return levels;
    }
}
