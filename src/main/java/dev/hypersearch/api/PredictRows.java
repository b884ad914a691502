package dev.hypersearch.api;

import dev.hypersearch.model.RawRow;
import dev.hypersearch.model.RawValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The body of a predict call, {@code {"rows": [{"<column>": value or null}]}}, read into typed rows: numbers,
 * strings and booleans kept as such (the model's preprocessing decides which it takes), null or absent as missing.
 */
final class PredictRows {

    /** Rows a call may hold. */
    static final int MAX_ROWS = 10_000;

    private PredictRows() {
    }

    static List<RawRow> parse(JsonNode body) {
        JsonNode rows = body == null ? null : body.get("rows");
        if (rows == null || !rows.isArray()) {
            throw new BadParameterException("rows", "required: an array of objects, one per row, keyed by column name");
        }
        if (rows.size() > MAX_ROWS) {
            throw new TooManyRowsException("at most " + MAX_ROWS + " rows a call, got " + rows.size()
                    + ": split them over several calls");
        }
        List<RawRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            if (!row.isObject()) {
                throw new BadParameterException("rows[" + i + "]", "must be an object keyed by column name");
            }
            Map<String, RawValue> values = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : row.properties()) {
                JsonNode v = e.getValue();
                if (v.isNull()) {
                    continue;
                }
                String field = "rows[" + i + "]." + e.getKey();
                if (v.isNumber()) {
                    double d = v.doubleValue();
                    if (!Double.isFinite(d)) {
                        throw new BadParameterException(field, "row " + i + ", column '" + e.getKey()
                                + "': the number is too large for a double");
                    }
                    values.put(e.getKey(), new RawValue.Number(d));
                } else if (v.isString()) {
                    values.put(e.getKey(), new RawValue.Text(v.asString()));
                } else if (v.isBoolean()) {
                    values.put(e.getKey(), new RawValue.Bool(v.asBoolean()));
                } else {
                    throw new BadParameterException(field, "row " + i + ", column '" + e.getKey()
                            + "': expected a number, a string, a boolean or null");
                }
            }
            out.add(new RawRow(values));
        }
        return out;
    }

    /** More rows than a call may hold: 413 naming the limit. */
    static final class TooManyRowsException extends RuntimeException {
        TooManyRowsException(String message) {
            super(message);
        }
    }
}
