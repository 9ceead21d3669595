package dev.omnigraph.application.engine;

import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.QueryCompiler;
import dev.omnigraph.domain.query.ast.QueryDecl;
import dev.omnigraph.ports.out.JsonDecoder;
import dev.omnigraph.ports.out.MalformedJsonException;
import java.util.List;

/** What reads and mutations share about their inputs: the query to run and its JSON parameters. */
final class QuerySources {

    private QuerySources() {
    }

    /** The parameters object; blank text means none. */
    static JsonValue params(JsonDecoder json, String text) {
        if (text.isBlank()) {
            return JsonObject.empty();
        }
        try {
            JsonValue params = json.decode("--params", text);
            if (!(params instanceof JsonObject)) {
                throw new GraphEngineException(GraphErrorKind.BAD_REQUEST, "params must be a JSON object, e.g. {\"name\": \"Ada\"}");
            }
            return params;
        } catch (MalformedJsonException malformed) {
            throw new GraphEngineException(GraphErrorKind.BAD_REQUEST, "params are not valid JSON: " + malformed.getMessage(), malformed);
        }
    }

    /** The name of the source's only query; refused when it declares several. */
    static String onlyQuery(SourceFile source) {
        List<QueryDecl> queries = QueryCompiler.parse(source).file().queries();
        if (queries.size() != 1) {
            throw new GraphEngineException(GraphErrorKind.BAD_REQUEST, "the query source declares " + queries.size()
                    + " queries; name the one to run");
        }
        return queries.get(0).name();
    }
}
