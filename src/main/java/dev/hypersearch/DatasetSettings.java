package dev.hypersearch;

import dev.hypersearch.data.ingest.IngestLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Upload limits under {@code hypersearch.datasets.*}, with their defaults (HypersearchProperties holds the other
 * settings); over them an upload is refused with 400 naming the setting. The file size limit,
 * {@code hypersearch.datasets.max-upload-size} (default 1GB, 413 beyond), is spring.servlet.multipart's, set in
 * application.yml.
 *
 * @param maxRows       data rows; default 2,000,000
 * @param maxColumns    columns, label included; default 10,000
 * @param maxCells      rows x columns, what parsing holds in memory (8 bytes a numeric cell); default 100,000,000
 * @param maxClasses    classes of a classification label; default 100
 * @param maxLevels     distinct values counted exactly and kept as categories; default 10,000
 */
@ConfigurationProperties("hypersearch.datasets")
public record DatasetSettings(int maxRows, int maxColumns, long maxCells, int maxClasses,
                              int maxLevels) {

    public DatasetSettings {
        IngestLimits d = IngestLimits.DEFAULTS;
        maxRows = maxRows > 0 ? maxRows : d.maxRows();
        maxColumns = maxColumns > 0 ? maxColumns : d.maxColumns();
        maxCells = maxCells > 0 ? maxCells : d.maxCells();
        maxClasses = maxClasses > 0 ? maxClasses : d.maxClasses();
        maxLevels = maxLevels > 0 ? maxLevels : d.maxLevels();
    }

    public IngestLimits limits() {
        return new IngestLimits(IngestLimits.DEFAULTS.minRows(), maxRows, maxColumns, maxCells, maxClasses, maxLevels);
    }
}
