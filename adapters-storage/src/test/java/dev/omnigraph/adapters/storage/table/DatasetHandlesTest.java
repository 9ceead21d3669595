package dev.omnigraph.adapters.storage.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.omnigraph.ports.out.table.ColumnarBatch;
import dev.omnigraph.ports.out.table.TableSchema;
import dev.omnigraph.ports.out.table.TableStorage;
import dev.omnigraph.ports.out.table.ColumnSpec;
import dev.omnigraph.ports.out.table.ColumnType;
import dev.omnigraph.ports.out.table.RowBatchBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lance.Dataset;
import org.lance.ReadOptions;

/**
 * The handle cache on real Lance datasets: concurrent leases of one version get handles of their own
 * (Lance serializes {@code take} per handle) up to the per-version limit, idle handles are reused, and
 * capacity counts handles, evicting whole least recently used versions.
 */
class DatasetHandlesTest {

    @TempDir
    Path root;

    private RootAllocator allocator;
    private String location;
    private final AtomicInteger opens = new AtomicInteger();

    @BeforeEach
    void createTable() throws Exception {
        allocator = new RootAllocator();
        location = root.resolve("people").toString();
        try (TableStorage storage = TableStorages.lance(LanceProperties.defaults())) {
            storage.create(location, Schemas.PEOPLE, Schemas.onePerson());
        }
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    private Supplier<Dataset> opener() {
        return () -> {
            opens.incrementAndGet();
            return Dataset.open(allocator, location, new ReadOptions.Builder().setIndexCacheSizeBytes(1 << 20).build());
        };
    }

    private DatasetHandles.Lease lease(DatasetHandles handles, long version) {
        return handles.lease(location, "main", version, opener(), dataset -> Schemas.PEOPLE);
    }

    @Test
    void busy_handles_are_not_shared_until_the_per_version_limit() {
        try (DatasetHandles handles = new DatasetHandles(16, 2)) {
            DatasetHandles.Lease first = lease(handles, 1);
            DatasetHandles.Lease second = lease(handles, 1);
            assertNotSame(first.dataset(), second.dataset());
            DatasetHandles.Lease third = lease(handles, 1); // both busy, limit reached: shares one
            assertEquals(2, opens.get());
            assertSame(third.dataset(), first.dataset());
            List.of(first, second, third).forEach(DatasetHandles.Lease::close);

            try (DatasetHandles.Lease again = lease(handles, 1)) {
                assertEquals(2, opens.get(), "an idle handle is reused");
            }
        }
    }

    @Test
    void an_idle_handle_is_reused_rather_than_opening_another() {
        try (DatasetHandles handles = new DatasetHandles(16, 4)) {
            for (int i = 0; i < 5; i++) {
                try (DatasetHandles.Lease lease = lease(handles, 1)) {
                    assertEquals(1, lease.rowCount());
                }
            }
            assertEquals(1, opens.get());
        }
    }

    @Test
    void capacity_counts_handles_and_evicts_whole_versions_but_keeps_leased_handles_open() {
        try (DatasetHandles handles = new DatasetHandles(2, 2)) {
            List<DatasetHandles.Lease> held = new ArrayList<>();
            held.add(lease(handles, 1));
            held.add(lease(handles, 1)); // version 1 now has 2 handles: capacity reached
            DatasetHandles.Lease other = lease(handles, 1 /* same version: shares, no eviction */);
            assertEquals(2, opens.get());
            other.close();
            held.forEach(DatasetHandles.Lease::close);
            try (DatasetHandles.Lease stillOpen = lease(handles, 1)) {
                assertEquals(1, stillOpen.rowCount());
                assertEquals(2, opens.get());
            }
        }
    }

    /** A one-row keyed table; the handle cache only needs something to open. */
    private static final class Schemas {
        static final TableSchema PEOPLE = TableSchema.keyedOnId(List.of(
                ColumnSpec.required("id", ColumnType.UTF8), ColumnSpec.nullable("name", ColumnType.UTF8)), Map.of());

        static ColumnarBatch onePerson() {
            return new RowBatchBuilder(PEOPLE).addRow("p1", "Ada").build();
        }
    }
}
