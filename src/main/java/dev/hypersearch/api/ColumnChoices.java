package dev.hypersearch.api;

import dev.hypersearch.data.ingest.ColumnOverride;
import dev.hypersearch.data.table.ColumnRole;
import dev.hypersearch.data.table.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** The upload's {@code columns} field: a JSON array of {@link ColumnChoice}, each field checked by name. */
final class ColumnChoices {

    private ColumnChoices() {
    }

    static List<ColumnOverride> parse(String text, ObjectMapper json) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        ColumnChoice[] choices;
        try {
            choices = json.readValue(text, ColumnChoice[].class);
        } catch (JacksonException e) {
            throw new BadParameterException("columns", "must be a JSON array of {name, type?, role?}: "
                    + e.getOriginalMessage());
        }
        List<ColumnOverride> overrides = new ArrayList<>();
        for (int i = 0; i < choices.length; i++) {
            ColumnChoice c = choices[i];
            String at = "columns[" + i + "]";
            if (c == null || c.name() == null || c.name().isBlank()) {
                throw new BadParameterException(at + ".name", "must name a column of the file");
            }
            overrides.add(new ColumnOverride(c.name().strip(), parse(ColumnType.class, c.type(), at + ".type"),
                    parse(ColumnRole.class, c.role(), at + ".role")));
        }
        return overrides;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw new BadParameterException(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList() + ", was '" + value + "'");
    }
}
