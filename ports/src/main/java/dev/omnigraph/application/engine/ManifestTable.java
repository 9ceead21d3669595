package dev.omnigraph.application.engine;

import dev.omnigraph.domain.graph.GraphCommit;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.ManifestEntry;
import dev.omnigraph.domain.graph.ManifestEntry.BranchHead;
import dev.omnigraph.domain.graph.ManifestEntry.CommitRecord;
import dev.omnigraph.domain.graph.ManifestEntry.PublishedTableVersion;
import dev.omnigraph.domain.graph.ManifestEntry.TableRegistration;
import dev.omnigraph.domain.graph.ManifestEntry.TableTombstone;
import dev.omnigraph.domain.graph.TableIdentity;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.ports.out.JsonDecoder;
import dev.omnigraph.ports.out.MalformedJsonException;
import dev.omnigraph.ports.out.table.ColumnSpec;
import dev.omnigraph.ports.out.table.ColumnType;
import dev.omnigraph.ports.out.table.ColumnVector;
import dev.omnigraph.ports.out.table.ColumnarBatch;
import dev.omnigraph.ports.out.table.RowBatchBuilder;
import dev.omnigraph.ports.out.table.ScanCursor;
import dev.omnigraph.ports.out.table.ScanRequest;
import dev.omnigraph.ports.out.table.TableFilter;
import dev.omnigraph.ports.out.table.TableRef;
import dev.omnigraph.ports.out.table.TableSchema;
import dev.omnigraph.ports.out.table.TableStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code __manifest} table: its physical schema (the reference's {@code manifest_schema}, stamped
 * with internal schema version {@value #INTERNAL_SCHEMA_VERSION}) and the coding of
 * {@link ManifestEntry} rows. The primary key {@code object_id} is what turns two concurrent
 * publications on one branch into a conflict: both rewrite that branch's {@code graph_head} row.
 */
final class ManifestTable {

    static final String INTERNAL_SCHEMA_VERSION_KEY = "omnigraph:internal_schema_version";
    static final String INTERNAL_SCHEMA_VERSION = "6";

    static final TableSchema SCHEMA = buildSchema();

    private final TableStorage storage;
    private final JsonDecoder json;

    /** Rows of exact manifest versions, most recently used last; bounded. */
    private static final int CACHED_VERSIONS = 64;
    private final java.util.LinkedHashMap<String, List<ManifestEntry>> versionRows =
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, List<ManifestEntry>> eldest) {
                    return size() > CACHED_VERSIONS;
                }
            };

    ManifestTable(TableStorage storage, JsonDecoder json) {
        this.storage = storage;
        this.json = json;
    }

    private static TableSchema buildSchema() {
        return new TableSchema(List.of(
                ColumnSpec.required("object_id", ColumnType.UTF8),
                ColumnSpec.required("object_type", ColumnType.UTF8),
                ColumnSpec.nullable("location", ColumnType.UTF8),
                ColumnSpec.nullable("metadata", ColumnType.UTF8),
                ColumnSpec.nullable("base_objects", new ColumnType.ListOf(ColumnType.Scalar.UTF8)),
                ColumnSpec.required("table_key", ColumnType.UTF8),
                ColumnSpec.nullable("stable_table_id", ColumnType.UINT64),
                ColumnSpec.nullable("table_incarnation_id", ColumnType.UINT64),
                ColumnSpec.nullable("table_version", ColumnType.UINT64),
                ColumnSpec.nullable("table_branch", ColumnType.UTF8),
                ColumnSpec.nullable("row_count", ColumnType.UINT64)),
                Optional.of("object_id"),
                Map.of(INTERNAL_SCHEMA_VERSION_KEY, INTERNAL_SCHEMA_VERSION));
    }

    /** The rows of a batch for these entries. */
    ColumnarBatch encode(List<ManifestEntry> entries) {
        RowBatchBuilder rows = new RowBatchBuilder(SCHEMA);
        for (ManifestEntry entry : entries) {
            if (entry instanceof TableRegistration registration) {
                TableIdentity id = registration.identity();
                rows.addRow(entry.objectId(), entry.objectType(), registration.location(), null, null,
                        registration.tableKey(), id.stableTableId(), id.incarnationId(), null, null, null);
            } else if (entry instanceof PublishedTableVersion version) {
                TableIdentity id = version.identity();
                rows.addRow(entry.objectId(), entry.objectType(), null, null, null, version.tableKey(),
                        id.stableTableId(), id.incarnationId(), version.version(), version.tableBranch().orElse(null),
                        version.rowCount());
            } else if (entry instanceof TableTombstone tombstone) {
                TableIdentity id = tombstone.identity();
                rows.addRow(entry.objectId(), entry.objectType(), null, null, null, tombstone.tableKey(),
                        id.stableTableId(), id.incarnationId(), tombstone.version(), null, null);
            } else if (entry instanceof CommitRecord record) {
                GraphCommit commit = record.commit();
                JsonObject.Builder metadata = JsonObject.builder();
                commit.parentId().ifPresent(p -> metadata.put("parent_commit_id", p));
                commit.mergedParentId().ifPresent(p -> metadata.put("merged_parent_commit_id", p));
                commit.actorId().ifPresent(a -> metadata.put("actor_id", a));
                metadata.put("created_at", commit.createdAtMicros());
                rows.addRow(entry.objectId(), entry.objectType(), null, JsonWriter.compact(metadata.build()), null, "",
                        null, null, commit.manifestVersion(), commit.branch(), null);
            } else if (entry instanceof BranchHead head) {
                JsonObject.Builder metadata = JsonObject.builder().put("head_commit_id", head.headCommitId());
                head.parentCommitId().ifPresent(p -> metadata.put("parent_commit_id", p));
                rows.addRow(entry.objectId(), entry.objectType(), null, JsonWriter.compact(metadata.build()), null, "",
                        null, null, null, head.branch(), null);
            }
        }
        return rows.build();
    }

    /** Every entry visible at a manifest version. */
    List<ManifestEntry> read(TableRef ref) {
        if (ref.version().isEmpty()) {
            return read(ref, TableFilter.ALL);
        }
        // A manifest version never changes, so its rows are read once: every request opening a graph
        // otherwise rescans the whole manifest (it dominated served reads).
        String key = ref.location() + '\u0000' + ref.branch() + '\u0000' + ref.version().getAsLong();
        synchronized (versionRows) {
            List<ManifestEntry> cached = versionRows.get(key);
            if (cached != null) {
                return cached;
            }
        }
        List<ManifestEntry> rows = List.copyOf(read(ref, TableFilter.ALL));
        synchronized (versionRows) {
            versionRows.put(key, rows);
        }
        return rows;
    }

    /** Forgets the cached versions of a manifest whose history was reclaimed. */
    void forget(String location) {
        String prefix = location + '\u0000';
        synchronized (versionRows) {
            versionRows.keySet().removeIf(key -> key.startsWith(prefix));
        }
    }

    /** The entries visible at a manifest version that match a filter on the manifest's columns. */
    List<ManifestEntry> read(TableRef ref, TableFilter filter) {
        List<ManifestEntry> entries = new ArrayList<>();
        try (ScanCursor cursor = storage.scan(ref, ScanRequest.where(filter))) {
            while (cursor.hasNext()) {
                ColumnarBatch batch = cursor.next();
                for (int row = 0; row < batch.rowCount(); row++) {
                    entries.add(decode(batch, row));
                }
            }
        }
        return entries;
    }

    private ManifestEntry decode(ColumnarBatch batch, int row) {
        String objectId = batch.column("object_id").getString(row);
        String type = batch.column("object_type").getString(row);
        String tableKey = batch.column("table_key").getString(row);
        switch (type) {
            case "table" -> {
                return new TableRegistration(identity(batch, row), tableKey, batch.column("location").getString(row));
            }
            case "table_version" -> {
                return new PublishedTableVersion(identity(batch, row), tableKey, longAt(batch, "table_version", row),
                        Optional.ofNullable(batch.column("table_branch").getString(row)), longAt(batch, "row_count", row));
            }
            case "table_tombstone" -> {
                return new TableTombstone(identity(batch, row), tableKey, longAt(batch, "table_version", row));
            }
            case "graph_commit" -> {
                JsonObject metadata = metadata(batch, row, objectId);
                return new CommitRecord(new GraphCommit(objectId, batch.column("table_branch").getString(row),
                        longAt(batch, "table_version", row), optionalString(metadata, "parent_commit_id"),
                        optionalString(metadata, "merged_parent_commit_id"), optionalString(metadata, "actor_id"),
                        metadata.get("created_at").asNumber().longValueExact()));
            }
            case "graph_head" -> {
                JsonObject metadata = metadata(batch, row, objectId);
                return new BranchHead(batch.column("table_branch").getString(row),
                        metadata.get("head_commit_id").asString(), optionalString(metadata, "parent_commit_id"));
            }
            default -> throw new GraphEngineException(GraphErrorKind.SCHEMA_CONTRACT,
                    "unknown manifest row kind '" + type + "' (object " + objectId + "); written by a newer omnigraph?");
        }
    }

    private static TableIdentity identity(ColumnarBatch batch, int row) {
        return new TableIdentity(longAt(batch, "stable_table_id", row), longAt(batch, "table_incarnation_id", row));
    }

    private static long longAt(ColumnarBatch batch, String column, int row) {
        ColumnVector vector = batch.column(column);
        return vector.isNull(row) ? 0 : vector.getLong(row);
    }

    private JsonObject metadata(ColumnarBatch batch, int row, String objectId) {
        String text = batch.column("metadata").getString(row);
        try {
            return json.decode("manifest row " + objectId, text == null ? "{}" : text).asObject();
        } catch (MalformedJsonException e) {
            throw new GraphEngineException(GraphErrorKind.SCHEMA_CONTRACT, "damaged manifest row " + objectId + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> optionalString(JsonObject object, String key) {
        return object.find(key).filter(v -> !v.isNull()).map(JsonValue::asString);
    }
}
