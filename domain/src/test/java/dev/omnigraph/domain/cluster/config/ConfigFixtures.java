package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.TestJson;
import dev.omnigraph.domain.json.JsonValue;

/** The behavioural notes' example cluster.yaml (section 1.6), as the YAML adapter would hand it over. */
final class ConfigFixtures {

    static final String EXAMPLE = """
            {
              "version": 1,
              "metadata": {"name": "acme-brain"},
              "storage": "s3://acme-omni/clusters/brain",
              "state": {"backend": "cluster", "lock": true},
              "providers": {"embedding": {
                "default": {"kind": "openai", "model": "text-embedding-3-small", "api_key": "${OPENAI_API_KEY}"}}},
              "graphs": {
                "people": {
                  "schema": "people.pg",
                  "queries": "queries/",
                  "embedding_provider": "default",
                  "external_blobs": {"allow": [{"base": "s3://acme-assets/people/", "scope": "server_safe"}]}
                },
                "archive": {
                  "schema": "people.pg",
                  "queries": {"find_old": {"file": "legacy/archive.gq"}}
                }
              },
              "policies": {
                "graph_rules": {"file": "graph.policy.yaml", "applies_to": ["people", "graph.archive"]},
                "server_rules": {"file": "server.policy.yaml", "applies_to": ["cluster"]}
              }
            }
            """;

    private ConfigFixtures() {
    }

    static JsonValue example() {
        return TestJson.parse(EXAMPLE);
    }

    static ClusterConfig parse(String json) {
        ConfigRead read = ClusterConfigReader.read(TestJson.parse(json));
        if (read instanceof ConfigRead.Parsed parsed) {
            return parsed.config();
        }
        throw new AssertionError("expected a parse, got " + read);
    }
}
