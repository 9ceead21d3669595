package dev.omnigraph.adapters.http.routes;

import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.domain.query.result.QueryResult;
import dev.omnigraph.domain.query.result.ResultColumn;
import dev.omnigraph.domain.query.typecheck.ScalarKind;
import dev.omnigraph.domain.query.typecheck.ValueType;
import dev.omnigraph.ports.in.CommitResult;
import dev.omnigraph.ports.in.ServedChangeResult;
import dev.omnigraph.ports.in.ServedLoadResult;
import dev.omnigraph.ports.in.ServedReadResult;
import java.util.List;
import java.util.Optional;

/** Use-case results the route tests stub, and the JSON each must become. */
final class Results {

    private Results() {}

    static CommitResult commit() {
        return new CommitResult("c-2", "main", 8, Optional.of("c-1"), Optional.empty(), Optional.of(ServedHttp.ACTOR),
                1_714_000_000_000_000L);
    }

    static final String COMMIT_JSON = "{\"graph_commit_id\":\"c-2\",\"graph_branch\":\"main\",\"graph_manifest_version\":8,"
            + "\"parent_commit_id\":\"c-1\",\"merged_parent_commit_id\":null,\"actor_id\":\"act-alice\","
            + "\"created_at\":1714000000000000}";

    static ServedReadResult read() {
        QueryResult rows = new QueryResult(
                List.of(new ResultColumn("p.name", ValueType.scalar(ScalarKind.STRING, false)),
                        new ResultColumn("p.age", ValueType.scalar(ScalarKind.I64, true))),
                List.of(List.of("Alice", 30L), java.util.Arrays.asList("Bob", null)));
        return new ServedReadResult("people", Optional.of("main"), Optional.empty(), rows, Optional.of("c-2"));
    }

    static final String READ_ROWS_JSON = "[{\"p.name\":\"Alice\",\"p.age\":30},{\"p.name\":\"Bob\",\"p.age\":null}]";

    static final String READ_JSON = "{\"query_name\":\"people\",\"target\":{\"branch\":\"main\",\"snapshot\":null},"
            + "\"row_count\":2,\"columns\":[\"p.name\",\"p.age\"],\"rows\":" + READ_ROWS_JSON
            + ",\"graph_commit_id\":\"c-2\"}";

    static final String LEGACY_READ_JSON = "{\"query_name\":\"people\",\"target\":{\"branch\":\"main\",\"snapshot\":null},"
            + "\"row_count\":2,\"columns\":[\"p.name\",\"p.age\"],\"rows\":" + READ_ROWS_JSON + "}";

    static ServedChangeResult change() {
        return new ServedChangeResult("add_person", "main", 1, 0, Optional.of(ServedHttp.ACTOR), Optional.of(commit()));
    }

    static final String CHANGE_JSON = "{\"branch\":\"main\",\"query_name\":\"add_person\",\"affected_nodes\":1,"
            + "\"affected_edges\":0,\"actor_id\":\"act-alice\",\"commit\":" + COMMIT_JSON + "}";

    static ServedLoadResult load(LoadMode mode) {
        return new ServedLoadResult("file:///graphs/g1", "dev", Optional.of("main"), true, mode,
                List.of(new ServedLoadResult.TypeCount("Person", 2)),
                List.of(new ServedLoadResult.TypeCount("Knows", 1)), 3, Optional.of(ServedHttp.ACTOR),
                Optional.of(commit()));
    }

    static String loadJson(String mode, boolean withUri) {
        return "{" + (withUri ? "\"uri\":\"file:///graphs/g1\"," : "") + "\"branch\":\"dev\",\"base_branch\":\"main\","
                + "\"branch_created\":true,\"mode\":\"" + mode + "\","
                + "\"nodes\":[{\"name\":\"Person\",\"entities_loaded\":2}],"
                + "\"edges\":[{\"name\":\"Knows\",\"entities_loaded\":1}],\"total_entities\":3,"
                + "\"actor_id\":\"act-alice\",\"commit\":" + COMMIT_JSON + "}";
    }
}
