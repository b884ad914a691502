package dev.hypersearch.data.ingest;

import dev.hypersearch.data.table.ColumnRole;
import dev.hypersearch.data.table.ColumnType;
import java.util.List;

/**
 * What upload found in one column.
 *
 * @param ignoredReason why the column is not used, null unless the role is ignored
 * @param distinct      distinct present values; when {@code distinctCapped}, more than this
 * @param dateFormat    the layout dates were read in, null unless the type is date
 */
public record ColumnProfile(String name, ColumnType type, ColumnRole role, IgnoredReason ignoredReason, int missing,
                            int distinct, boolean distinctCapped, List<String> examples, String dateFormat) {

    public ColumnProfile {
        examples = List.copyOf(examples);
    }
}
