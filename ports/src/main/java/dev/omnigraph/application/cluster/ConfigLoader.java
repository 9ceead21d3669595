package dev.omnigraph.application.cluster;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ClusterLayout;
import dev.omnigraph.domain.cluster.Sha256;
import dev.omnigraph.domain.cluster.config.ClusterConfig;
import dev.omnigraph.domain.cluster.config.ClusterConfigReader;
import dev.omnigraph.domain.cluster.config.ClusterConfigValidator;
import dev.omnigraph.domain.cluster.config.ConfigRead;
import dev.omnigraph.domain.cluster.config.DeclaredCluster;
import dev.omnigraph.domain.cluster.config.DeclaredGraph;
import dev.omnigraph.domain.cluster.config.DeclaredPolicy;
import dev.omnigraph.domain.cluster.config.DesiredClusterAssembler;
import dev.omnigraph.domain.cluster.config.GraphSources;
import dev.omnigraph.domain.cluster.config.PolicyRuntime;
import dev.omnigraph.domain.cluster.config.QueriesDeclaration;
import dev.omnigraph.domain.cluster.config.QueryRegistry;
import dev.omnigraph.domain.cluster.config.SourceFile;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.lang.DiagnosticException;
import dev.omnigraph.domain.policy.PolicyBundleRead;
import dev.omnigraph.domain.policy.PolicyBundleReader;
import dev.omnigraph.domain.policy.PolicyKind;
import dev.omnigraph.domain.query.ast.QueryDecl;
import dev.omnigraph.domain.query.parse.ParsedQueries;
import dev.omnigraph.domain.query.parse.QueryParser;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.domain.query.typecheck.QueryTypeChecker;
import dev.omnigraph.domain.query.typecheck.SchemaCatalogs;
import dev.omnigraph.domain.schema.SchemaDocument;
import dev.omnigraph.domain.schema.SchemaParser;
import dev.omnigraph.domain.schema.SchemaValidator;
import dev.omnigraph.domain.schema.ValidatedSchema;
import dev.omnigraph.ports.out.MalformedYamlException;
import dev.omnigraph.ports.out.YamlDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a config directory the way every cluster command starts: {@code cluster.yaml} (duplicate keys,
 * reserved keys and the strict shape are the domain's reader's), then either only the header checks
 * ({@code status}, {@code force-unlock}) or the full file-free validation plus every referenced file:
 * schemas (read, parse, compile), queries (discovered, parsed, registered, type-checked against the
 * desired schema), policy bundles (read strictly and checked against their bindings), and finally the
 * desired revision.
 */
final class ConfigLoader {

    private final SourceFiles files;
    private final YamlDecoder yaml;

    ConfigLoader(SourceFiles files, YamlDecoder yaml) {
        this.files = files;
        this.yaml = yaml;
    }

    /** Header only: no referenced file is read. */
    LoadedConfig loadHeader(String configDir) {
        String dir = trimSlashes(configDir);
        List<ClusterDiagnostic> diagnostics = new ArrayList<>();
        Optional<ClusterConfig> config = readConfig(dir, diagnostics);
        if (config.isEmpty()) {
            return new LoadedConfig(dir, Optional.empty(), Optional.empty(), Optional.empty(), diagnostics);
        }
        ClusterConfigValidator.HeaderCheck header = ClusterConfigValidator.validateHeader(config.get());
        diagnostics.addAll(header.diagnostics());
        return new LoadedConfig(dir, Optional.of(header.settings()), Optional.of(storageRoot(dir, header.settings()
                .storageRoot())), Optional.empty(), diagnostics);
    }

    /** Everything {@code validate} checks; the desired revision is assembled even when findings are errors. */
    LoadedConfig loadFull(String configDir) {
        String dir = trimSlashes(configDir);
        List<ClusterDiagnostic> diagnostics = new ArrayList<>();
        Optional<ClusterConfig> config = readConfig(dir, diagnostics);
        if (config.isEmpty()) {
            return new LoadedConfig(dir, Optional.empty(), Optional.empty(), Optional.empty(), diagnostics);
        }
        DeclaredCluster declared = ClusterConfigValidator.validate(config.get());
        diagnostics.addAll(declared.diagnostics());
        Map<String, GraphSources> graphSources = new TreeMap<>();
        for (DeclaredGraph graph : declared.graphs().values()) {
            graphSources.put(graph.id(), readGraph(dir, graph, diagnostics));
        }
        Map<String, SourceFile> policyFiles = new TreeMap<>();
        for (DeclaredPolicy policy : declared.policies().values()) {
            readPolicy(dir, policy, diagnostics).ifPresent(file -> policyFiles.put(policy.name(), file));
        }
        DesiredClusterAssembler.Assembly assembly = DesiredClusterAssembler.assemble(declared, graphSources, policyFiles);
        diagnostics.addAll(assembly.diagnostics());
        return new LoadedConfig(dir, Optional.of(declared.settings()),
                Optional.of(storageRoot(dir, declared.settings().storageRoot())), Optional.of(assembly.desired()),
                diagnostics);
    }

    /**
     * The storage root: the config directory when {@code storage:} is absent; a relative path resolves
     * against the config directory; {@code file://} becomes its path; other URIs are kept.
     */
    static String storageRoot(String configDir, Optional<String> declared) {
        if (declared.isEmpty()) {
            return configDir;
        }
        String root = declared.get();
        if (root.startsWith("file://")) {
            root = root.substring("file://".length());
            return root.isEmpty() ? "/" : SourceFiles.normalize(root);
        }
        return trimSlashes(SourceFiles.resolve(configDir, root));
    }

    private Optional<ClusterConfig> readConfig(String dir, List<ClusterDiagnostic> diagnostics) {
        String file = dir + "/" + ClusterLayout.CONFIG_FILE;
        Optional<byte[]> bytes;
        try {
            bytes = files.read(file);
        } catch (SourceFiles.UnreadableException unreadable) {
            diagnostics.add(ClusterDiagnostic.error(ClusterCodes.CLUSTER_CONFIG_READ_ERROR, ClusterLayout.CONFIG_FILE,
                    "could not read " + file + ": " + unreadable.getMessage()));
            return Optional.empty();
        }
        if (bytes.isEmpty()) {
            if (files.holdsAnything(dir)) {
                diagnostics.add(ClusterDiagnostic.error(ClusterCodes.CLUSTER_CONFIG_READ_ERROR, ClusterLayout.CONFIG_FILE,
                        "could not read " + file + ": no such file"));
            } else {
                diagnostics.add(ClusterDiagnostic.error(ClusterCodes.CONFIG_DIR_NOT_FOUND, dir,
                        "config directory `" + dir + "` does not exist or is not a directory containing cluster.yaml"));
            }
            return Optional.empty();
        }
        Optional<String> text = SourceFiles.utf8(bytes.get());
        if (text.isEmpty()) {
            diagnostics.add(ClusterDiagnostic.error(ClusterCodes.CLUSTER_CONFIG_READ_ERROR, ClusterLayout.CONFIG_FILE,
                    "could not read " + file + ": not valid UTF-8"));
            return Optional.empty();
        }
        JsonValue tree = null;
        String yamlError = null;
        try {
            tree = yaml.decode(ClusterLayout.CONFIG_FILE, text.get());
        } catch (MalformedYamlException malformed) {
            yamlError = malformed.getMessage();
        }
        ConfigRead read = ClusterConfigReader.read(text.get(), tree, yamlError);
        if (read instanceof ConfigRead.Rejected rejected) {
            diagnostics.addAll(rejected.diagnostics());
            return Optional.empty();
        }
        return Optional.of(((ConfigRead.Parsed) read).config());
    }

    // ---- graphs ----------------------------------------------------------------------------------

    private GraphSources readGraph(String dir, DeclaredGraph graph, List<ClusterDiagnostic> diagnostics) {
        String graphPath = "graphs." + graph.id();
        String schemaPath = SourceFiles.resolve(dir, graph.declaration().schema());
        Optional<SourceFile> schemaFile = Optional.empty();
        Optional<QueryCatalog> catalog = Optional.empty();
        Optional<byte[]> schemaBytes = readSource(schemaPath, ClusterCodes.SCHEMA_FILE_MISSING, graphPath + ".schema",
                "schema", diagnostics);
        if (schemaBytes.isPresent()) {
            schemaFile = Optional.of(new SourceFile(schemaPath, Sha256.hex(schemaBytes.get())));
            catalog = compileSchema(schemaPath, schemaBytes.get(), graphPath + ".schema", diagnostics);
        }

        List<QueryRegistry.DiscoveredFile> discovered = new ArrayList<>();
        Map<String, ParsedFile> parsedFiles = new LinkedHashMap<>();
        Map<String, String> registry;
        QueriesDeclaration queries = graph.declaration().queries();
        String queriesPath = graphPath + ".queries";
        if (queries instanceof QueriesDeclaration.Explicit explicit) {
            registry = new TreeMap<>();
            explicit.files().forEach((name, declaredFile) -> {
                String path = SourceFiles.resolve(dir, declaredFile);
                ParsedFile parsed = parsedFiles.computeIfAbsent(path,
                        p -> readQueryFile(p, queriesPath + "." + name, diagnostics));
                registry.put(name, path);
                if (parsed.parsed().isPresent() && parsed.parsed().get().query(name).isEmpty()) {
                    diagnostics.add(ClusterDiagnostic.error(ClusterCodes.QUERY_KEY_MISMATCH, queriesPath + "." + name,
                            "query file `" + path + "` does not declare `query " + name + "`"));
                }
            });
        } else {
            List<String> declaredPaths = queries instanceof QueriesDeclaration.Discover one ? List.of(one.path())
                    : ((QueriesDeclaration.DiscoverMany) queries).paths();
            for (String declaredPath : declaredPaths) {
                for (String path : discover(dir, declaredPath, queriesPath, diagnostics)) {
                    ParsedFile parsed = parsedFiles.computeIfAbsent(path, p -> readQueryFile(p, queriesPath, diagnostics));
                    discovered.add(new QueryRegistry.DiscoveredFile(path, parsed.parsed()
                            .map(p -> p.file().queries().stream().map(QueryDecl::name).toList()).orElse(List.of())));
                }
            }
            QueryRegistry.Registry merged = QueryRegistry.merge(graph.id(), discovered);
            diagnostics.addAll(merged.diagnostics());
            registry = merged.files();
        }

        TreeMap<String, Optional<SourceFile>> querySources = new TreeMap<>();
        boolean skippedWarned = false;
        for (Map.Entry<String, String> entry : registry.entrySet()) {
            String name = entry.getKey();
            ParsedFile file = parsedFiles.get(entry.getValue());
            querySources.put(name, file.digest().map(digest -> new SourceFile(file.path(), digest)));
            Optional<QueryDecl> declaration = file.parsed().flatMap(parsed -> parsed.query(name));
            if (declaration.isEmpty()) {
                continue;
            }
            if (catalog.isEmpty()) {
                if (!skippedWarned) {
                    diagnostics.add(ClusterDiagnostic.warning(ClusterCodes.QUERY_TYPECHECK_SKIPPED, queriesPath,
                            "the schema of graph `" + graph.id() + "` is not valid, so its queries were not type-checked"));
                    skippedWarned = true;
                }
                continue;
            }
            try {
                QueryTypeChecker.check(catalog.get(), file.parsed().get(), declaration.get());
            } catch (DiagnosticException invalid) {
                diagnostics.add(ClusterDiagnostic.error(ClusterCodes.QUERY_TYPECHECK_ERROR, queriesPath + "." + name,
                        "query `" + name + "` does not type-check against the desired schema: "
                                + invalid.primary().header()));
            }
        }
        return new GraphSources(schemaFile, querySources);
    }

    private Optional<QueryCatalog> compileSchema(String path, byte[] bytes, String diagnosticPath,
                                                 List<ClusterDiagnostic> diagnostics) {
        Optional<String> text = SourceFiles.utf8(bytes);
        if (text.isEmpty()) {
            diagnostics.add(ClusterDiagnostic.error(ClusterCodes.SCHEMA_PARSE_ERROR, diagnosticPath,
                    "schema file `" + path + "` is not valid UTF-8"));
            return Optional.empty();
        }
        dev.omnigraph.domain.lang.SourceFile source = new dev.omnigraph.domain.lang.SourceFile(path, text.get());
        SchemaDocument document;
        try {
            document = SchemaParser.parse(source);
        } catch (DiagnosticException invalid) {
            diagnostics.add(ClusterDiagnostic.error(ClusterCodes.SCHEMA_PARSE_ERROR, diagnosticPath,
                    invalid.primary().header()));
            return Optional.empty();
        }
        try {
            ValidatedSchema validated = SchemaValidator.validate(document, source);
            return Optional.of(SchemaCatalogs.of(validated));
        } catch (DiagnosticException invalid) {
            diagnostics.add(ClusterDiagnostic.error(ClusterCodes.SCHEMA_CATALOG_ERROR, diagnosticPath,
                    invalid.primary().header()));
            return Optional.empty();
        }
    }

    /** One query file: where it is, its digest when readable, its parse when it parsed. */
    private record ParsedFile(String path, Optional<String> digest, Optional<ParsedQueries> parsed) {
    }

    private ParsedFile readQueryFile(String path, String diagnosticPath, List<ClusterDiagnostic> diagnostics) {
        Optional<byte[]> bytes = readSource(path, ClusterCodes.QUERY_FILE_MISSING, diagnosticPath, "query", diagnostics);
        if (bytes.isEmpty()) {
            return new ParsedFile(path, Optional.empty(), Optional.empty());
        }
        String digest = Sha256.hex(bytes.get());
        Optional<String> text = SourceFiles.utf8(bytes.get());
        if (text.isEmpty()) {
            diagnostics.add(ClusterDiagnostic.error(ClusterCodes.QUERY_PARSE_ERROR, diagnosticPath,
                    "query file `" + path + "` is not valid UTF-8"));
            return new ParsedFile(path, Optional.of(digest), Optional.empty());
        }
        try {
            return new ParsedFile(path, Optional.of(digest),
                    Optional.of(QueryParser.parse(new dev.omnigraph.domain.lang.SourceFile(path, text.get()))));
        } catch (DiagnosticException invalid) {
            diagnostics.add(ClusterDiagnostic.error(ClusterCodes.QUERY_PARSE_ERROR, diagnosticPath,
                    invalid.primary().header()));
            return new ParsedFile(path, Optional.of(digest), Optional.empty());
        }
    }

    /**
     * The {@code .gq} files a declared path stands for: the file itself when it is one (or names a
     * {@code .gq} file), else every top-level {@code .gq} file of the folder, sorted.
     */
    private List<String> discover(String dir, String declaredPath, String diagnosticPath,
                                  List<ClusterDiagnostic> diagnostics) {
        String path = SourceFiles.resolve(dir, declaredPath);
        boolean isFile;
        try {
            isFile = files.read(path).isPresent();
        } catch (SourceFiles.UnreadableException unreadable) {
            isFile = false;
        }
        if (isFile || path.endsWith(".gq")) {
            return List.of(path);
        }
        List<String> names;
        try {
            names = files.listFiles(path);
        } catch (SourceFiles.UnreadableException unreadable) {
            diagnostics.add(ClusterDiagnostic.error(ClusterCodes.QUERY_DIR_UNREADABLE, diagnosticPath,
                    "could not list query directory `" + path + "`: " + unreadable.getMessage()));
            return List.of();
        }
        List<String> queryFiles = names.stream().filter(name -> name.endsWith(".gq")).map(name -> path + "/" + name)
                .toList();
        if (queryFiles.isEmpty()) {
            diagnostics.add(ClusterDiagnostic.warning(ClusterCodes.QUERY_DIR_EMPTY, diagnosticPath,
                    "query directory `" + path + "` contains no .gq files"));
        }
        return queryFiles;
    }

    // ---- policies --------------------------------------------------------------------------------

    /**
     * A policy bundle's file: read, parsed as YAML and read strictly as a bundle, then checked against the
     * kind its bindings give it (bound to {@code cluster} it may only allow {@code graph_list}; bound to
     * graphs it may not). Every problem becomes one {@code policy_invalid} at {@code policies.<name>.file}.
     * A bundle whose bindings are empty or mixed has its own binding diagnostics and is checked as a bundle
     * only. Cedar compilation is not repeated here: every bundle the domain accepts compiles, which the
     * policy engine's conformance suite pins.
     */
    private Optional<SourceFile> readPolicy(String dir, DeclaredPolicy policy, List<ClusterDiagnostic> diagnostics) {
        String path = SourceFiles.resolve(dir, policy.file());
        String diagnosticPath = "policies." + policy.name() + ".file";
        Optional<byte[]> bytes = readSource(path, ClusterCodes.POLICY_FILE_MISSING, diagnosticPath, "policy", diagnostics);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> text = SourceFiles.utf8(bytes.get());
        if (text.isEmpty()) {
            diagnostics.add(ClusterDiagnostic.error(ClusterCodes.POLICY_INVALID, diagnosticPath,
                    "policy file `" + path + "` is not valid UTF-8"));
        } else {
            try {
                JsonValue tree = yaml.decode(path, text.get());
                PolicyBundleRead read = PolicyBundleReader.read(path, text.get(), tree, boundKind(policy.runtime()));
                if (read instanceof PolicyBundleRead.Invalid invalid) {
                    diagnostics.add(ClusterDiagnostic.error(ClusterCodes.POLICY_INVALID, diagnosticPath,
                            invalid.message()));
                }
            } catch (MalformedYamlException malformed) {
                diagnostics.add(ClusterDiagnostic.error(ClusterCodes.POLICY_INVALID, diagnosticPath,
                        "policy bundle is not valid YAML: " + malformed.getMessage()));
            }
        }
        return Optional.of(new SourceFile(path, Sha256.hex(bytes.get())));
    }

    /** The kind a bundle is served as, from its bindings; none when they are empty or mixed. */
    private static Optional<PolicyKind> boundKind(PolicyRuntime runtime) {
        if (runtime instanceof PolicyRuntime.Server) {
            return Optional.of(PolicyKind.SERVER);
        }
        if (runtime instanceof PolicyRuntime.Graph) {
            return Optional.of(PolicyKind.GRAPH);
        }
        return Optional.empty();
    }

    private Optional<byte[]> readSource(String path, String missingCode, String diagnosticPath, String what,
                                        List<ClusterDiagnostic> diagnostics) {
        try {
            Optional<byte[]> bytes = files.read(path);
            if (bytes.isEmpty()) {
                diagnostics.add(ClusterDiagnostic.error(missingCode, diagnosticPath,
                        "could not read " + what + " file `" + path + "`: no such file"));
            }
            return bytes;
        } catch (SourceFiles.UnreadableException unreadable) {
            diagnostics.add(ClusterDiagnostic.error(missingCode, diagnosticPath,
                    "could not read " + what + " file `" + path + "`: " + unreadable.getMessage()));
            return Optional.empty();
        }
    }

    static String trimSlashes(String path) {
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
