package dev.omnigraph.domain.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The lexical normal form of an external Blob base URI, as the engine's normaliser computes it:
 * lower-case scheme and bucket, path components percent-decoded and re-encoded (upper-case hex,
 * unreserved bytes literal), a trailing {@code /}. Only {@code s3://bucket/...} and local
 * {@code file:///...} are accepted; credentials, ports, queries, fragments, backslashes, dot
 * components, encoded separators and empty inner components are refused.
 *
 * <p>Deliberately lexical: the engine additionally canonicalises an embedded-only {@code file://}
 * base against the file system (it must be an existing directory). That check is I/O and belongs
 * to the adapter that reads the configuration; the persisted and digested spelling is this one.
 * Decoded path components are kept as ISO-8859-1 strings so that byte equality is string equality.
 */
record ExternalBlobUri(String scheme, String authority, List<String> path) {

    static final int MAX_URI_BYTES = 64 * 1024;

    ExternalBlobUri {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(authority, "authority");
        path = List.copyOf(path);
    }

    /** The engine wraps every policy failure like this (the URI itself is redacted). */
    static String policyError(String reason) {
        return "external blob URI '<redacted>' is not allowed: " + reason;
    }

    static Checked<ExternalBlobUri> parseBase(String raw) {
        try {
            return Checked.accepted(parse(raw));
        } catch (Invalid invalid) {
            return Checked.rejected(invalid.reason);
        }
    }

    /** Same scheme and bucket, and one path is a component-wise prefix of the other. */
    boolean overlaps(ExternalBlobUri other) {
        return scheme.equals(other.scheme) && authority.equals(other.authority)
                && (startsWith(path, other.path) || startsWith(other.path, path));
    }

    String renderBase() {
        StringBuilder out = new StringBuilder(scheme.equals("file") ? "file://" : scheme + "://" + authority);
        out.append('/');
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(encode(path.get(i)));
        }
        if (out.charAt(out.length() - 1) != '/') {
            out.append('/');
        }
        return out.toString();
    }

    private static boolean startsWith(List<String> whole, List<String> prefix) {
        return whole.size() >= prefix.size() && whole.subList(0, prefix.size()).equals(prefix);
    }

    private static ExternalBlobUri parse(String raw) {
        int rawBytes = raw.getBytes(StandardCharsets.UTF_8).length;
        if (rawBytes > MAX_URI_BYTES) {
            throw new Invalid("resource limit exceeded for external Blob URI bytes: actual " + rawBytes
                    + ", limit " + MAX_URI_BYTES);
        }
        if (raw.isEmpty() || !raw.strip().equals(raw)) {
            throw policy("external Blob URI must be non-empty and contain no surrounding whitespace");
        }
        if (raw.indexOf('\\') >= 0) {
            throw policy("external Blob URI paths may not contain backslashes");
        }
        rejectRawDotComponents(raw);
        int colon = raw.indexOf(':');
        if (colon <= 0 || !isScheme(raw.substring(0, colon))) {
            throw policy("external Blob URI is not a valid absolute URI: relative URL without a base");
        }
        String scheme = raw.substring(0, colon).toLowerCase(Locale.ROOT);
        String afterScheme = raw.substring(colon + 1);
        if (!afterScheme.startsWith("//")) {
            throw policy("external Blob URI must use a hierarchical storage scheme");
        }
        String rest = afterScheme.substring(2);
        int authorityEnd = firstOf(rest, "/?#");
        String authority = rest.substring(0, authorityEnd);
        String tail = rest.substring(authorityEnd);
        if (authority.contains("@")) {
            throw policy("external Blob URI may not contain user-info credentials");
        }
        if (tail.indexOf('?') >= 0 || tail.indexOf('#') >= 0) {
            throw policy("external Blob URI may not contain a query or fragment");
        }
        int portColon = authority.lastIndexOf(':');
        if (portColon >= 0) {
            String port = authority.substring(portColon + 1);
            if (!port.isEmpty() && port.chars().allMatch(Character::isDigit)) {
                throw policy("external Blob URI may not contain an explicit port");
            }
            if (!port.isEmpty()) {
                throw policy("external Blob URI is not a valid absolute URI: invalid port number");
            }
            authority = authority.substring(0, portColon);
        }
        String host = authority.toLowerCase(Locale.ROOT);
        String normalizedAuthority = switch (scheme) {
            case "s3" -> {
                if (host.isEmpty()) {
                    throw policy("an s3 external Blob URI must contain a bucket");
                }
                yield host;
            }
            case "file" -> {
                if (!host.isEmpty() && !host.equals("localhost")) {
                    throw policy("file external Blob URIs must be local and may not contain a host");
                }
                yield "";
            }
            default -> throw policy("external Blob URI scheme '" + scheme + "' is not supported by this build");
        };
        String encodedPath = scheme.equals("file") && tail.isEmpty() ? "/" : tail;
        if (!encodedPath.startsWith("/")) {
            throw policy("external Blob URI must contain an absolute path");
        }
        String body = encodedPath.substring(1);
        List<String> rawSegments = body.isEmpty() ? List.of() : List.of(body.split("/", -1));
        for (int i = 0; i < rawSegments.size(); i++) {
            if (rawSegments.get(i).isEmpty() && i + 1 != rawSegments.size()) {
                throw policy("external Blob URI contains an ambiguous empty path component");
            }
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawSegments) {
            segments.add(decode(segment));
        }
        if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        if (segments.stream().anyMatch(String::isEmpty)) {
            throw policy("external Blob base contains an ambiguous empty path component");
        }
        return new ExternalBlobUri(scheme, normalizedAuthority, segments);
    }

    private static boolean isScheme(String text) {
        if (text.isEmpty() || !isAsciiLetter(text.charAt(0))) {
            return false;
        }
        return text.chars().allMatch(c -> isAsciiLetter((char) c) || (c >= '0' && c <= '9') || c == '+' || c == '-'
                || c == '.');
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int firstOf(String text, String stops) {
        for (int i = 0; i < text.length(); i++) {
            if (stops.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    /** Runs the component decoder over the raw path before any URL normalisation could hide a dot. */
    private static void rejectRawDotComponents(String raw) {
        int schemeEnd = raw.indexOf("://");
        if (schemeEnd < 0) {
            return;
        }
        String afterAuthority = raw.substring(schemeEnd + 3);
        int pathStart = afterAuthority.indexOf('/');
        if (pathStart < 0) {
            return;
        }
        String rawPath = afterAuthority.substring(pathStart);
        int pathEnd = firstOf(rawPath, "?#");
        for (String component : rawPath.substring(0, pathEnd).split("/", -1)) {
            decode(component);
        }
    }

    private static String decode(String component) {
        byte[] source = component.getBytes(StandardCharsets.UTF_8);
        byte[] decoded = new byte[source.length];
        int length = 0;
        int index = 0;
        while (index < source.length) {
            if (source[index] == '%') {
                if (index + 2 >= source.length) {
                    throw policy("external Blob URI contains an incomplete percent escape");
                }
                int high = Character.digit(source[index + 1], 16);
                int low = Character.digit(source[index + 2], 16);
                if (high < 0 || low < 0) {
                    throw policy("external Blob URI contains an invalid percent escape");
                }
                decoded[length++] = (byte) ((high << 4) | low);
                index += 3;
            } else {
                decoded[length++] = source[index];
                index += 1;
            }
        }
        String bytes = new String(decoded, 0, length, StandardCharsets.ISO_8859_1);
        if (bytes.equals(".") || bytes.equals("..")) {
            throw policy("external Blob URI contains a dot path component");
        }
        if (bytes.chars().anyMatch(b -> b == 0 || b == '%' || b == '/' || b == '\\')) {
            throw policy("external Blob URI contains an encoded separator, percent sign, or NUL");
        }
        return bytes;
    }

    private static String encode(String latin1Bytes) {
        StringBuilder out = new StringBuilder(latin1Bytes.length());
        for (int i = 0; i < latin1Bytes.length(); i++) {
            char b = latin1Bytes.charAt(i);
            if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '.'
                    || b == '_' || b == '~') {
                out.append(b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static Invalid policy(String reason) {
        return new Invalid(policyError(reason));
    }

    /** Local control flow of the parser; never escapes this class. */
    private static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        Invalid(String reason) {
            super(reason);
            this.reason = reason;
        }
    }
}
