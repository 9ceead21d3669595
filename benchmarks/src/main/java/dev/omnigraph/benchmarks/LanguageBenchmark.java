package dev.omnigraph.benchmarks;

import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.QueryCompiler;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.domain.query.typecheck.SchemaCatalogs;
import dev.omnigraph.domain.schema.SchemaCompiler;
import dev.omnigraph.domain.schema.ValidatedSchema;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Warm parse + validate of every fixture schema and parse + typecheck + plan of every fixture query
 * (each query file against its schema). Prints the median and p90 of one full pass over the corpus.
 *
 * <p>Usage: {@code scripts/bench.sh language [fixtures-dir]}.
 */
public final class LanguageBenchmark {

    private LanguageBenchmark() {}

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        Path fixtures = Path.of(args.length > 0 ? args[0] : "../shared/fixtures");
        List<Pair> corpus = corpus(fixtures);
        int warmup = 200;
        int runs = 500;
        long items = 0;
        for (int i = 0; i < warmup; i++) {
            items = pass(corpus);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            pass(corpus);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        long bytes = corpus.stream().mapToLong(p -> p.schemaText.length() + p.queryTexts.stream().mapToLong(String::length).sum()).sum();
        out.printf("language corpus: %d schema files, %d query files, %d queries compiled per pass, %d KiB%n",
                corpus.size(), corpus.stream().mapToLong(p -> p.queryTexts.size()).sum(), items, bytes / 1024);
        out.printf("warm pass (parse+validate schemas, parse+typecheck+plan queries): median %.3f ms, p90 %.3f ms%n",
                nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.9)] / 1e6);
        parseScaling(out, String.join("\n", corpus.get(0).queryTexts));
    }

    /** Parse time of 1x … 64x copies of the query corpus: linear growth shows as a flat time per KiB. */
    private static void parseScaling(PrintStream out, String queries) {
        out.println("parse scaling (query corpus repeated k times):");
        for (int k = 1; k <= 64; k *= 2) {
            String text = (queries + "\n").repeat(k);
            SourceFile source = new SourceFile("scaled.gq", text);
            int runs = Math.max(5, 400 / k);
            long[] nanos = new long[runs];
            for (int i = 0; i < runs + 3; i++) {
                long start = System.nanoTime();
                QueryCompiler.parse(source);
                if (i >= 3) {
                    nanos[i - 3] = System.nanoTime() - start;
                }
            }
            Arrays.sort(nanos);
            double ms = nanos[runs / 2] / 1e6;
            out.printf("  k=%-3d %7d KiB  median %8.3f ms  %.4f ms/KiB%n", k, text.length() / 1024, ms, ms / Math.max(1, text.length() / 1024.0));
        }
    }

    private record Pair(String schemaName, String schemaText, List<String> queryNames, List<String> queryTexts) {}

    private static long pass(List<Pair> corpus) {
        long compiled = 0;
        for (Pair pair : corpus) {
            ValidatedSchema schema = SchemaCompiler.compile(new SourceFile(pair.schemaName, pair.schemaText));
            QueryCatalog catalog = SchemaCatalogs.of(schema);
            for (int i = 0; i < pair.queryTexts.size(); i++) {
                SourceFile source = new SourceFile(pair.queryNames.get(i), pair.queryTexts.get(i));
                var parsed = QueryCompiler.parse(source);
                for (var query : parsed.file().queries()) {
                    QueryCompiler.compile(catalog, source, query.name());
                    compiled++;
                }
            }
        }
        return compiled;
    }

    private static List<Pair> corpus(Path fixtures) throws IOException {
        List<Pair> corpus = new ArrayList<>();
        Path intel = fixtures.resolve("industry-intel");
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (Stream<Path> queries = Files.list(intel.resolve("queries"))) {
            for (Path query : queries.sorted().toList()) {
                names.add(query.toString());
                texts.add(Files.readString(query));
            }
        }
        corpus.add(new Pair("schema.pg", Files.readString(intel.resolve("schema.pg")), names, texts));
        Path reference = fixtures.resolve("reference-tests");
        try (Stream<Path> schemas = Files.list(reference)) {
            for (Path schema : schemas.filter(p -> p.toString().endsWith(".pg")).sorted().toList()) {
                Path query = Path.of(schema.toString().replace(".pg", ".gq"));
                List<String> queryNames = new ArrayList<>();
                List<String> queryTexts = new ArrayList<>();
                if (Files.exists(query)) {
                    queryNames.add(query.toString());
                    queryTexts.add(Files.readString(query));
                }
                corpus.add(new Pair(schema.toString(), Files.readString(schema), queryNames, queryTexts));
            }
        }
        return corpus;
    }
}
