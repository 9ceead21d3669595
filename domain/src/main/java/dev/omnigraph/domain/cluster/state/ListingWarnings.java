package dev.omnigraph.domain.cluster.state;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;

import java.util.Optional;

/**
 * Warnings for files of a listed directory (approvals, recoveries) that are skipped and left in
 * place: unparseable ({@code could not parse (...); leaving it in place}) or of another version.
 */
final class ListingWarnings {

    private ListingWarnings() {
    }

    static <T> Optional<ClusterDiagnostic> of(String location, DocumentDecoding<T> decoding, String parseCode,
                                              String versionCode) {
        if (decoding instanceof DocumentDecoding.Malformed<T> malformed) {
            return Optional.of(ClusterDiagnostic.warning(parseCode, location,
                    "could not parse (" + malformed.problem() + "); leaving it in place"));
        }
        if (decoding instanceof DocumentDecoding.UnsupportedVersion<T>) {
            return Optional.of(ClusterDiagnostic.warning(versionCode, location,
                    "unsupported schema version; leaving it in place"));
        }
        return Optional.empty();
    }
}
