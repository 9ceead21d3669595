package dev.omnigraph.domain.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 as the cluster spells it: resource digests are bare lower-case hex; the ledger's
 * compare-and-swap token is {@code sha256:} followed by the hex of the exact file bytes.
 */
public final class Sha256 {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Sha256() {
    }

    public static String hex(byte[] bytes) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java platform provides SHA-256", missing);
        }
        StringBuilder out = new StringBuilder(64);
        for (byte b : hash) {
            out.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        return out.toString();
    }

    /** Hex digest of the UTF-8 bytes of {@code text}. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The ledger CAS token of a file's exact text: {@code sha256:<hex>}. */
    public static String casToken(String fileText) {
        return "sha256:" + hex(fileText);
    }
}
