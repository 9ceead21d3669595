package dev.omnigraph.ports.out.table;

import dev.omnigraph.ports.out.Racers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omnigraph.ports.out.table.TableFilter.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite every {@link TableStorage} adapter must pass. Graph data, the graph manifest and
 * with it every published commit live in these tables, so the promises of the port are the promises of
 * the database: a strict create that never clobbers, reads at an exact version that later writes cannot
 * disturb, writes that are all-or-nothing, and concurrent writers that never lose each other's commits
 * silently (the manifest's row-level compare-and-swap rests on that). A filter that renders a value
 * into the predicate's structure, or compares a date as a string, returns wrong rows without failing, so
 * every filter kind is checked against the rows it must select, with values chosen to break naive
 * quoting. Every assertion reads back what storage holds, not just what a call returned.
 *
 * <p>Backend differences the contract allows are declared through {@link TableStorage#capabilities()}
 * (branches, cleanup); the suite checks each promise only where the backend makes it. Races run real
 * threads on two independent instances over the same tables, so a guarantee that holds only because of
 * locks inside one instance is not mistaken for one that holds between processes.
 */
public abstract class TableStorageContract {

    private static final int RACERS = 8;

    protected TableStorage storage;

    /** A fresh storage instance; each test gets its own. */
    protected abstract TableStorage newStorage() throws Exception;

    /** A location where no table exists yet, unique within the test (the name makes it readable). */
    protected abstract String newLocation(String name) throws Exception;

    /** Releases one storage instance; the default closes it. */
    protected void release(TableStorage instance) throws Exception {
        instance.close();
    }

    @BeforeEach
    final void createStorage() throws Exception {
        storage = newStorage();
    }

    @AfterEach
    final void releaseStorage() throws Exception {
        release(storage);
    }

    // ---- fixtures -------------------------------------------------------------------------------

    protected static final TableSchema PEOPLE = TableSchema.keyedOnId(List.of(
            ColumnSpec.required("id", ColumnType.UTF8).withMetadata(Map.of("omnigraph.stable_property_id", "1")),
            ColumnSpec.nullable("name", ColumnType.UTF8).withMetadata(Map.of("omnigraph.stable_property_id", "2")),
            ColumnSpec.nullable("age", ColumnType.INT64)),
            Map.of("omnigraph:internal_schema_version", "6"));

    protected static final TableSchema ALL_TYPES = TableSchema.keyedOnId(List.of(
            ColumnSpec.required("id", ColumnType.UTF8),
            ColumnSpec.nullable("s", ColumnType.UTF8),
            ColumnSpec.nullable("b", ColumnType.BOOL),
            ColumnSpec.nullable("i32", ColumnType.INT32),
            ColumnSpec.nullable("i64", ColumnType.INT64),
            ColumnSpec.nullable("u32", ColumnType.UINT32),
            ColumnSpec.nullable("u64", ColumnType.UINT64),
            ColumnSpec.nullable("f32", ColumnType.FLOAT32),
            ColumnSpec.nullable("f64", ColumnType.FLOAT64),
            ColumnSpec.nullable("d", ColumnType.DATE),
            ColumnSpec.nullable("dt", ColumnType.DATETIME),
            ColumnSpec.nullable("v", new ColumnType.Vector(3)),
            ColumnSpec.nullable("tags", new ColumnType.ListOf(ColumnType.Scalar.UTF8)),
            ColumnSpec.nullable("nums", new ColumnType.ListOf(ColumnType.Scalar.INT64))),
            Map.of());

    /** 2024-01-01 as days since the epoch. */
    protected static final long JAN_1 = 19723;
    /** 2024-01-01T00:00:00Z in milliseconds. */
    protected static final long JAN_1_MS = JAN_1 * 86_400_000L;

    protected static ColumnarBatch rows(TableSchema schema, Object[]... rows) {
        RowBatchBuilder builder = new RowBatchBuilder(schema);
        for (Object[] row : rows) {
            builder.addRow(row);
        }
        return builder.build();
    }

    protected static Object[] person(String id, String name, Long age) {
        return new Object[] {id, name, age};
    }

    /** Six rows chosen to break naive quoting and to cover nulls in every column kind. */
    protected static ColumnarBatch allTypesRows() {
        return rows(ALL_TYPES,
                new Object[] {"r0", "it's", true, Integer.MIN_VALUE, Long.MIN_VALUE, 0L, 0L, 0.5f, -1.5,
                        JAN_1 - 20000, JAN_1_MS - 1, new float[] {1f, 2f, 3f}, List.of("red", "blue"), List.of(1L, 2L)},
                new Object[] {"r1", "50%_off", false, -1, -1L, 1L, 1L, 1.25f, 0.0,
                        JAN_1, JAN_1_MS, new float[] {0f, 0f, 0f}, List.of(), List.of(10L)},
                new Object[] {"r2", "back\\slash", true, 0, 0L, 4_000_000_000L, Long.MAX_VALUE, -2.5f, 2.5,
                        JAN_1 + 1, JAN_1_MS + 3_600_000L, new float[] {-1f, 0.5f, 9f}, Arrays.asList("a", null, "c"),
                        Arrays.asList(null, 3L)},
                new Object[] {"r3", "say \"hi\"", false, 7, 7L, 0xFFFF_FFFFL, -1L, 100f, 1e300,
                        JAN_1 + 2, JAN_1_MS + 86_400_000L, new float[] {3f, 2f, 1f}, List.of("red"), List.of()},
                new Object[] {"r4", "under_score", null, Integer.MAX_VALUE, Long.MAX_VALUE, 5L, Long.MIN_VALUE, 3f, -0.25,
                        JAN_1 + 400, JAN_1_MS + 86_400_000L * 2, null, null, null},
                new Object[] {"r5", null, null, null, null, null, null, null, null, null, null, null, null, null});
    }

    private WriteOutcome createPeople(String location) {
        return storage.create(location, PEOPLE, rows(PEOPLE,
                person("p1", "Ada", 36L), person("p2", "Brian", 41L), person("p3", null, null)));
    }

    private String allTypesTable() throws Exception {
        String location = newLocation("all-types");
        storage.create(location, ALL_TYPES, allTypesRows());
        return location;
    }

    /** Every row of a state, each as column name → value copied out of the batch (vectors as lists). */
    protected static List<Map<String, Object>> readAll(TableStorage from, TableRef ref, ScanRequest request) {
        List<Map<String, Object>> result = new ArrayList<>();
        try (ScanCursor cursor = from.scan(ref, request)) {
            while (cursor.hasNext()) {
                ColumnarBatch batch = cursor.next();
                for (int row = 0; row < batch.rowCount(); row++) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (ColumnVector column : batch.columns()) {
                        values.put(column.spec().name(), comparable(column.get(row)));
                    }
                    result.add(values);
                }
            }
        }
        result.sort(Comparator.comparing(r -> String.valueOf(r.get("id"))));
        return result;
    }

    private List<Map<String, Object>> readAll(TableRef ref) {
        return readAll(storage, ref, ScanRequest.everything());
    }

    private static Object comparable(Object value) {
        if (value instanceof float[] floats) {
            List<Float> boxed = new ArrayList<>();
            for (float f : floats) {
                boxed.add(f);
            }
            return boxed;
        }
        return value;
    }

    /** The ids of the rows matching a filter, sorted. */
    private List<String> ids(TableRef ref, TableFilter filter) {
        List<String> ids = new ArrayList<>();
        try (ScanCursor cursor = storage.scan(ref, ScanRequest.where(filter).project(List.of("id")))) {
            while (cursor.hasNext()) {
                ColumnarBatch batch = cursor.next();
                ColumnVector id = batch.column("id");
                for (int row = 0; row < batch.rowCount(); row++) {
                    ids.add(id.getString(row));
                }
            }
        }
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    private List<String> ids(String location) {
        return ids(TableRef.mainLatest(location), TableFilter.ALL);
    }

    private static TableFilter cmp(String column, Operator operator, Object value) {
        return new TableFilter.Compare(column, operator, value);
    }

    private static List<String> list(String... values) {
        return List.of(values);
    }

    // ---- create ---------------------------------------------------------------------------------

    @Test
    void create_commits_version_1_holding_the_rows() throws Exception {
        String location = newLocation("people");
        assertFalse(storage.exists(location));
        WriteOutcome outcome = createPeople(location);
        assertEquals(1, outcome.version());
        assertEquals(3, outcome.inserted());
        assertTrue(storage.exists(location));
        assertEquals(1, storage.latestVersion(location, TableRef.MAIN));
        List<Map<String, Object>> stored = readAll(TableRef.mainLatest(location));
        assertEquals(3, stored.size());
        assertEquals(Map.of("id", "p1", "name", "Ada", "age", 36L), stored.get(0));
        assertEquals("Brian", stored.get(1).get("name"));
        assertEquals(null, stored.get(2).get("name"));
        assertEquals(null, stored.get(2).get("age"));
    }

    @Test
    void a_second_create_at_the_same_location_is_refused_and_writes_nothing() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        assertThrows(TableAlreadyExistsException.class,
                () -> storage.create(location, PEOPLE, rows(PEOPLE, person("x", "intruder", 1L))));
        assertEquals(1, storage.latestVersion(location, TableRef.MAIN));
        assertEquals(list("p1", "p2", "p3"), ids(location));
    }

    @Test
    void an_empty_create_gives_an_empty_version_1_with_the_schema() throws Exception {
        String location = newLocation("empty");
        WriteOutcome outcome = storage.create(location, PEOPLE, RowBatchBuilder.empty(PEOPLE));
        assertEquals(1, outcome.version());
        assertEquals(0, storage.count(TableRef.mainLatest(location), TableFilter.ALL));
        assertEquals(PEOPLE, storage.schema(TableRef.mainLatest(location)));
        assertEquals(List.of(), readAll(TableRef.mainLatest(location)));
    }

    @Test
    void the_schema_round_trips_with_nullability_primary_key_and_column_and_table_metadata() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        TableSchema stored = storage.schema(TableRef.mainLatest(location));
        assertEquals(PEOPLE, stored);
        assertEquals(Optional.of("id"), stored.primaryKey());
        assertEquals(Map.of("omnigraph.stable_property_id", "1"), stored.columns().get(0).metadata());
        assertFalse(stored.columns().get(0).nullable());
        assertEquals(Map.of("omnigraph:internal_schema_version", "6"), stored.metadata());

        String typed = allTypesTable();
        assertEquals(ALL_TYPES, storage.schema(TableRef.mainLatest(typed)));
    }

    @Test
    void a_primary_key_other_than_id_and_a_table_without_key_round_trip() throws Exception {
        TableSchema manifest = new TableSchema(List.of(
                ColumnSpec.required("object_id", ColumnType.UTF8),
                ColumnSpec.nullable("table_version", ColumnType.UINT64)), Optional.of("object_id"), Map.of());
        String keyed = newLocation("manifest");
        storage.create(keyed, manifest, rows(manifest, new Object[] {"graph_head:main", 1L}));
        assertEquals(manifest, storage.schema(TableRef.mainLatest(keyed)));

        TableSchema unkeyed = new TableSchema(List.of(ColumnSpec.nullable("note", ColumnType.UTF8)), Optional.empty(), Map.of());
        String plain = newLocation("plain");
        storage.create(plain, unkeyed, rows(unkeyed, new Object[] {"a"}, new Object[] {"a"}));
        assertEquals(unkeyed, storage.schema(TableRef.mainLatest(plain)));
        assertEquals(2, storage.count(TableRef.mainLatest(plain), TableFilter.ALL));
        assertThrows(InvalidTableRequestException.class,
                () -> storage.upsert(WriteTarget.unconditional(plain, TableRef.MAIN), rows(unkeyed, new Object[] {"b"})));
    }

    @Test
    void every_column_type_round_trips_including_nulls_and_extreme_values() throws Exception {
        String location = allTypesTable();
        List<Map<String, Object>> stored = readAll(TableRef.mainLatest(location));
        ColumnarBatch expected = allTypesRows();
        assertEquals(expected.rowCount(), stored.size());
        for (int row = 0; row < expected.rowCount(); row++) {
            for (ColumnVector column : expected.columns()) {
                assertEquals(comparable(column.get(row)), stored.get(row).get(column.spec().name()),
                        "row " + row + " column " + column.spec().name());
            }
        }
    }

    @Test
    void typed_accessors_read_every_type_without_boxing_surprises() throws Exception {
        String location = allTypesTable();
        try (ScanCursor cursor = storage.scan(TableRef.mainLatest(location), ScanRequest.where(TableFilter.eq("id", "r3")))) {
            assertTrue(cursor.hasNext());
            ColumnarBatch batch = cursor.next();
            assertEquals(1, batch.rowCount());
            assertEquals(ALL_TYPES, batch.schema());
            assertEquals("say \"hi\"", batch.column("s").getString(0));
            assertFalse(batch.column("b").getBoolean(0));
            assertEquals(7, batch.column("i32").getLong(0));
            assertEquals(0xFFFF_FFFFL, batch.column("u32").getLong(0));
            assertEquals(-1L, batch.column("u64").getLong(0), "UINT64 max reads as two's complement");
            assertEquals(100.0, batch.column("f32").getDouble(0));
            assertEquals(1e300, batch.column("f64").getDouble(0));
            assertEquals(JAN_1 + 2, batch.column("d").getLong(0));
            assertEquals(JAN_1_MS + 86_400_000L, batch.column("dt").getLong(0));
            float[] vector = batch.column("v").getVector(0);
            assertTrue(Arrays.equals(new float[] {3f, 2f, 1f}, vector));
            vector[0] = 42f;
            assertTrue(Arrays.equals(new float[] {3f, 2f, 1f}, batch.column("v").getVector(0)), "getVector returns a copy");
            assertEquals(List.of("red"), batch.column("tags").get(0));
            assertEquals(1, batch.column(1).size());
            assertFalse(cursor.hasNext());
        }
    }

    // ---- scans ----------------------------------------------------------------------------------

    @Test
    void a_scan_projects_the_requested_columns_in_the_requested_order() throws Exception {
        String location = allTypesTable();
        try (ScanCursor cursor = storage.scan(TableRef.mainLatest(location),
                ScanRequest.where(TableFilter.eq("id", "r1")).project(List.of("dt", "id", "tags")))) {
            ColumnarBatch batch = cursor.next();
            assertEquals(List.of("dt", "id", "tags"), batch.schema().columnNames());
            assertEquals(3, batch.columns().size());
            assertEquals(JAN_1_MS, batch.column(0).getLong(0));
            assertEquals("r1", batch.column(1).getString(0));
            assertEquals(List.of(), batch.column(2).get(0));
            assertThrows(IllegalArgumentException.class, () -> batch.column("s"));
        }
        assertThrows(InvalidTableRequestException.class, () -> storage.scan(TableRef.mainLatest(location),
                ScanRequest.everything().project(List.of("id", "no_such_column"))).close());
    }

    @Test
    void a_scan_honours_its_limit() throws Exception {
        String location = allTypesTable();
        assertEquals(2, readAll(storage, TableRef.mainLatest(location), ScanRequest.everything().limitedTo(2)).size());
        assertEquals(6, readAll(storage, TableRef.mainLatest(location), ScanRequest.everything().limitedTo(100)).size());
        assertEquals(1, readAll(storage, TableRef.mainLatest(location),
                ScanRequest.where(new TableFilter.IsNull("s", true)).limitedTo(1)).size());
    }

    @Test
    void a_cursor_reports_exhaustion_and_many_rows_arrive_complete() throws Exception {
        String location = newLocation("many");
        RowBatchBuilder builder = new RowBatchBuilder(PEOPLE);
        for (int i = 0; i < 25_000; i++) {
            builder.addRow(String.format("p%05d", i), "name " + i, (long) i);
        }
        storage.create(location, PEOPLE, builder.build());
        long sum = 0;
        int rows = 0;
        Set<String> seen = new HashSet<>();
        try (ScanCursor cursor = storage.scan(TableRef.mainLatest(location), ScanRequest.everything())) {
            while (cursor.hasNext()) {
                assertTrue(cursor.hasNext(), "hasNext is idempotent");
                ColumnarBatch batch = cursor.next();
                for (int row = 0; row < batch.rowCount(); row++) {
                    sum += batch.column("age").getLong(row);
                    seen.add(batch.column("id").getString(row));
                    rows++;
                }
            }
            assertThrows(NoSuchElementException.class, cursor::next);
        }
        assertEquals(25_000, rows);
        assertEquals(25_000, seen.size());
        assertEquals(25_000L * 24_999 / 2, sum);
    }

    @Test
    void comparisons_on_numbers_select_exactly_the_matching_rows() throws Exception {
        String location = allTypesTable();
        TableRef ref = TableRef.mainLatest(location);
        assertEquals(list("r3"), ids(ref, cmp("i64", Operator.EQ, 7L)));
        assertEquals(list("r0", "r1", "r2", "r4"), ids(ref, cmp("i64", Operator.NE, 7L)), "NE never matches a null");
        assertEquals(list("r0", "r1"), ids(ref, cmp("i64", Operator.LT, 0L)));
        assertEquals(list("r0", "r1", "r2"), ids(ref, cmp("i64", Operator.LE, 0L)));
        assertEquals(list("r3", "r4"), ids(ref, cmp("i64", Operator.GT, 0)));
        assertEquals(list("r4"), ids(ref, cmp("i64", Operator.GE, Long.MAX_VALUE)));
        assertEquals(list("r0"), ids(ref, cmp("i64", Operator.EQ, Long.MIN_VALUE)));
        assertEquals(list("r0"), ids(ref, cmp("i32", Operator.LE, Integer.MIN_VALUE)));
        assertEquals(list("r2", "r3"), ids(ref, cmp("u32", Operator.GT, 5L)), "UINT32 compares unsigned");
        assertEquals(list("r3"), ids(ref, cmp("u64", Operator.EQ, -1L)), "UINT64 max given as two's complement");
        assertEquals(list("r2", "r3", "r4"), ids(ref, cmp("u64", Operator.GT, 1L)), "UINT64 compares unsigned");
        assertEquals(list("r1", "r3", "r4"), ids(ref, cmp("f32", Operator.GT, 1.0)));
        assertEquals(list("r1"), ids(ref, cmp("f32", Operator.EQ, 1.25)));
        assertEquals(list("r0", "r4"), ids(ref, cmp("f64", Operator.LT, 0)));
        assertEquals(list("r3"), ids(ref, cmp("f64", Operator.GT, 1e299)));
        assertEquals(list("r0", "r2"), ids(ref, cmp("b", Operator.EQ, true)));
        assertEquals(list("r1", "r3"), ids(ref, cmp("b", Operator.NE, true)));
    }

    @Test
    void comparisons_on_strings_are_exact_whatever_the_characters() throws Exception {
        String location = allTypesTable();
        TableRef ref = TableRef.mainLatest(location);
        assertEquals(list("r0"), ids(ref, TableFilter.eq("s", "it's")));
        assertEquals(list("r2"), ids(ref, TableFilter.eq("s", "back\\slash")));
        assertEquals(list("r3"), ids(ref, TableFilter.eq("s", "say \"hi\"")));
        assertEquals(list("r1"), ids(ref, TableFilter.eq("s", "50%_off")));
        assertEquals(list(), ids(ref, TableFilter.eq("s", "50%")));
        assertEquals(list(), ids(ref, TableFilter.eq("s", "x' OR '1'='1")));
        assertEquals(list(), ids(ref, TableFilter.eq("s", "x') OR TRUE OR ('")));
        assertEquals(list("r1", "r2"), ids(ref, cmp("s", Operator.LT, "c")));
        assertEquals(list("r0", "r3", "r4"), ids(ref, cmp("s", Operator.GE, "c")));
    }

    @Test
    void comparisons_on_dates_and_datetimes_compare_as_time_not_text() throws Exception {
        String location = allTypesTable();
        TableRef ref = TableRef.mainLatest(location);
        assertEquals(list("r1"), ids(ref, TableFilter.eq("d", JAN_1)));
        assertEquals(list("r0"), ids(ref, cmp("d", Operator.LT, 0L)), "dates before 1970");
        assertEquals(list("r2", "r3", "r4"), ids(ref, cmp("d", Operator.GT, JAN_1)));
        assertEquals(list("r0", "r1", "r2"), ids(ref, cmp("d", Operator.LE, JAN_1 + 1)));
        assertEquals(list("r4"), ids(ref, cmp("d", Operator.GE, JAN_1 + 100)), "a later year, where text order would differ");
        assertEquals(list("r1"), ids(ref, TableFilter.eq("dt", JAN_1_MS)));
        assertEquals(list("r0"), ids(ref, cmp("dt", Operator.LT, JAN_1_MS)), "one millisecond earlier");
        assertEquals(list("r2", "r3", "r4"), ids(ref, cmp("dt", Operator.GT, JAN_1_MS)));
        assertEquals(list("r2"), ids(ref, TableFilter.eq("dt", JAN_1_MS + 3_600_000L)), "time of day counts");
        assertEquals(list("r0", "r1", "r2", "r4"), ids(ref, cmp("dt", Operator.NE, JAN_1_MS + 86_400_000L)));
    }

    @Test
    void null_tests_match_nulls_only() throws Exception {
        String location = allTypesTable();
        TableRef ref = TableRef.mainLatest(location);
        assertEquals(list("r5"), ids(ref, new TableFilter.IsNull("s", false)));
        assertEquals(list("r4", "r5"), ids(ref, new TableFilter.IsNull("b", false)));
        assertEquals(list("r4", "r5"), ids(ref, new TableFilter.IsNull("v", false)));
        assertEquals(list("r4", "r5"), ids(ref, new TableFilter.IsNull("tags", false)));
        assertEquals(list("r0", "r1", "r2", "r3", "r4"), ids(ref, new TableFilter.IsNull("dt", true)));
    }

    @Test
    void in_lists_match_any_of_their_values() throws Exception {
        String location = allTypesTable();
        TableRef ref = TableRef.mainLatest(location);
        assertEquals(list("r0", "r3"), ids(ref, new TableFilter.In("s", List.of("it's", "say \"hi\"", "absent"))));
        assertEquals(list("r1", "r3"), ids(ref, new TableFilter.In("i64", List.of(-1L, 7L))));
        assertEquals(list("r1", "r2"), ids(ref, new TableFilter.In("d", List.of(JAN_1, JAN_1 + 1))));
        assertEquals(list(), ids(ref, new TableFilter.In("s", List.of())));
        assertEquals(list("r0", "r1", "r2", "r3", "r4", "r5"),
                ids(ref, new TableFilter.Not(new TableFilter.In("s", List.of()))), "NOT of an empty IN matches all");
    }

    @Test
    void starts_with_and_contains_treat_wildcards_and_quotes_literally() throws Exception {
        String location = allTypesTable();
        TableRef ref = TableRef.mainLatest(location);
        assertEquals(list("r1"), ids(ref, new TableFilter.StartsWith("s", "50%")));
        assertEquals(list(), ids(ref, new TableFilter.StartsWith("s", "5_%")));
        assertEquals(list("r0"), ids(ref, new TableFilter.StartsWith("s", "it'")));
        assertEquals(list("r2"), ids(ref, new TableFilter.StartsWith("s", "back\\")));
        assertEquals(list("r0", "r1", "r2", "r3", "r4"), ids(ref, new TableFilter.StartsWith("s", "")));
        assertEquals(list("r1"), ids(ref, new TableFilter.Contains("s", "%_")));
        assertEquals(list("r1", "r4"), ids(ref, new TableFilter.Contains("s", "_")));
        assertEquals(list("r1"), ids(ref, new TableFilter.Contains("s", "%")));
        assertEquals(list("r0"), ids(ref, new TableFilter.Contains("s", "'")));
        assertEquals(list("r3"), ids(ref, new TableFilter.Contains("s", "\"hi\"")));
        assertEquals(list("r2"), ids(ref, new TableFilter.Contains("s", "\\s")));
        assertEquals(list(), ids(ref, new TableFilter.Contains("s", "IT'S")), "case-sensitive");
    }

    @Test
    void list_contains_matches_an_element() throws Exception {
        String location = allTypesTable();
        TableRef ref = TableRef.mainLatest(location);
        assertEquals(list("r0", "r3"), ids(ref, new TableFilter.ListContains("tags", "red")));
        assertEquals(list("r2"), ids(ref, new TableFilter.ListContains("tags", "c")));
        assertEquals(list(), ids(ref, new TableFilter.ListContains("tags", "re")));
        assertEquals(list("r1"), ids(ref, new TableFilter.ListContains("nums", 10L)));
        assertEquals(list("r2"), ids(ref, new TableFilter.ListContains("nums", 3L)));
    }

    @Test
    void and_or_not_combine_with_sql_null_semantics() throws Exception {
        String location = allTypesTable();
        TableRef ref = TableRef.mainLatest(location);
        assertEquals(list("r2"), ids(ref, TableFilter.and(cmp("b", Operator.EQ, true), cmp("i64", Operator.GE, 0L))));
        assertEquals(list("r1", "r5"), ids(ref, new TableFilter.Or(List.of(
                TableFilter.eq("s", "50%_off"), new TableFilter.IsNull("s", false)))));
        assertEquals(list("r0", "r1", "r2", "r3", "r4", "r5"), ids(ref, new TableFilter.And(List.of())));
        assertEquals(list(), ids(ref, new TableFilter.Or(List.of())));
        assertEquals(list("r1", "r3"), ids(ref, new TableFilter.Not(cmp("b", Operator.EQ, true))),
                "NOT of a comparison with a null is not true");
        assertEquals(list("r0", "r2", "r3"), ids(ref, new TableFilter.And(List.of(
                new TableFilter.Not(new TableFilter.IsNull("b", false)),
                new TableFilter.Or(List.of(cmp("i32", Operator.NE, -1), new TableFilter.ListContains("tags", "red")))))));
        assertEquals(list("r0", "r1", "r2", "r3", "r4", "r5"), ids(ref, TableFilter.ALL));
    }

    @Test
    void a_filter_that_does_not_fit_the_table_is_refused() throws Exception {
        String location = allTypesTable();
        TableRef ref = TableRef.mainLatest(location);
        assertThrows(InvalidTableRequestException.class, () -> storage.count(ref, TableFilter.eq("nope", 1L)));
        assertThrows(InvalidTableRequestException.class, () -> storage.count(ref, TableFilter.eq("i64", "seven")));
        assertThrows(InvalidTableRequestException.class, () -> storage.count(ref, TableFilter.eq("s", 7L)));
        assertThrows(InvalidTableRequestException.class, () -> storage.count(ref, new TableFilter.StartsWith("i64", "1")));
        assertThrows(InvalidTableRequestException.class, () -> storage.count(ref, new TableFilter.ListContains("s", "a")));
        assertThrows(InvalidTableRequestException.class, () -> storage.count(ref, TableFilter.eq("v", 1.0)));
    }

    @Test
    void count_counts_the_matching_rows_of_a_version() throws Exception {
        String location = allTypesTable();
        TableRef ref = TableRef.mainLatest(location);
        assertEquals(6, storage.count(ref, TableFilter.ALL));
        assertEquals(2, storage.count(ref, new TableFilter.ListContains("tags", "red")));
        assertEquals(0, storage.count(ref, TableFilter.eq("s", "absent")));
    }

    // ---- writes ---------------------------------------------------------------------------------

    @Test
    void append_adds_rows_as_a_new_version() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        WriteOutcome outcome = storage.append(WriteTarget.unconditional(location, TableRef.MAIN),
                rows(PEOPLE, person("p4", "Dora", 7L), person("p5", null, 8L)));
        assertEquals(new WriteOutcome(2, 2, 0, 0), outcome);
        assertEquals(2, storage.latestVersion(location, TableRef.MAIN));
        assertEquals(list("p1", "p2", "p3", "p4", "p5"), ids(location));
    }

    @Test
    void empty_writes_commit_nothing() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        WriteTarget target = WriteTarget.unconditional(location, TableRef.MAIN);
        assertEquals(new WriteOutcome(1, 0, 0, 0), storage.append(target, RowBatchBuilder.empty(PEOPLE)));
        assertEquals(new WriteOutcome(1, 0, 0, 0), storage.upsert(target, RowBatchBuilder.empty(PEOPLE)));
        assertEquals(new WriteOutcome(1, 0, 0, 0), storage.insertNew(target, RowBatchBuilder.empty(PEOPLE)));
        assertEquals(1, storage.latestVersion(location, TableRef.MAIN));
    }

    @Test
    void a_batch_whose_columns_do_not_fit_the_table_is_refused_and_nothing_is_written() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        TableSchema other = TableSchema.keyedOnId(List.of(
                ColumnSpec.required("id", ColumnType.UTF8), ColumnSpec.nullable("age", ColumnType.UTF8)), Map.of());
        WriteTarget target = WriteTarget.unconditional(location, TableRef.MAIN);
        assertThrows(InvalidTableRequestException.class, () -> storage.append(target, rows(other, new Object[] {"x", "1"})));
        assertThrows(InvalidTableRequestException.class, () -> storage.upsert(target, rows(other, new Object[] {"x", "1"})));
        assertEquals(1, storage.latestVersion(location, TableRef.MAIN));
    }

    @Test
    void overwrite_replaces_the_content_and_can_change_the_schema() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        WriteOutcome outcome = storage.overwrite(WriteTarget.unconditional(location, TableRef.MAIN),
                rows(PEOPLE, person("q1", "Quinn", 1L)));
        assertEquals(2, outcome.version());
        assertEquals(list("q1"), ids(location));

        TableSchema widened = TableSchema.keyedOnId(List.of(
                ColumnSpec.required("id", ColumnType.UTF8).withMetadata(Map.of("omnigraph.stable_property_id", "1")),
                ColumnSpec.nullable("name", ColumnType.UTF8),
                ColumnSpec.nullable("age", ColumnType.INT64),
                ColumnSpec.nullable("born", ColumnType.DATE)),
                Map.of("omnigraph:internal_schema_version", "6", "note", "widened"));
        storage.overwrite(WriteTarget.unconditional(location, TableRef.MAIN),
                rows(widened, new Object[] {"w1", "Wes", 30L, JAN_1}));
        assertEquals(widened, storage.schema(TableRef.mainLatest(location)));
        assertEquals(List.of(Map.of("id", "w1", "name", "Wes", "age", 30L, "born", JAN_1)), readAll(TableRef.mainLatest(location)));
        assertEquals(PEOPLE, storage.schema(TableRef.at(location, TableRef.MAIN, 1)), "old versions keep their schema");

        storage.overwrite(WriteTarget.unconditional(location, TableRef.MAIN), RowBatchBuilder.empty(widened));
        assertEquals(0, storage.count(TableRef.mainLatest(location), TableFilter.ALL));
        assertEquals(4, storage.latestVersion(location, TableRef.MAIN));
    }

    @Test
    void upsert_inserts_new_keys_and_replaces_existing_rows_and_counts_each() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        WriteOutcome outcome = storage.upsert(WriteTarget.unconditional(location, TableRef.MAIN),
                rows(PEOPLE, person("p2", "Brian B.", null), person("p9", "Nina", 9L)));
        assertEquals(2, outcome.version());
        assertEquals(1, outcome.inserted());
        assertEquals(1, outcome.updated());
        assertEquals(0, outcome.deleted());
        List<Map<String, Object>> stored = readAll(TableRef.mainLatest(location));
        assertEquals(4, stored.size());
        Map<String, Object> brian = new LinkedHashMap<>();
        brian.put("id", "p2");
        brian.put("name", "Brian B.");
        brian.put("age", null);
        assertEquals(brian, stored.get(1), "an upsert replaces the whole row");
        assertEquals("Nina", stored.get(3).get("name"));
    }

    @Test
    void upsert_refuses_a_batch_that_repeats_a_key_and_writes_nothing() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        assertThrows(InvalidTableRequestException.class, () -> storage.upsert(WriteTarget.unconditional(location, TableRef.MAIN),
                rows(PEOPLE, person("p7", "a", 1L), person("p7", "b", 2L))));
        assertEquals(1, storage.latestVersion(location, TableRef.MAIN));
        assertEquals(list("p1", "p2", "p3"), ids(location));
    }

    @Test
    void insert_new_inserts_rows_with_new_keys() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        WriteOutcome outcome = storage.insertNew(WriteTarget.unconditional(location, TableRef.MAIN),
                rows(PEOPLE, person("p4", "Dora", 7L), person("p5", "Eve", 8L)));
        assertEquals(new WriteOutcome(2, 2, 0, 0), outcome);
        assertEquals(list("p1", "p2", "p3", "p4", "p5"), ids(location));
    }

    @Test
    void insert_new_refuses_existing_keys_names_them_and_writes_nothing() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        KeyConflictException thrown = assertThrows(KeyConflictException.class,
                () -> storage.insertNew(WriteTarget.unconditional(location, TableRef.MAIN),
                        rows(PEOPLE, person("p4", "new", 1L), person("p1", "dup", 2L), person("p3", "dup", 3L))));
        assertEquals(Set.of("p1", "p3"), new HashSet<>(thrown.keys()));
        assertTrue(thrown.getMessage().contains("p1") && thrown.getMessage().contains("p3"), thrown.getMessage());
        assertEquals(1, storage.latestVersion(location, TableRef.MAIN));
        assertEquals(list("p1", "p2", "p3"), ids(location));
        assertEquals("Ada", readAll(TableRef.mainLatest(location)).get(0).get("name"));
    }

    @Test
    void delete_where_removes_the_matching_rows_and_counts_them() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        WriteOutcome outcome = storage.deleteWhere(WriteTarget.unconditional(location, TableRef.MAIN),
                new TableFilter.Or(List.of(cmp("age", Operator.GT, 40L), new TableFilter.IsNull("age", false))));
        assertEquals(new WriteOutcome(2, 0, 0, 2), outcome);
        assertEquals(list("p1"), ids(location));
    }

    @Test
    void delete_where_matching_nothing_commits_nothing() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        WriteOutcome outcome = storage.deleteWhere(WriteTarget.unconditional(location, TableRef.MAIN), TableFilter.eq("id", "nobody"));
        assertEquals(new WriteOutcome(1, 0, 0, 0), outcome);
        assertEquals(1, storage.latestVersion(location, TableRef.MAIN));
        assertEquals(1, storage.versions(location, TableRef.MAIN).size());
    }

    @Test
    void delete_where_sees_rows_committed_by_another_instance() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        TableStorage other = newStorage();
        try {
            other.append(WriteTarget.unconditional(location, TableRef.MAIN), rows(PEOPLE, person("late", "Late", 1L)));
            WriteOutcome outcome = storage.deleteWhere(WriteTarget.unconditional(location, TableRef.MAIN), TableFilter.eq("id", "late"));
            assertEquals(1, outcome.deleted());
            assertEquals(list("p1", "p2", "p3"), ids(location));
        } finally {
            release(other);
        }
    }

    // ---- positions ------------------------------------------------------------------------------

    /** The ids of an unfiltered scan in the order the cursor returns them (storage order). */
    private List<String> idsInStorageOrder(TableRef ref) {
        List<String> ids = new ArrayList<>();
        try (ScanCursor cursor = storage.scan(ref, ScanRequest.everything().project(List.of("id")))) {
            while (cursor.hasNext()) {
                ColumnarBatch batch = cursor.next();
                for (int row = 0; row < batch.rowCount(); row++) {
                    ids.add(batch.column("id").getString(row));
                }
            }
        }
        return ids;
    }

    /** The rows a take returns, in the order returned, each as column name → value. */
    private List<Map<String, Object>> take(TableRef ref, long[] positions, List<String> columns) {
        List<Map<String, Object>> result = new ArrayList<>();
        try (ScanCursor cursor = storage.take(ref, positions, Optional.of(columns))) {
            while (cursor.hasNext()) {
                ColumnarBatch batch = cursor.next();
                for (int row = 0; row < batch.rowCount(); row++) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (ColumnVector column : batch.columns()) {
                        values.put(column.spec().name(), comparable(column.get(row)));
                    }
                    result.add(values);
                }
            }
        }
        return result;
    }

    @Test
    void take_reads_rows_by_storage_order_position_in_the_order_asked_with_repeats() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        storage.append(WriteTarget.unconditional(location, TableRef.MAIN), rows(PEOPLE, person("p4", "Dora", 7L)));
        TableRef v2 = TableRef.at(location, TableRef.MAIN, 2);
        List<String> order = idsInStorageOrder(v2);
        assertEquals(Set.of("p1", "p2", "p3", "p4"), new HashSet<>(order));
        List<Map<String, Object>> taken = take(v2, new long[] {3, 0, 3, 1}, List.of("id", "age"));
        assertEquals(List.of(order.get(3), order.get(0), order.get(3), order.get(1)),
                taken.stream().map(r -> r.get("id")).toList());
        assertEquals(List.of("id", "age"), List.copyOf(taken.get(0).keySet()));
        Map<String, Object> dora = taken.stream().filter(r -> "p4".equals(r.get("id"))).findFirst().orElseThrow();
        assertEquals(7L, dora.get("age"));
    }

    @Test
    void positions_count_live_rows_of_a_version_with_deletions_and_stay_valid_after_later_writes() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        WriteTarget target = WriteTarget.unconditional(location, TableRef.MAIN);
        storage.append(target, rows(PEOPLE, person("p4", "Dora", 7L), person("p5", "Eve", 9L)));
        storage.deleteWhere(target, new TableFilter.In("id", List.of("p2", "p4")));
        TableRef v3 = TableRef.at(location, TableRef.MAIN, 3);
        List<String> order = idsInStorageOrder(v3);
        assertEquals(3, order.size());
        long[] all = {0, 1, 2};
        assertEquals(order, take(v3, all, List.of("id")).stream().map(r -> r.get("id")).toList());
        storage.upsert(target, rows(PEOPLE, person("p1", "changed", 0L)));
        storage.overwrite(target, rows(PEOPLE, person("z", "only", 1L)));
        assertEquals(order, take(v3, all, List.of("id")).stream().map(r -> r.get("id")).toList());
    }

    @Test
    void take_of_no_positions_is_empty_and_bad_positions_or_columns_are_refused() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        TableRef v1 = TableRef.at(location, TableRef.MAIN, 1);
        assertEquals(List.of(), take(v1, new long[0], List.of("id")));
        assertThrows(InvalidTableRequestException.class, () -> take(v1, new long[] {-1}, List.of("id")));
        assertThrows(InvalidTableRequestException.class, () -> take(v1, new long[] {3}, List.of("id")));
        assertThrows(InvalidTableRequestException.class, () -> take(v1, new long[] {0}, List.of("nope")));
    }

    // ---- versions -------------------------------------------------------------------------------

    @Test
    void versions_are_listed_oldest_first_with_their_row_counts() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        storage.append(WriteTarget.unconditional(location, TableRef.MAIN), rows(PEOPLE, person("p4", "Dora", 7L)));
        storage.deleteWhere(WriteTarget.unconditional(location, TableRef.MAIN), TableFilter.eq("id", "p1"));
        List<TableVersionInfo> versions = storage.versions(location, TableRef.MAIN);
        assertEquals(List.of(1L, 2L, 3L), versions.stream().map(TableVersionInfo::version).toList());
        assertEquals(List.of(3L, 4L, 3L), versions.stream().map(TableVersionInfo::rowCount).toList());
        assertNotNull(versions.get(0).committedAt());
        assertFalse(versions.get(2).committedAt().isBefore(versions.get(0).committedAt()));
    }

    @Test
    void a_read_at_an_exact_version_is_unaffected_by_later_writes() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        TableRef v1 = TableRef.at(location, TableRef.MAIN, 1);
        List<Map<String, Object>> before = readAll(v1);
        WriteTarget target = WriteTarget.unconditional(location, TableRef.MAIN);
        storage.upsert(target, rows(PEOPLE, person("p1", "changed", 0L)));
        storage.deleteWhere(target, TableFilter.eq("id", "p2"));
        storage.append(target, rows(PEOPLE, person("p4", "Dora", 7L)));
        storage.overwrite(target, rows(PEOPLE, person("z", "only", 1L)));
        assertEquals(before, readAll(v1));
        assertEquals(3, storage.count(v1, TableFilter.ALL));
        assertEquals(list("p1", "p3", "p4"), ids(TableRef.at(location, TableRef.MAIN, 4), TableFilter.ALL));
        assertEquals(list("z"), ids(location));
    }

    @Test
    void a_cursor_open_on_a_version_keeps_reading_it_while_writers_commit() throws Exception {
        String location = newLocation("many");
        RowBatchBuilder builder = new RowBatchBuilder(PEOPLE);
        for (int i = 0; i < 20_000; i++) {
            builder.addRow("p" + i, "n", (long) i);
        }
        storage.create(location, PEOPLE, builder.build());
        int rows = 0;
        try (ScanCursor cursor = storage.scan(TableRef.mainLatest(location), ScanRequest.everything().project(List.of("id")))) {
            storage.overwrite(WriteTarget.unconditional(location, TableRef.MAIN), RowBatchBuilder.empty(PEOPLE));
            while (cursor.hasNext()) {
                rows += cursor.next().rowCount();
            }
        }
        assertEquals(20_000, rows);
        assertEquals(0, storage.count(TableRef.mainLatest(location), TableFilter.ALL));
    }

    @Test
    void a_version_never_written_is_reported_as_such() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        TableVersionNotFoundException thrown = assertThrows(TableVersionNotFoundException.class,
                () -> storage.count(TableRef.at(location, TableRef.MAIN, 99), TableFilter.ALL));
        assertEquals(99, thrown.version());
        assertThrows(TableVersionNotFoundException.class, () -> storage.schema(TableRef.at(location, TableRef.MAIN, 2)));
    }

    @Test
    void a_write_expecting_the_latest_version_succeeds() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        WriteOutcome outcome = storage.upsert(WriteTarget.expecting(location, TableRef.MAIN, 1), rows(PEOPLE, person("p1", "A", 1L)));
        assertEquals(2, outcome.version());
        assertEquals(3, storage.deleteWhere(WriteTarget.expecting(location, TableRef.MAIN, 2), TableFilter.eq("id", "p1")).version());
    }

    @Test
    void every_write_with_a_stale_expected_version_is_refused_and_writes_nothing() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        storage.append(WriteTarget.unconditional(location, TableRef.MAIN), rows(PEOPLE, person("p4", "Dora", 7L)));
        WriteTarget stale = WriteTarget.expecting(location, TableRef.MAIN, 1);
        ColumnarBatch batch = rows(PEOPLE, person("p1", "stale", 0L), person("s1", "stale", 0L));
        ColumnarBatch fresh = rows(PEOPLE, person("s2", "stale", 0L));
        assertThrows(CommitConflictException.class, () -> storage.append(stale, fresh));
        assertThrows(CommitConflictException.class, () -> storage.upsert(stale, batch));
        assertThrows(CommitConflictException.class, () -> storage.insertNew(stale, fresh));
        assertThrows(CommitConflictException.class, () -> storage.overwrite(stale, fresh));
        assertThrows(CommitConflictException.class, () -> storage.deleteWhere(stale, TableFilter.ALL));
        assertThrows(CommitConflictException.class, () -> storage.restore(stale, 1));
        assertThrows(CommitConflictException.class, () -> storage.compact(stale));
        assertThrows(CommitConflictException.class,
                () -> storage.upsert(WriteTarget.expecting(location, TableRef.MAIN, 7), fresh), "a future version is stale too");
        assertEquals(2, storage.latestVersion(location, TableRef.MAIN));
        assertEquals(list("p1", "p2", "p3", "p4"), ids(location));
        assertEquals("Ada", readAll(TableRef.mainLatest(location)).get(0).get("name"));
    }

    // ---- concurrency ----------------------------------------------------------------------------

    @Test
    void eight_writers_upserting_disjoint_keys_all_land() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        TableStorage other = newStorage();
        try {
            List<Integer> commits = race(racer -> () -> {
                TableStorage mine = racer % 2 == 0 ? storage : other;
                ColumnarBatch batch = rows(PEOPLE, person("w" + racer + "a", "writer " + racer, (long) racer),
                        person("w" + racer + "b", "writer " + racer, (long) racer));
                for (int attempt = 1; ; attempt++) {
                    try {
                        WriteOutcome outcome = mine.upsert(WriteTarget.unconditional(location, TableRef.MAIN), batch);
                        assertEquals(2, outcome.inserted());
                        return attempt;
                    } catch (CommitConflictException lost) {
                        // the port allows a disjoint writer to lose; the caller re-reads and tries again
                        if (attempt >= 20) {
                            throw lost;
                        }
                    }
                }
            });
            assertEquals(RACERS, commits.size());
            assertEquals(3 + 2 * RACERS, storage.count(TableRef.mainLatest(location), TableFilter.ALL));
            for (int racer = 0; racer < RACERS; racer++) {
                assertEquals(2, storage.count(TableRef.mainLatest(location), TableFilter.eq("name", "writer " + racer)));
            }
            assertEquals(1 + RACERS, storage.latestVersion(location, TableRef.MAIN), "one version per successful commit");
        } finally {
            release(other);
        }
    }

    @Test
    void of_two_writers_upserting_one_key_at_one_expected_version_exactly_one_wins() throws Exception {
        String location = newLocation("manifest");
        createPeople(location);
        TableStorage other = newStorage();
        try {
            for (int round = 0; round < 4; round++) {
                long expected = storage.latestVersion(location, TableRef.MAIN);
                int roundNumber = round;
                List<Boolean> outcomes = race(2, racer -> () -> {
                    TableStorage mine = racer == 0 ? storage : other;
                    try {
                        mine.upsert(WriteTarget.expecting(location, TableRef.MAIN, expected),
                                rows(PEOPLE, person("p1", "round " + roundNumber + " writer " + racer, (long) racer)));
                        return true;
                    } catch (CommitConflictException lost) {
                        return false;
                    }
                });
                List<Integer> winners = new ArrayList<>();
                for (int racer = 0; racer < outcomes.size(); racer++) {
                    if (outcomes.get(racer)) {
                        winners.add(racer);
                    }
                }
                assertEquals(1, winners.size(), "exactly one writer must win round " + round + ", got " + outcomes);
                assertEquals(expected + 1, storage.latestVersion(location, TableRef.MAIN));
                List<Map<String, Object>> stored = readAll(storage, TableRef.mainLatest(location),
                        ScanRequest.where(TableFilter.eq("id", "p1")));
                assertEquals(1, stored.size());
                assertEquals("round " + round + " writer " + winners.get(0), stored.get(0).get("name"));
            }
        } finally {
            release(other);
        }
    }

    @Test
    void two_writers_inserting_one_new_key_never_create_a_duplicate() throws Exception {
        String location = newLocation("manifest");
        createPeople(location);
        TableStorage other = newStorage();
        try {
            for (int round = 0; round < 3; round++) {
                String key = "new-" + round;
                List<Boolean> outcomes = race(2, racer -> () -> {
                    TableStorage mine = racer == 0 ? storage : other;
                    try {
                        mine.insertNew(WriteTarget.unconditional(location, TableRef.MAIN), rows(PEOPLE, person(key, "w" + racer, 1L)));
                        return true;
                    } catch (CommitConflictException | KeyConflictException lost) {
                        return false;
                    }
                });
                assertEquals(1, outcomes.stream().filter(won -> won).count(), "exactly one insert of " + key + " wins: " + outcomes);
                assertEquals(1, storage.count(TableRef.mainLatest(location), TableFilter.eq("id", key)));
            }
        } finally {
            release(other);
        }
    }

    // ---- branches -------------------------------------------------------------------------------

    @Test
    void a_branch_from_main_starts_with_mains_content_and_writes_stay_isolated() throws Exception {
        assumeTrue(storage.capabilities().contains(TableStorage.Capability.BRANCHES), "no branches");
        String location = newLocation("people");
        createPeople(location);
        storage.append(WriteTarget.unconditional(location, TableRef.MAIN), rows(PEOPLE, person("p4", "Dora", 7L)));
        storage.createBranch(location, "feature", TableRef.mainLatest(location));
        long forkVersion = storage.latestVersion(location, "feature");
        assertEquals(list("p1", "p2", "p3", "p4"), ids(TableRef.latest(location, "feature"), TableFilter.ALL));

        storage.upsert(WriteTarget.unconditional(location, "feature"), rows(PEOPLE, person("b1", "branch only", 1L)));
        storage.deleteWhere(WriteTarget.unconditional(location, "feature"), TableFilter.eq("id", "p1"));
        storage.append(WriteTarget.unconditional(location, TableRef.MAIN), rows(PEOPLE, person("m1", "main only", 1L)));

        assertEquals(list("b1", "p2", "p3", "p4"), ids(TableRef.latest(location, "feature"), TableFilter.ALL));
        assertEquals(list("m1", "p1", "p2", "p3", "p4"), ids(location));
        assertEquals(list("p1", "p2", "p3", "p4"), ids(TableRef.at(location, "feature", forkVersion), TableFilter.ALL),
                "the branch's first version is readable exactly");
        assertEquals(forkVersion + 2, storage.latestVersion(location, "feature"));
        List<Long> branchVersions = storage.versions(location, "feature").stream().map(TableVersionInfo::version).toList();
        assertEquals(forkVersion + 2, branchVersions.get(branchVersions.size() - 1));
        assertEquals(List.of("feature"), storage.branches(location));
        assertEquals(PEOPLE, storage.schema(TableRef.latest(location, "feature")));
    }

    @Test
    void a_branch_can_start_at_an_exact_version_of_main() throws Exception {
        assumeTrue(storage.capabilities().contains(TableStorage.Capability.BRANCHES), "no branches");
        String location = newLocation("people");
        createPeople(location);
        storage.append(WriteTarget.unconditional(location, TableRef.MAIN), rows(PEOPLE, person("p4", "Dora", 7L)));
        storage.createBranch(location, "from-v1", TableRef.at(location, TableRef.MAIN, 1));
        assertEquals(list("p1", "p2", "p3"), ids(TableRef.latest(location, "from-v1"), TableFilter.ALL));
    }

    @Test
    void a_branch_can_start_from_another_branch() throws Exception {
        assumeTrue(storage.capabilities().contains(TableStorage.Capability.BRANCHES), "no branches");
        String location = newLocation("people");
        createPeople(location);
        storage.createBranch(location, "feature", TableRef.mainLatest(location));
        storage.append(WriteTarget.unconditional(location, "feature"), rows(PEOPLE, person("f1", "feature", 1L)));
        long featureAfterFirst = storage.latestVersion(location, "feature");
        storage.append(WriteTarget.unconditional(location, "feature"), rows(PEOPLE, person("f2", "feature", 2L)));

        storage.createBranch(location, "feature/child", TableRef.latest(location, "feature"));
        storage.createBranch(location, "older-child", TableRef.at(location, "feature", featureAfterFirst));
        storage.append(WriteTarget.unconditional(location, "feature/child"), rows(PEOPLE, person("c1", "child", 1L)));

        assertEquals(list("c1", "f1", "f2", "p1", "p2", "p3"), ids(TableRef.latest(location, "feature/child"), TableFilter.ALL));
        assertEquals(list("f1", "p1", "p2", "p3"), ids(TableRef.latest(location, "older-child"), TableFilter.ALL));
        assertEquals(list("f1", "f2", "p1", "p2", "p3"), ids(TableRef.latest(location, "feature"), TableFilter.ALL));
        assertEquals(list("p1", "p2", "p3"), ids(location));
        assertEquals(List.of("feature", "feature/child", "older-child"), storage.branches(location).stream().sorted().toList());
    }

    @Test
    void a_branch_records_its_origin_and_a_recreated_branch_is_another_incarnation() throws Exception {
        assumeTrue(storage.capabilities().contains(TableStorage.Capability.BRANCHES), "no branches");
        String location = newLocation("people");
        createPeople(location);
        long mainVersion = storage.latestVersion(location, TableRef.MAIN);
        assertEquals(Optional.empty(), storage.branchOrigin(location, "feature"));
        assertEquals(Optional.empty(), storage.branchOrigin(location, TableRef.MAIN));

        storage.createBranch(location, "feature", TableRef.mainLatest(location));
        BranchOrigin first = storage.branchOrigin(location, "feature").orElseThrow();
        assertTrue(first.startedAt(TableRef.MAIN, mainVersion), first.toString());
        storage.append(WriteTarget.unconditional(location, "feature"), rows(PEOPLE, person("f1", "feature", 1L)));
        long featureVersion = storage.latestVersion(location, "feature");
        assertEquals(first, storage.branchOrigin(location, "feature").orElseThrow(), "writes do not change the origin");

        storage.createBranch(location, "feature/child", TableRef.at(location, "feature", featureVersion));
        assertTrue(storage.branchOrigin(location, "feature/child").orElseThrow().startedAt("feature", featureVersion));

        storage.deleteBranch(location, "feature/child");
        assertEquals(Optional.empty(), storage.branchOrigin(location, "feature/child"));
        storage.deleteBranch(location, "feature");
        storage.createBranch(location, "feature", TableRef.mainLatest(location));
        BranchOrigin second = storage.branchOrigin(location, "feature").orElseThrow();
        assertTrue(second.startedAt(TableRef.MAIN, mainVersion), second.toString());
        assertNotEquals(first.incarnation(), second.incarnation(), "a recreated branch is another incarnation");
    }

    @Test
    void creating_an_existing_branch_is_refused() throws Exception {
        assumeTrue(storage.capabilities().contains(TableStorage.Capability.BRANCHES), "no branches");
        String location = newLocation("people");
        createPeople(location);
        storage.createBranch(location, "feature", TableRef.mainLatest(location));
        storage.append(WriteTarget.unconditional(location, "feature"), rows(PEOPLE, person("f1", "feature", 1L)));
        assertThrows(TableAlreadyExistsException.class, () -> storage.createBranch(location, "feature", TableRef.mainLatest(location)));
        assertThrows(TableAlreadyExistsException.class, () -> storage.createBranch(location, TableRef.MAIN, TableRef.mainLatest(location)));
        assertEquals(list("f1", "p1", "p2", "p3"), ids(TableRef.latest(location, "feature"), TableFilter.ALL));
    }

    @Test
    void deleting_a_branch_is_idempotent_and_refused_while_a_child_exists() throws Exception {
        assumeTrue(storage.capabilities().contains(TableStorage.Capability.BRANCHES), "no branches");
        String location = newLocation("people");
        createPeople(location);
        storage.createBranch(location, "parent", TableRef.mainLatest(location));
        storage.append(WriteTarget.unconditional(location, "parent"), rows(PEOPLE, person("x", "x", 1L)));
        storage.createBranch(location, "child", TableRef.latest(location, "parent"));
        assertThrows(InvalidTableRequestException.class, () -> storage.deleteBranch(location, "parent"));
        assertThrows(InvalidTableRequestException.class, () -> storage.deleteBranch(location, TableRef.MAIN));
        assertEquals(list("p1", "p2", "p3", "x"), ids(TableRef.latest(location, "parent"), TableFilter.ALL));

        storage.deleteBranch(location, "child");
        storage.deleteBranch(location, "child");
        storage.deleteBranch(location, "never-existed");
        storage.deleteBranch(location, "parent");
        assertEquals(List.of(), storage.branches(location));
        assertThrows(TableNotFoundException.class, () -> storage.count(TableRef.latest(location, "parent"), TableFilter.ALL));
        assertEquals(list("p1", "p2", "p3"), ids(location));
    }

    @Test
    void a_missing_branch_is_reported_as_not_found() throws Exception {
        assumeTrue(storage.capabilities().contains(TableStorage.Capability.BRANCHES), "no branches");
        String location = newLocation("people");
        createPeople(location);
        assertThrows(TableNotFoundException.class, () -> storage.count(TableRef.latest(location, "nope"), TableFilter.ALL));
        assertThrows(TableNotFoundException.class, () -> storage.count(TableRef.at(location, "nope", 1), TableFilter.ALL));
        assertThrows(TableNotFoundException.class, () -> storage.latestVersion(location, "nope"));
        assertThrows(TableNotFoundException.class,
                () -> storage.append(WriteTarget.unconditional(location, "nope"), rows(PEOPLE, person("x", "x", 1L))));
        assertThrows(TableNotFoundException.class, () -> storage.createBranch(location, "b", TableRef.latest(location, "nope")));
        assertEquals(List.of(), storage.branches(location));
    }

    // ---- maintenance ----------------------------------------------------------------------------

    @Test
    void restore_commits_the_content_of_an_old_version_as_the_new_latest() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        WriteTarget target = WriteTarget.unconditional(location, TableRef.MAIN);
        storage.append(target, rows(PEOPLE, person("p4", "Dora", 7L)));
        storage.deleteWhere(target, TableFilter.eq("id", "p1"));
        WriteOutcome outcome = storage.restore(WriteTarget.expecting(location, TableRef.MAIN, 3), 1);
        assertEquals(4, outcome.version());
        assertEquals(4, storage.latestVersion(location, TableRef.MAIN));
        assertEquals(readAll(TableRef.at(location, TableRef.MAIN, 1)), readAll(TableRef.mainLatest(location)));
        assertEquals(list("p2", "p3", "p4"), ids(TableRef.at(location, TableRef.MAIN, 3), TableFilter.ALL), "history is kept");
    }

    @Test
    void restore_works_on_a_branch() throws Exception {
        assumeTrue(storage.capabilities().contains(TableStorage.Capability.BRANCHES), "no branches");
        String location = newLocation("people");
        createPeople(location);
        storage.createBranch(location, "feature", TableRef.mainLatest(location));
        long fork = storage.latestVersion(location, "feature");
        storage.append(WriteTarget.unconditional(location, "feature"), rows(PEOPLE, person("f1", "feature", 1L)));
        storage.restore(WriteTarget.unconditional(location, "feature"), fork);
        assertEquals(list("p1", "p2", "p3"), ids(TableRef.latest(location, "feature"), TableFilter.ALL));
        assertEquals(1, storage.latestVersion(location, TableRef.MAIN));
    }

    /** A table whose main holds many small files and some deleted rows: something for compaction to do. */
    private String fragmentedPeople() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        WriteTarget target = WriteTarget.unconditional(location, TableRef.MAIN);
        for (int i = 0; i < 6; i++) {
            storage.append(target, rows(PEOPLE, person("a" + i, "append " + i, (long) i)));
        }
        storage.deleteWhere(target, TableFilter.eq("id", "a3"));
        storage.upsert(target, rows(PEOPLE, person("a1", "updated", 100L)));
        return location;
    }

    @Test
    void compact_rewrites_many_files_into_fewer_and_keeps_the_content_of_every_version() throws Exception {
        String location = fragmentedPeople();
        WriteTarget target = WriteTarget.unconditional(location, TableRef.MAIN);
        List<Map<String, Object>> before = readAll(TableRef.mainLatest(location));
        long versionBefore = storage.latestVersion(location, TableRef.MAIN);
        assertTrue(storage.needsCompaction(location, TableRef.MAIN), "seven appends leave small files to merge");
        CompactionOutcome outcome = storage.compact(WriteTarget.expecting(location, TableRef.MAIN, versionBefore));
        assertTrue(outcome.committed(), "compacting many small files commits");
        assertTrue(outcome.version() > versionBefore);
        assertTrue(outcome.filesRemoved() >= 2 && outcome.filesAdded() >= 1 && outcome.filesAdded() < outcome.filesRemoved(),
                "fewer, larger files: " + outcome);
        assertEquals(outcome.version(), storage.latestVersion(location, TableRef.MAIN));
        assertEquals(before, readAll(TableRef.mainLatest(location)));
        assertEquals(before, readAll(TableRef.at(location, TableRef.MAIN, versionBefore)));
        assertEquals(before.size(), storage.count(TableRef.mainLatest(location), TableFilter.ALL));

        assertFalse(storage.needsCompaction(location, TableRef.MAIN), "a compacted table has nothing left to rewrite");
        CompactionOutcome again = storage.compact(target);
        assertEquals(new CompactionOutcome(outcome.version(), false, 0, 0), again, "nothing to rewrite commits nothing");
        assertEquals(before, readAll(TableRef.mainLatest(location)));
    }

    @Test
    void compact_works_on_a_branch_and_leaves_main_alone() throws Exception {
        assumeTrue(storage.capabilities().contains(TableStorage.Capability.BRANCHES), "no branches");
        String location = newLocation("people");
        createPeople(location);
        storage.createBranch(location, "feature", TableRef.mainLatest(location));
        WriteTarget feature = WriteTarget.unconditional(location, "feature");
        for (int i = 0; i < 4; i++) {
            storage.append(feature, rows(PEOPLE, person("f" + i, "feature " + i, (long) i)));
        }
        List<Map<String, Object>> before = readAll(TableRef.latest(location, "feature"));
        assertTrue(storage.needsCompaction(location, "feature"));
        assertTrue(storage.compact(feature).committed());
        assertEquals(before, readAll(TableRef.latest(location, "feature")));
        assertEquals(1, storage.latestVersion(location, TableRef.MAIN));
    }

    @Test
    void the_operation_of_each_version_says_whether_it_could_have_changed_rows() throws Exception {
        assumeTrue(storage.capabilities().contains(TableStorage.Capability.OPERATION_HISTORY), "no operation history");
        String location = fragmentedPeople();
        long appended = 2;
        VersionOperation append = storage.committedOperation(TableRef.at(location, TableRef.MAIN, appended)).orElseThrow();
        assertEquals(appended, append.version());
        assertFalse(append.preservesContent(), "an append changes rows: " + append);
        long beforeCompaction = storage.latestVersion(location, TableRef.MAIN);
        for (long version = 2; version <= beforeCompaction; version++) {
            VersionOperation write = storage.committedOperation(TableRef.at(location, TableRef.MAIN, version)).orElseThrow();
            assertFalse(write.preservesContent(), "version " + version + " was a data write: " + write);
        }
        long compacted = storage.compact(WriteTarget.unconditional(location, TableRef.MAIN)).version();
        for (long version = beforeCompaction + 1; version <= compacted; version++) {
            VersionOperation maintenance = storage.committedOperation(TableRef.at(location, TableRef.MAIN, version))
                    .orElseThrow();
            assertTrue(maintenance.preservesContent(), "compaction only reorganises: " + maintenance);
            assertFalse(maintenance.name().isBlank());
        }
        assertThrows(InvalidTableRequestException.class, () -> storage.committedOperation(TableRef.mainLatest(location)));
        assertThrows(TableVersionNotFoundException.class,
                () -> storage.committedOperation(TableRef.at(location, TableRef.MAIN, compacted + 5)));
    }

    @Test
    void cleanup_reclaims_old_versions_and_keeps_newer_ones_and_branch_forks() throws Exception {
        assumeTrue(storage.capabilities().contains(TableStorage.Capability.CLEANUP), "no cleanup");
        String location = newLocation("people");
        createPeople(location);
        WriteTarget target = WriteTarget.unconditional(location, TableRef.MAIN);
        for (int i = 0; i < 4; i++) {
            storage.append(target, rows(PEOPLE, person("a" + i, "append " + i, (long) i)));
        }
        boolean branches = storage.capabilities().contains(TableStorage.Capability.BRANCHES);
        if (branches) {
            storage.createBranch(location, "forked-at-2", TableRef.at(location, TableRef.MAIN, 2));
        }
        List<Map<String, Object>> latest = readAll(TableRef.mainLatest(location));
        CleanupOutcome removed = storage.cleanup(location, 4);
        assertTrue(removed.versionsRemoved() >= 2, "versions 1 and 3 are reclaimable, removed " + removed);
        TableVersionNotFoundException thrown = assertThrows(TableVersionNotFoundException.class,
                () -> storage.count(TableRef.at(location, TableRef.MAIN, 1), TableFilter.ALL));
        assertEquals(1, thrown.version());
        assertThrows(TableVersionNotFoundException.class, () -> readAll(TableRef.at(location, TableRef.MAIN, 3)));
        assertEquals(latest, readAll(TableRef.mainLatest(location)));
        assertEquals(6, storage.count(TableRef.at(location, TableRef.MAIN, 4), TableFilter.ALL));
        List<Long> kept = storage.versions(location, TableRef.MAIN).stream().map(TableVersionInfo::version).toList();
        assertFalse(kept.contains(1L));
        assertTrue(kept.containsAll(List.of(4L, 5L)), "kept " + kept);
        if (branches) {
            assertEquals(list("a0", "p1", "p2", "p3"), ids(TableRef.latest(location, "forked-at-2"), TableFilter.ALL));
        }
        storage.append(target, rows(PEOPLE, person("after", "after cleanup", 1L)));
        assertEquals(8, storage.count(TableRef.mainLatest(location), TableFilter.ALL));
    }

    @Test
    void cleanup_after_compaction_deletes_the_files_only_old_versions_used_and_keeps_the_latest_whatever_is_asked()
            throws Exception {
        assumeTrue(storage.capabilities().contains(TableStorage.Capability.CLEANUP), "no cleanup");
        String location = fragmentedPeople();
        List<Map<String, Object>> content = readAll(TableRef.mainLatest(location));
        long compacted = storage.compact(WriteTarget.unconditional(location, TableRef.MAIN)).version();
        CleanupOutcome removed = storage.cleanup(location, compacted + 10);
        assertEquals(compacted - 1, removed.versionsRemoved(), "every version but the latest: " + removed);
        assertTrue(removed.bytesRemoved() > 0, "the pre-compaction files are gone: " + removed);
        assertEquals(List.of(compacted), storage.versions(location, TableRef.MAIN).stream().map(TableVersionInfo::version).toList());
        assertEquals(content, readAll(TableRef.mainLatest(location)));
        assertEquals(new CleanupOutcome(0, 0), storage.cleanup(location, compacted), "nothing left to reclaim");
        if (storage.capabilities().contains(TableStorage.Capability.OPERATION_HISTORY)) {
            assertThrows(TableVersionNotFoundException.class,
                    () -> storage.committedOperation(TableRef.at(location, TableRef.MAIN, 2)));
        }
    }

    @Test
    void drop_removes_the_table_and_is_idempotent() throws Exception {
        String location = newLocation("people");
        createPeople(location);
        if (storage.capabilities().contains(TableStorage.Capability.BRANCHES)) {
            storage.createBranch(location, "feature", TableRef.mainLatest(location));
        }
        storage.drop(location);
        assertFalse(storage.exists(location));
        assertThrows(TableNotFoundException.class, () -> storage.count(TableRef.mainLatest(location), TableFilter.ALL));
        storage.drop(location);
        storage.create(location, PEOPLE, rows(PEOPLE, person("again", "Again", 1L)));
        assertEquals(1, storage.latestVersion(location, TableRef.MAIN));
        assertEquals(list("again"), ids(location));
        assertEquals(List.of(), storage.branches(location));
    }

    @Test
    void every_operation_on_a_missing_table_reports_table_not_found() throws Exception {
        String location = newLocation("missing");
        WriteTarget target = WriteTarget.unconditional(location, TableRef.MAIN);
        ColumnarBatch batch = rows(PEOPLE, person("x", "x", 1L));
        assertFalse(storage.exists(location));
        List<Function<TableStorage, Object>> operations = List.of(
                s -> s.schema(TableRef.mainLatest(location)),
                s -> s.latestVersion(location, TableRef.MAIN),
                s -> s.versions(location, TableRef.MAIN),
                s -> s.count(TableRef.mainLatest(location), TableFilter.ALL),
                s -> s.count(TableRef.at(location, TableRef.MAIN, 1), TableFilter.ALL),
                s -> {
                    s.scan(TableRef.mainLatest(location), ScanRequest.everything()).close();
                    return null;
                },
                s -> s.append(target, batch),
                s -> s.overwrite(target, batch),
                s -> s.upsert(target, batch),
                s -> s.insertNew(target, batch),
                s -> s.deleteWhere(target, TableFilter.ALL),
                s -> s.restore(target, 1),
                s -> s.compact(target),
                s -> s.needsCompaction(location, TableRef.MAIN),
                s -> s.committedOperation(TableRef.at(location, TableRef.MAIN, 1)),
                s -> s.branches(location),
                s -> s.cleanup(location, 1));
        for (int i = 0; i < operations.size(); i++) {
            Function<TableStorage, Object> operation = operations.get(i);
            assertThrows(TableNotFoundException.class, () -> operation.apply(storage), "operation #" + i);
        }
        assertFalse(storage.exists(location));
    }

    // ---- racing helpers -------------------------------------------------------------------------

    protected static <T> List<T> race(Racers.RacerTask<T> task) throws Exception {
        return Racers.race(RACERS, task);
    }

    protected static <T> List<T> race(int racers, Racers.RacerTask<T> task) throws Exception {
        return Racers.race(racers, task);
    }
}
