package dev.hypersearch.bench;

import dev.hypersearch.Application;
import dev.hypersearch.data.ingest.DatasetProfile;
import dev.hypersearch.data.ingest.TableIngest;
import dev.hypersearch.data.table.Table;
import dev.hypersearch.store.DatasetCatalog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upload of a large mixed file: ROWS x COLS columns (COLS - 5 numeric with 1 % missing, an integer count, two
 * categorical with 12 levels, a date, the 3-class label), written to a temporary CSV first, then read, profiled and
 * stored by the catalogue into a file H2 database (not in memory, so the heap figures are the upload's). Prints the
 * upload time, the file and database bytes, the upload's peak heap (the sum of the heap pools' peaks, an upper
 * bound), and the heap of the Table a worker loads. Arguments: {@code [rows = 1000000] [columns = 50]}.
 * Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=dev.hypersearch.bench.UploadBenchmark}
 */
public final class UploadBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int cols = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path dir = Files.createTempDirectory("upload-bench");
        Path csv = dir.resolve("big.csv");
        long written = System.nanoTime();
        write(csv, rows, cols);
        System.out.printf("file: %,d rows x %d columns, %,d bytes (written in %.1f s)%n", rows, cols, Files.size(csv),
                (System.nanoTime() - written) / 1e9);

        SpringApplication app = new SpringApplication(Application.class);
        try (ConfigurableApplicationContext context = app.run("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db")
                + ";DB_CLOSE_DELAY=-1", "--hypersearch.role=none", "--spring.main.web-application-type=none",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--spring.jmx.enabled=false")) {
            DatasetCatalog catalog = context.getBean(DatasetCatalog.class);
            System.gc();
            long baseline = usedHeap();
            resetPeaks();
            long start = System.nanoTime();
            DatasetCatalog.Uploaded uploaded;
            try (InputStream in = Files.newInputStream(csv)) {
                uploaded = catalog.upload(new TableIngest.Request("big", "label", null, null), in, false, null);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = peakHeap() - baseline;
            DatasetProfile p = uploaded.profile();
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long columnBytes = jdbc.queryForObject("SELECT SUM(OCTET_LENGTH(content)) FROM dataset_column", Long.class);
            long profileBytes = jdbc.queryForObject("SELECT SUM(OCTET_LENGTH(profile)) FROM dataset", Long.class);
            System.out.printf("upload: %.1f s (%.0f rows/s), %d features, task %s; peak heap above baseline <= %,d MB%n",
                    seconds, rows / seconds, p.featureCount(), p.task(), peak >> 20);
            System.out.printf("database: %,d bytes of columns (%.2f bytes/cell) + %,d bytes of profile%n", columnBytes,
                    columnBytes / ((double) rows * cols), profileBytes);

            System.gc();
            long before = usedHeap();
            long loadStart = System.nanoTime();
            Table table = catalog.table("big").orElseThrow();
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.gc();
            long tableHeap = usedHeap() - before;
            System.out.printf("worker: loads the Table in %.1f s; heap grew by %,d MB (its arrays: %,d MB; %d rows;"
                    + " max heap %,d MB)%n", loadSeconds, tableHeap >> 20, arrayBytes(table) >> 20, table.rows(),
                    Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void write(Path csv, int rows, int cols) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        int numeric = cols - 5;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder();
            for (int j = 0; j < numeric; j++) {
                header.append('x').append(j).append(',');
            }
            out.write(header + "count,colour,region,day,label\n");
            String[] colours = {"red", "green", "blue", "amber", "teal", "plum", "sand", "rust", "navy", "lime", "rose",
                    "gold"};
            LocalDate first = LocalDate.of(2015, 1, 1);
            StringBuilder line = new StringBuilder(512);
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                for (int j = 0; j < numeric; j++) {
                    if (random.nextInt(100) == 0) {
                        line.append(j % 2 == 0 ? "" : "NA");
                    } else {
                        line.append(Math.round(random.nextGaussian() * 1e5) / 1e4);
                    }
                    line.append(',');
                }
                line.append(random.nextInt(50)).append(',').append(colours[random.nextInt(12)]).append(",R")
                        .append(random.nextInt(12)).append(',').append(first.plusDays(random.nextInt(3650))).append(',')
                        .append(random.nextInt(3)).append('\n');
                out.append(line);
            }
        }
    }

    /** The bytes of the table's value arrays: 8 a number or date, 4 a level code or class label. */
    private static long arrayBytes(Table table) {
        long bytes = table.target() instanceof dev.hypersearch.data.table.Target.Classes ? 4L * table.rows()
                : 8L * table.rows();
        for (var c : table.features()) {
            bytes += (c instanceof dev.hypersearch.data.table.CategoricalColumn ? 4L : 8L) * c.size();
        }
        return bytes;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
