package dev.hypersearch.api;

import dev.hypersearch.data.DatasetShape;
import dev.hypersearch.data.pipeline.FittedPipeline;
import dev.hypersearch.data.pipeline.InputWidth;
import dev.hypersearch.data.table.CategoricalColumn;
import dev.hypersearch.data.table.ColumnType;
import dev.hypersearch.data.table.DateColumn;
import dev.hypersearch.data.table.NumericColumn;
import dev.hypersearch.data.table.Table;
import dev.hypersearch.data.table.Target;
import dev.hypersearch.store.DatasetCatalog;
import dev.hypersearch.store.DatasetColumns;
import dev.hypersearch.store.DatasetRepository;
import dev.hypersearch.DatasetSettings;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The catalog plus one mixed-type table, {@value #NAME}, registered for tests the way the upload will register
 * parsed tables: a categorical plan with a rare level and missing cells, spend with missing values, a boolean and
 * a date with gaps, and a churn label that depends on plan, spend and membership.
 */
class MixedTableCatalog extends DatasetCatalog {

    static final String NAME = "mixed-churn";
    static final Table TABLE = churn(400, 5);
    /** A regression table: a price in the thousands from a category, a number with gaps and a date. */
    static final String PRICES = "mixed-prices";
    static final Table PRICE_TABLE = prices(400, 6);

    MixedTableCatalog(DatasetRepository uploads, DatasetColumns columns, DatasetSettings settings,
                      PlatformTransactionManager transactions, ObjectMapper json) {
        super(uploads, columns, settings, transactions, json);
    }

    @Override
    public boolean exists(String name) {
        return NAME.equals(name) || PRICES.equals(name) || super.exists(name);
    }

    @Override
    public Optional<Table> table(String name) {
        return NAME.equals(name) ? Optional.of(TABLE) : PRICES.equals(name) ? Optional.of(PRICE_TABLE)
                : super.table(name);
    }

    @Override
    public Optional<DatasetShape> shape(String name) {
        Table t = NAME.equals(name) ? TABLE : PRICES.equals(name) ? PRICE_TABLE : null;
        return t == null ? super.shape(name) : Optional.of(new DatasetShape(t.rows(),
                InputWidth.of(t, FittedPipeline.DEFAULT_LEVEL_LIMIT), t == TABLE ? 2 : 0));
    }

    static Table prices(int n, long seed) {
        Random rng = new Random(seed);
        List<String> areas = List.of("centre", "suburb", "village");
        int[] area = new int[n];
        double[] rooms = new double[n];
        long[] built = new long[n];
        double[] price = new double[n];
        long start = LocalDate.of(1950, 1, 1).toEpochDay();
        for (int i = 0; i < n; i++) {
            area[i] = rng.nextDouble() < 0.05 ? CategoricalColumn.MISSING : rng.nextInt(3);
            double r = 1 + rng.nextInt(6);
            rooms[i] = rng.nextDouble() < 0.08 ? Double.NaN : r;
            built[i] = start + rng.nextInt(70 * 365);
            double areaPremium = area[i] == 0 ? 150_000 : area[i] == 1 ? 60_000 : 0;
            price[i] = 100_000 + areaPremium + 40_000 * r + 10_000 * rng.nextGaussian();
        }
        return new Table(PRICES, List.of(new CategoricalColumn("area", area, areas), NumericColumn.of("rooms", rooms),
                new DateColumn("built", built)), new Target.Values("price", price));
    }

    static Table churn(int n, long seed) {
        Random rng = new Random(seed);
        List<String> plans = List.of("basic", "pro", "team", "enterprise", "legacy");
        int[] plan = new int[n];
        double[] spend = new double[n];
        double[] member = new double[n];
        long[] signup = new long[n];
        int[] churned = new int[n];
        long start = LocalDate.of(2018, 1, 1).toEpochDay();
        for (int i = 0; i < n; i++) {
            plan[i] = rng.nextDouble() < 0.05 ? CategoricalColumn.MISSING : i % 100 == 7 ? 4 : rng.nextInt(4);
            double s = 50 + 20 * rng.nextGaussian();
            spend[i] = rng.nextDouble() < 0.1 ? Double.NaN : s;
            member[i] = rng.nextBoolean() ? 1 : 0;
            signup[i] = rng.nextDouble() < 0.05 ? DateColumn.MISSING : start + rng.nextInt(6 * 365);
            double score = (plan[i] == 0 || plan[i] == 4 ? 1.5 : -1) - (s - 50) / 20 - member[i] * 0.5
                    + 0.3 * rng.nextGaussian();
            churned[i] = score > 0 ? 1 : 0;
        }
        return new Table(NAME, List.of(new CategoricalColumn("plan", plan, plans), NumericColumn.of("spend", spend),
                new NumericColumn("member", ColumnType.BOOLEAN, member), new DateColumn("signup", signup)),
                new Target.Classes("churned", churned, List.of("no", "yes")));
    }
}
