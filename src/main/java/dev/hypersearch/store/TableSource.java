package dev.hypersearch.store;

import dev.hypersearch.data.table.Table;
import java.util.Optional;

/** Where a worker gets a data set's rows: a data set name to its {@link Table}, empty when no such set exists. */
@FunctionalInterface
public interface TableSource {

    Optional<Table> table(String dataset);
}
