package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.out.MalformedYamlException;
import dev.omnigraph.ports.out.YamlDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operator layer: {@code ~/.omnigraph/config.yaml}, or {@code config.yaml} in the folder
 * {@code $OMNIGRAPH_HOME} names. It says who runs the command, never what a cluster is, and only the CLI
 * reads it. This build uses {@code operator.actor}: the actor of the cluster commands when {@code --as} is not
 * given ({@code --as} > {@code operator.actor} > none), and {@code clusters.<name>.root}: a {@code --cluster} value
 * naming a configured cluster stands for its root (any other value is a directory or URI, used as given).
 *
 * <p>The file is read once, when a command first needs it. An absent file (or no resolvable home) is an
 * empty layer. A file that cannot be read or parsed, or an {@code operator.actor} that is not a string, fails
 * the command that needed it: the operator owns the file and can fix it. Unknown keys only warn, so a file
 * written for a newer CLI still loads; the reference's other keys ({@code defaults}, {@code servers},
 * {@code aliases}, {@code profiles}) are accepted and not used here.
 */
public final class OperatorConfig {

    /** The variable naming the operator folder instead of {@code ~/.omnigraph}. */
    public static final String HOME_VARIABLE = "OMNIGRAPH_HOME";

    static final String FOLDER = ".omnigraph";
    static final String FILE_NAME = "config.yaml";

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("operator", "defaults", "servers", "aliases", "profiles",
            "clusters");
    private static final Set<String> OPERATOR_KEYS = Set.of("actor");
    private static final Set<String> CLUSTER_KEYS = Set.of("root");

    /** What the file says: the actor, the configured clusters' roots by name, and a warning per unknown key. */
    record Settings(Optional<String> actor, Map<String, String> clusterRoots, List<String> warnings) {
        Settings {
            Objects.requireNonNull(actor, "actor");
            clusterRoots = Map.copyOf(clusterRoots);
            warnings = List.copyOf(warnings);
        }

        static Settings empty() {
            return new Settings(Optional.empty(), Map.of(), List.of());
        }
    }

    /**
     * What a {@code --cluster} value stands for: the root of the configured cluster of that name, or the value
     * itself (a config directory or a storage root URI).
     *
     * @throws InvalidOperatorConfigException when the file exists but cannot be read or understood
     */
    public String clusterLocation(String value) {
        return settings().clusterRoots().getOrDefault(value, value);
    }

    /** The file exists but does not say anything usable; the message names the file. */
    public static final class InvalidOperatorConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidOperatorConfigException(String message) {
            super(message);
        }
    }

    private final Optional<Path> file;
    private final YamlDecoder yaml;
    private Settings settings;

    private OperatorConfig(Optional<Path> file, YamlDecoder yaml) {
        this.file = file;
        this.yaml = yaml;
    }

    /** No operator layer (tests, embedding). */
    public static OperatorConfig absent() {
        return new OperatorConfig(Optional.empty(), null);
    }

    /** The layer in {@code file}, read on first use. */
    public static OperatorConfig at(Path file, YamlDecoder yaml) {
        return new OperatorConfig(Optional.of(file), Objects.requireNonNull(yaml, "yaml"));
    }

    /**
     * {@code $OMNIGRAPH_HOME/config.yaml} when the variable is set (a leading {@code ~} is the user's home),
     * else {@code <userHome>/.omnigraph/config.yaml}; absent when neither is known.
     */
    public static OperatorConfig fromEnvironment(Map<String, String> environment, Optional<String> userHome,
                                                 YamlDecoder yaml) {
        String override = environment.get(HOME_VARIABLE);
        if (override != null && !override.isBlank()) {
            Path folder = override.equals("~") || override.startsWith("~/")
                    ? userHome.map(home -> Path.of(home + override.substring(1))).orElse(Path.of(override))
                    : Path.of(override);
            return at(folder.resolve(FILE_NAME), yaml);
        }
        return userHome.filter(home -> !home.isBlank())
                .map(home -> at(Path.of(home, FOLDER, FILE_NAME), yaml))
                .orElseGet(OperatorConfig::absent);
    }

    /** The file this layer reads, if any. */
    public Optional<Path> file() {
        return file;
    }

    /**
     * The settings, read on the first call.
     *
     * @throws InvalidOperatorConfigException when the file exists but cannot be read or understood
     */
    Settings settings() {
        if (settings == null) {
            settings = file.map(this::read).orElseGet(Settings::empty);
        }
        return settings;
    }

    private Settings read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException absent) {
            return Settings.empty();
        } catch (IOException unreadable) {
            throw new InvalidOperatorConfigException("could not read operator config '" + path + "': "
                    + unreadable.getMessage());
        }
        JsonValue document;
        try {
            document = yaml.decode(path.toString(), text);
        } catch (MalformedYamlException malformed) {
            throw new InvalidOperatorConfigException("could not parse operator config: " + malformed.getMessage());
        }
        if (document.isNull()) {
            return Settings.empty();
        }
        if (!(document instanceof JsonObject top)) {
            throw invalid(path, "the document must be a mapping");
        }
        List<String> warnings = new ArrayList<>();
        warnUnknown(top, TOP_LEVEL_KEYS, "", path, warnings);
        Map<String, String> clusterRoots = clusterRoots(top, path, warnings);
        JsonValue operator = top.find("operator").orElse(JsonValue.nullValue());
        if (operator.isNull()) {
            return new Settings(Optional.empty(), clusterRoots, warnings);
        }
        if (!(operator instanceof JsonObject identity)) {
            throw invalid(path, "`operator` must be a mapping");
        }
        warnUnknown(identity, OPERATOR_KEYS, "operator.", path, warnings);
        JsonValue actor = identity.find("actor").orElse(JsonValue.nullValue());
        if (actor.isNull()) {
            return new Settings(Optional.empty(), clusterRoots, warnings);
        }
        if (!(actor instanceof JsonString name)) {
            throw invalid(path, "`operator.actor` must be a string");
        }
        return new Settings(Optional.of(name.value().strip()).filter(value -> !value.isEmpty()), clusterRoots, warnings);
    }

    /** {@code clusters: {<name>: {root: <dir|uri>}}}. */
    private static Map<String, String> clusterRoots(JsonObject top, Path path, List<String> warnings) {
        JsonValue clusters = top.find("clusters").orElse(JsonValue.nullValue());
        if (clusters.isNull()) {
            return Map.of();
        }
        if (!(clusters instanceof JsonObject named)) {
            throw invalid(path, "`clusters` must be a mapping of cluster names");
        }
        Map<String, String> roots = new TreeMap<>();
        for (String name : named.keys()) {
            if (!(named.get(name) instanceof JsonObject cluster)) {
                throw invalid(path, "`clusters." + name + "` must be a mapping with `root`");
            }
            warnUnknown(cluster, CLUSTER_KEYS, "clusters." + name + ".", path, warnings);
            if (!(cluster.find("root").orElse(JsonValue.nullValue()) instanceof JsonString root)
                    || root.value().isBlank()) {
                throw invalid(path, "`clusters." + name + ".root` must be a directory or storage root URI");
            }
            roots.put(name, root.value().strip());
        }
        return roots;
    }

    private static void warnUnknown(JsonObject mapping, Set<String> known, String prefix, Path path,
                                    List<String> warnings) {
        for (String key : mapping.keys()) {
            if (!known.contains(key)) {
                warnings.add("unknown key `" + prefix + key + "` (newer CLI feature or typo); ignored in operator config '"
                        + path + "'");
            }
        }
    }

    private static InvalidOperatorConfigException invalid(Path path, String reason) {
        return new InvalidOperatorConfigException("invalid operator config '" + path + "': " + reason);
    }
}
