/**
 * Reading an uploaded delimited text file into a typed {@link dev.hypersearch.data.table.Table} and its profile:
 * format detection (gzip, BOM, delimiter), one streaming pass that fills typed column buffers, and the rules that
 * infer each column's type and role. Plain Java.
 */
package dev.hypersearch.data.ingest;
