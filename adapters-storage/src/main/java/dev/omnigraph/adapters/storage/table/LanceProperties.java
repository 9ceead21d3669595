package dev.omnigraph.adapters.storage.table;

import java.util.Map;

/**
 * Settings of the Lance table storage.
 *
 * @param storageOptions Lance object-store options passed to every open, write, commit and drop (for
 *     example {@code aws_region}, {@code aws_endpoint}, {@code azure_storage_account_name}); empty for
 *     local paths
 * @param allocatorLimitBytes the most off-heap memory the shared Arrow allocator may hand out
 * @param indexCacheSizeBytes the bound of the shared Lance session's index cache
 * @param metadataCacheSizeBytes the bound of the shared Lance session's manifest/metadata cache
 * @param scanBatchRows the largest number of rows per scanned batch
 */
public record LanceProperties(Map<String, String> storageOptions, long allocatorLimitBytes, long indexCacheSizeBytes,
        long metadataCacheSizeBytes, int scanBatchRows) {

    public LanceProperties {
        storageOptions = Map.copyOf(storageOptions == null ? Map.of() : storageOptions);
        if (allocatorLimitBytes <= 0 || indexCacheSizeBytes < 0 || metadataCacheSizeBytes < 0 || scanBatchRows <= 0) {
            throw new IllegalArgumentException("Lance sizes must be positive: allocator=" + allocatorLimitBytes
                    + " indexCache=" + indexCacheSizeBytes + " metadataCache=" + metadataCacheSizeBytes
                    + " scanBatchRows=" + scanBatchRows);
        }
    }

    /** Local paths, no allocator limit, 1 GiB index cache, 256 MiB metadata cache, 8192-row batches. */
    public static LanceProperties defaults() {
        return new LanceProperties(Map.of(), Long.MAX_VALUE, 1L << 30, 256L << 20, 8192);
    }

    /** These settings with the given object-store options. */
    public LanceProperties withStorageOptions(Map<String, String> options) {
        return new LanceProperties(options, allocatorLimitBytes, indexCacheSizeBytes, metadataCacheSizeBytes, scanBatchRows);
    }
}
