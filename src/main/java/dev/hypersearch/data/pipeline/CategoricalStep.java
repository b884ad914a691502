package dev.hypersearch.data.pipeline;

import dev.hypersearch.data.table.CategoricalColumn;
import dev.hypersearch.data.table.Column;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A categorical column one-hot encoded: one input per kept level (the most frequent in training, up to the
 * limit; ties by name), then "missing", then "other" for every level not kept, including levels the training
 * rows never had. Levels are matched by name, so the step applies to a table coded differently.
 */
public record CategoricalStep(String column, List<String> levels) implements ColumnStep {

    public CategoricalStep {
        levels = List.copyOf(levels);
    }

    static CategoricalStep fit(CategoricalColumn c, int[] rows, int levelLimit) {
        List<String> all = c.levels();
        int[] counts = new int[all.size()];
        for (int row : rows) {
            int code = c.code(row);
            if (code != CategoricalColumn.MISSING) {
                counts[code]++;
            }
        }
        List<String> kept = IntStream.range(0, all.size()).filter(code -> counts[code] > 0).boxed()
                .sorted(Comparator.<Integer>comparingInt(code -> -counts[code]).thenComparing(all::get))
                .limit(levelLimit).map(all::get).toList();
        return new CategoricalStep(c.name(), kept);
    }

    @Override
    public List<Input> inputs() {
        List<Input> in = new ArrayList<>(levels.size() + 2);
        for (String level : levels) {
            in.add(new Input(column, InputKind.LEVEL, level));
        }
        in.add(Input.of(column, InputKind.MISSING_LEVEL));
        in.add(Input.of(column, InputKind.OTHER_LEVEL));
        return List.copyOf(in);
    }

    @Override
    public int width() {
        return levels.size() + 2;
    }

    @Override
    public void write(Column values, int[] rows, double[] out, int stride, int offset) {
        CategoricalColumn c = ColumnStep.as(CategoricalColumn.class, values, "categorical");
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            position.put(levels.get(i), i);
        }
        int missing = levels.size();
        int other = missing + 1;
        List<String> codes = c.levels();
        int[] slot = new int[codes.size()]; // the table's code -> which of this step's inputs
        for (int code = 0; code < slot.length; code++) {
            slot[code] = position.getOrDefault(codes.get(code), other);
        }
        for (int i = 0; i < rows.length; i++) {
            int code = c.code(rows[i]);
            int at = i * stride + offset;
            for (int j = 0; j < levels.size() + 2; j++) {
                out[at + j] = 0;
            }
            out[at + (code == CategoricalColumn.MISSING ? missing : slot[code])] = 1;
        }
    }
}
