package dev.omnigraph.adapters.storage.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omnigraph.ports.out.table.ColumnSpec;
import dev.omnigraph.ports.out.table.ColumnType;
import dev.omnigraph.ports.out.table.InvalidTableRequestException;
import dev.omnigraph.ports.out.table.TableFilter;
import dev.omnigraph.ports.out.table.TableFilter.Operator;
import dev.omnigraph.ports.out.table.TableSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Filters arrive from query plans built on user input; a value that could end a string literal or a
 * name that could end an identifier would let that input rewrite the predicate (and, in a delete,
 * remove rows it never selected). These tests pin the exact text rendered for hostile values; the
 * conformance suite checks the same shapes select the right rows on real Lance datasets.
 */
class LanceFilterRendererTest {

    private static final TableSchema SCHEMA = new TableSchema(List.of(
            ColumnSpec.required("id", ColumnType.UTF8),
            ColumnSpec.nullable("select", ColumnType.BOOL),
            ColumnSpec.nullable("weird name", ColumnType.INT64),
            ColumnSpec.nullable("u64", ColumnType.UINT64),
            ColumnSpec.nullable("f", ColumnType.FLOAT64),
            ColumnSpec.nullable("d", ColumnType.DATE),
            ColumnSpec.nullable("dt", ColumnType.DATETIME),
            ColumnSpec.nullable("tags", new ColumnType.ListOf(ColumnType.Scalar.UTF8)),
            ColumnSpec.nullable("v", new ColumnType.Vector(2)),
            ColumnSpec.nullable("odd`name", ColumnType.UTF8)), Optional.of("id"), Map.of());

    private static String render(TableFilter filter) {
        return LanceFilterRenderer.render(filter, SCHEMA).orElseThrow();
    }

    @Test
    void all_renders_as_no_filter() {
        assertEquals(Optional.empty(), LanceFilterRenderer.render(TableFilter.ALL, SCHEMA));
        assertEquals("(TRUE) AND (`id` = 'a')", render(TableFilter.and(TableFilter.ALL, TableFilter.eq("id", "a"))));
    }

    @Test
    void quotes_are_doubled_and_backslashes_kept_so_no_value_can_close_its_literal() {
        assertEquals("`id` = 'it''s'", render(TableFilter.eq("id", "it's")));
        assertEquals("`id` = 'x'' OR ''1''=''1'", render(TableFilter.eq("id", "x' OR '1'='1")));
        assertEquals("`id` = 'a\\'", render(TableFilter.eq("id", "a\\")), "no backslash escapes in Lance's dialect");
        assertEquals("`id` = '''); DROP TABLE t; --'", render(TableFilter.eq("id", "'); DROP TABLE t; --")));
        assertEquals("`id` IN ('a''', '\"b\"')", render(new TableFilter.In("id", List.of("a'", "\"b\""))));
    }

    @Test
    void identifiers_are_back_quoted_and_a_back_quote_in_a_name_is_refused() {
        assertEquals("`select` = TRUE", render(TableFilter.eq("select", true)));
        assertEquals("`weird name` >= -3", render(new TableFilter.Compare("weird name", Operator.GE, -3L)));
        assertThrows(InvalidTableRequestException.class, () -> render(TableFilter.eq("odd`name", "x")));
        assertThrows(InvalidTableRequestException.class, () -> render(TableFilter.eq("id` = 'x' OR `id", "x")));
    }

    @Test
    void like_wildcards_are_never_used_for_prefix_and_substring_tests() {
        assertEquals("starts_with(`id`, '50%_')", render(new TableFilter.StartsWith("id", "50%_")));
        assertEquals("contains(`id`, 'it''s 100%')", render(new TableFilter.Contains("id", "it's 100%")));
    }

    @Test
    void dates_and_datetimes_are_typed_casts_of_their_epoch_numbers() {
        assertEquals("`d` < arrow_cast(-1, 'Date32')", render(new TableFilter.Compare("d", Operator.LT, -1L)));
        assertEquals("`dt` = arrow_cast(1704067200000, 'Date64')", render(TableFilter.eq("dt", 1704067200000L)));
    }

    @Test
    void integers_that_the_parser_would_read_as_floats_are_cast_from_exact_text() {
        assertEquals("`weird name` = arrow_cast('-9223372036854775808', 'Int64')", render(TableFilter.eq("weird name", Long.MIN_VALUE)));
        assertEquals("`u64` = arrow_cast('18446744073709551615', 'UInt64')", render(TableFilter.eq("u64", -1L)));
        assertEquals("`u64` = 9223372036854775807", render(TableFilter.eq("u64", Long.MAX_VALUE)));
    }

    @Test
    void floats_are_plain_decimals_and_non_finite_values_are_cast() {
        assertEquals("`f` > 0.000001", render(new TableFilter.Compare("f", Operator.GT, 1e-6)));
        assertEquals("`f` < 100000000000000000000.0", render(new TableFilter.Compare("f", Operator.LT, 1e20)));
        assertEquals("`f` = 3.0", render(TableFilter.eq("f", 3)));
        assertEquals("`f` = CAST('NaN' AS DOUBLE)", render(TableFilter.eq("f", Double.NaN)));
        assertEquals("`f` < CAST('Infinity' AS DOUBLE)", render(new TableFilter.Compare("f", Operator.LT, Double.POSITIVE_INFINITY)));
    }

    @Test
    void junctions_parenthesise_every_operand_and_empty_ones_are_constants() {
        assertEquals("(`id` = 'a') OR ((`select` IS NULL) AND (NOT (`d` IS NOT NULL)))",
                render(new TableFilter.Or(List.of(TableFilter.eq("id", "a"),
                        TableFilter.and(new TableFilter.IsNull("select", false), new TableFilter.Not(new TableFilter.IsNull("d", true)))))));
        assertEquals("TRUE", render(new TableFilter.And(List.of())));
        assertEquals("FALSE", render(new TableFilter.Or(List.of())));
        assertEquals("FALSE", render(new TableFilter.In("id", List.of())));
    }

    @Test
    void list_membership_uses_array_has_with_an_element_literal() {
        assertEquals("array_has(`tags`, 'o''k')", render(new TableFilter.ListContains("tags", "o'k")));
        assertThrows(InvalidTableRequestException.class, () -> render(new TableFilter.ListContains("tags", 1L)));
    }

    @Test
    void values_and_columns_that_do_not_fit_are_refused() {
        assertThrows(InvalidTableRequestException.class, () -> render(TableFilter.eq("missing", "x")));
        assertThrows(InvalidTableRequestException.class, () -> render(TableFilter.eq("id", 1L)));
        assertThrows(InvalidTableRequestException.class, () -> render(TableFilter.eq("weird name", "1")));
        assertThrows(InvalidTableRequestException.class, () -> render(TableFilter.eq("weird name", 1.5)));
        assertThrows(InvalidTableRequestException.class, () -> render(TableFilter.eq("d", "2024-01-01")));
        assertThrows(InvalidTableRequestException.class, () -> render(TableFilter.eq("v", 1.0)));
        assertThrows(InvalidTableRequestException.class, () -> render(TableFilter.eq("tags", "a")));
        assertThrows(InvalidTableRequestException.class, () -> render(new TableFilter.StartsWith("weird name", "1")));
        assertThrows(InvalidTableRequestException.class, () -> render(new TableFilter.Contains("id", null)));
        assertEquals("`v` IS NULL", render(new TableFilter.IsNull("v", false)));
    }
}
