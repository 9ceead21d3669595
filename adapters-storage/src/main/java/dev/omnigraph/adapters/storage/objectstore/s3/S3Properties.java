package dev.omnigraph.adapters.storage.objectstore.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Settings of the S3 object stores, as the standard AWS environment variables describe them. The same
 * record feeds the object store and Lance's storage options, so both talk to one endpoint the same way.
 *
 * @param endpoint a custom endpoint (S3-compatible servers, emulators); empty for AWS itself
 * @param region the signing region; empty means "not configured": AWS is then reached in
 *     {@value #FALLBACK_REGION} with cross-region access enabled, so a bucket in another region still works
 * @param allowHttp whether a plain-HTTP endpoint is acceptable; without it an {@code http://} endpoint is
 *     refused, so credentials are never sent in clear text by accident
 * @param forcePathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}; most
 *     S3-compatible servers need it
 * @param credentials static credentials; empty means the AWS SDK's default provider chain (profiles,
 *     container and instance roles, SSO)
 * @param maxAttempts the most attempts per request, first try included; empty means the SDK's standard mode
 *     default
 * @param checksumsOnlyWhenRequired whether request and response checksums are limited to the operations
 *     that require them; S3-compatible servers often mishandle the SDK's default streaming checksums
 */
public record S3Properties(Optional<URI> endpoint, Optional<String> region, boolean allowHttp, boolean forcePathStyle,
        Optional<S3Credentials> credentials, OptionalInt maxAttempts, boolean checksumsOnlyWhenRequired) {

    /** The region used to sign requests when none is configured. */
    public static final String FALLBACK_REGION = "us-east-1";

    public S3Properties {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(maxAttempts, "maxAttempts");
        endpoint.ifPresent(uri -> checkEndpoint(uri, allowHttp));
        region.ifPresent(value -> {
            if (value.isBlank()) {
                throw new IllegalArgumentException("an S3 region must not be blank");
            }
        });
        maxAttempts.ifPresent(attempts -> {
            if (attempts < 1) {
                throw new IllegalArgumentException("AWS_MAX_ATTEMPTS must be at least 1, got " + attempts);
            }
        });
    }

    /** Static AWS credentials; {@link #toString()} never shows the secret parts. */
    public record S3Credentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
        public S3Credentials {
            if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
                throw new IllegalArgumentException("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must both be set");
            }
            Objects.requireNonNull(sessionToken, "sessionToken");
        }

        @Override
        public String toString() {
            return "S3Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***"
                    + (sessionToken.isPresent() ? ", sessionToken=***" : "") + "]";
        }
    }

    /**
     * Reads the settings from environment variables (the map is the process environment in production and
     * a hand-made map in tests):
     * <ul>
     *   <li>{@code AWS_ENDPOINT_URL_S3}, else {@code AWS_ENDPOINT_URL}: the endpoint;</li>
     *   <li>{@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}: the region;</li>
     *   <li>{@code AWS_ALLOW_HTTP}: truthy to accept an {@code http://} endpoint;</li>
     *   <li>{@code AWS_S3_FORCE_PATH_STYLE}: truthy or falsy; when unset, path style is used exactly when a
     *       custom endpoint is set;</li>
     *   <li>{@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}: static
     *       credentials (the first two together or neither);</li>
     *   <li>{@code AWS_MAX_ATTEMPTS}: attempts per request;</li>
     *   <li>{@code AWS_REQUEST_CHECKSUM_CALCULATION}: {@code when_required} or {@code when_supported}; when
     *       unset, {@code when_required} with a custom endpoint and the SDK default on AWS.</li>
     * </ul>
     * Truthy is {@code 1}, {@code true}, {@code yes}, {@code y} or {@code on}; falsy is {@code 0},
     * {@code false}, {@code no}, {@code n} or {@code off} (any case).
     *
     * @throws IllegalArgumentException for a malformed value or an inconsistent combination
     */
    public static S3Properties fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        Optional<URI> endpoint = first(environment, "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL").map(S3Properties::parseEndpoint);
        Optional<String> region = first(environment, "AWS_REGION", "AWS_DEFAULT_REGION");
        boolean allowHttp = flag(environment, "AWS_ALLOW_HTTP").orElse(false);
        boolean forcePathStyle = flag(environment, "AWS_S3_FORCE_PATH_STYLE").orElse(endpoint.isPresent());
        Optional<String> accessKeyId = first(environment, "AWS_ACCESS_KEY_ID");
        Optional<String> secretAccessKey = first(environment, "AWS_SECRET_ACCESS_KEY");
        Optional<S3Credentials> credentials = Optional.empty();
        if (accessKeyId.isPresent() || secretAccessKey.isPresent()) {
            credentials = Optional.of(new S3Credentials(accessKeyId.orElse(null), secretAccessKey.orElse(null),
                    first(environment, "AWS_SESSION_TOKEN")));
        }
        OptionalInt maxAttempts = first(environment, "AWS_MAX_ATTEMPTS")
                .map(value -> OptionalInt.of(parseInt("AWS_MAX_ATTEMPTS", value)))
                .orElse(OptionalInt.empty());
        boolean checksumsOnlyWhenRequired = first(environment, "AWS_REQUEST_CHECKSUM_CALCULATION")
                .map(S3Properties::parseChecksumMode)
                .orElse(endpoint.isPresent());
        return new S3Properties(endpoint, region, allowHttp, forcePathStyle, credentials, maxAttempts, checksumsOnlyWhenRequired);
    }

    /** The region requests are signed for. */
    public String signingRegion() {
        return region.orElse(FALLBACK_REGION);
    }

    private static void checkEndpoint(URI endpoint, boolean allowHttp) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("the S3 endpoint " + endpoint + " must be an http:// or https:// URL");
        }
        if (endpoint.getHost() == null) {
            throw new IllegalArgumentException("the S3 endpoint " + endpoint + " has no host");
        }
        if (scheme.equals("http") && !allowHttp) {
            throw new IllegalArgumentException("the S3 endpoint " + endpoint
                    + " is plain HTTP; set AWS_ALLOW_HTTP=true to allow it (credentials travel unencrypted)");
        }
    }

    private static URI parseEndpoint(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("AWS_ENDPOINT_URL is not a URL: " + value, e);
        }
    }

    private static boolean parseChecksumMode(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "when_required" -> true;
            case "when_supported" -> false;
            default -> throw new IllegalArgumentException(
                    "AWS_REQUEST_CHECKSUM_CALCULATION must be when_required or when_supported, got '" + value + "'");
        };
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
        }
    }

    private static Optional<String> first(Map<String, String> environment, String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    private static Optional<Boolean> flag(Map<String, String> environment, String name) {
        return first(environment, name).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "y", "on" -> true;
            case "0", "false", "no", "n", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
        });
    }
}
