package dev.omnigraph.domain.json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;

/**
 * Content digests over canonical JSON, spelled like the reference: {@code sha256:} followed by 64
 * lower-case hex digits of SHA-256 over the UTF-8 bytes of {@link JsonWriter#compact}.
 */
public final class JsonDigest {

    private JsonDigest() {
    }

    /** Orders strings by Unicode code point, which is the byte order of their UTF-8 encodings (Rust's {@code str} order). */
    public static final Comparator<String> CODE_POINT_ORDER = JsonDigest::compareCodePoints;

    public static String sha256(JsonValue value) {
        return sha256(JsonWriter.compact(value));
    }

    public static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder("sha256:");
            for (byte b : hash) {
                out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return out.toString();
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java platform provides SHA-256", missing);
        }
    }

    private static int compareCodePoints(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(left.length() - i, right.length() - j);
    }
}
