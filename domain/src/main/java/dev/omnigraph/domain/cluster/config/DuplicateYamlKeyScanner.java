package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds repeated YAML keys in raw {@code cluster.yaml} text, before any parser can silently keep
 * the last one. A line-based indentation scanner like the reference's: block mappings and
 * sequence-of-mapping items ({@code - key: v}) at any depth, {@code #} comments outside quotes
 * ignored; flow collections ({@code {a: 1}}) are not looked into. Paths join keys with dots and
 * mark sequence items with {@code []} ({@code graphs.g.external_blobs.allow[].scope}).
 */
public final class DuplicateYamlKeyScanner {

    private DuplicateYamlKeyScanner() {
    }

    private record Frame(int indent, String path, Set<String> keys) {
    }

    public static List<ClusterDiagnostic> scan(String text) {
        List<ClusterDiagnostic> diagnostics = new ArrayList<>();
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(-1, "", new HashSet<>()));
        String[] lines = text.split("\r?\n", -1);
        for (int lineIndex = 0; lineIndex < lines.length; lineIndex++) {
            String line = stripComment(lines[lineIndex]);
            if (line.isBlank()) {
                continue;
            }
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            String trimmed = line.substring(indent);
            popTo(stack, indent);
            if (trimmed.equals("-") || trimmed.startsWith("- ")) {
                Frame parent = stack.peek();
                stack.push(new Frame(indent, parent.path().isEmpty() ? "[]" : parent.path() + "[]", new HashSet<>()));
                trimmed = trimmed.substring(1).stripLeading();
                if (trimmed.isEmpty()) {
                    continue;
                }
            }
            int colon = trimmed.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = trimmed.substring(0, colon).strip();
            String value = trimmed.substring(colon + 1);
            if (key.isEmpty() || key.startsWith("{") || key.startsWith("[")) {
                continue;
            }
            Frame parent = stack.peek();
            String fullPath = parent.path().isEmpty() ? key : parent.path() + "." + key;
            if (!parent.keys().add(key)) {
                diagnostics.add(ClusterDiagnostic.error(ClusterCodes.DUPLICATE_YAML_KEY, fullPath,
                        "duplicate YAML key `" + key + "` on line " + (lineIndex + 1)));
            }
            if (value.isBlank()) {
                stack.push(new Frame(indent, fullPath, new HashSet<>()));
            }
        }
        return diagnostics;
    }

    private static void popTo(Deque<Frame> stack, int indent) {
        while (stack.size() > 1 && indent <= stack.peek().indent()) {
            stack.pop();
        }
    }

    /** The line up to the first {@code #} that is outside single and double quotes. */
    static String stripComment(String line) {
        boolean inSingle = false;
        boolean inDouble = false;
        boolean escaped = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (escaped) {
                escaped = false;
                continue;
            }
            if (c == '\\' && inDouble) {
                escaped = true;
            } else if (c == '\'' && !inDouble) {
                inSingle = !inSingle;
            } else if (c == '"' && !inSingle) {
                inDouble = !inDouble;
            } else if (c == '#' && !inSingle && !inDouble) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
