package dev.omnigraph.adapters.policy;

import com.cedarpolicy.AuthorizationEngine;
import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.DetailedError;
import com.cedarpolicy.model.ValidationRequest;
import com.cedarpolicy.model.ValidationResponse;
import com.cedarpolicy.model.entity.Entities;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.model.schema.Schema;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import dev.omnigraph.domain.policy.CedarPermit;
import dev.omnigraph.domain.policy.CedarPolicyText;
import dev.omnigraph.domain.policy.PolicyBundle;
import dev.omnigraph.domain.policy.PolicyScope;
import dev.omnigraph.ports.out.PolicyCompilationException;
import dev.omnigraph.ports.out.PolicyDecider;
import dev.omnigraph.ports.out.PolicyEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PolicyEngine} on cedar-java. Compiling a bundle: refuse it if it does not fit the scope's kind;
 * take the domain's permits, giving each Cedar policy the permit's id ({@code <rule id>:<action>}) so the
 * policies a Cedar answer names map back to rule ids; validate the policy set strictly against the domain's
 * schema; build the entities (each group, each actor with its groups as parents, the scope's graph and the
 * server root); and cache the policy set in the native library so each evaluation does not re-send it.
 */
final class CedarPolicyEngine implements PolicyEngine {

    private static final Logger LOG = LoggerFactory.getLogger(CedarPolicyEngine.class);

    private final AuthorizationEngine cedar;

    CedarPolicyEngine() {
        this.cedar = new BasicAuthorizationEngine();
    }

    @Override
    public PolicyDecider compile(PolicyBundle bundle, PolicyScope scope) {
        List<String> misfits = bundle.bindingProblems(scope.kind());
        if (!misfits.isEmpty()) {
            throw new PolicyCompilationException("the policy bundle cannot govern " + scope + ": "
                    + String.join("; ", misfits));
        }
        List<CedarPermit> permits = CedarPolicyText.permits(bundle, scope);
        Set<Policy> policies = new LinkedHashSet<>();
        Map<String, String> ruleOfPolicy = new HashMap<>();
        for (CedarPermit permit : permits) {
            policies.add(new Policy(permit.text(), permit.policyId()));
            ruleOfPolicy.put(permit.policyId(), permit.ruleId());
        }
        PolicySet policySet = new PolicySet(policies);
        Schema schema = parseSchema();
        validate(schema, policySet);
        cache(policySet, schema);
        return new CedarPolicyDecider(scope, bundle, cedar, schema, policySet, entities(bundle, scope), ruleOfPolicy);
    }

    private static Schema parseSchema() {
        try {
            return Schema.parse(Schema.JsonOrCedar.Cedar, CedarPolicyText.SCHEMA);
        } catch (InternalException | RuntimeException | LinkageError failed) {
            throw new PolicyCompilationException("the Cedar schema could not be loaded: " + failed.getMessage(), failed);
        }
    }

    private void validate(Schema schema, PolicySet policySet) {
        ValidationResponse response;
        try {
            response = cedar.validate(new ValidationRequest(schema, policySet));
        } catch (AuthException | RuntimeException | LinkageError failed) {
            throw new PolicyCompilationException("policy validation failed: " + failed.getMessage(), failed);
        }
        if (!response.validationPassed()) {
            List<String> errors = new ArrayList<>();
            response.errors.ifPresent(list -> list.forEach(error -> errors.add(describe(error))));
            response.success.ifPresent(success -> success.validationErrors.forEach(error ->
                    errors.add(error.getPolicyId() + ": " + describe(error.getError()))));
            throw new PolicyCompilationException("policy validation failed:\n" + String.join("\n", errors));
        }
    }

    private static void cache(PolicySet policySet, Schema schema) {
        try {
            policySet.cache();
            schema.cache();
        } catch (CacheException notCached) {
            // Caching only saves re-sending the policies on each call; evaluation is correct without it.
            LOG.debug("Cedar policy set not cached: {}", notCached.getMessage());
        }
    }

    static String describe(DetailedError error) {
        return error.help.map(help -> error.message + " (" + help + ")").orElse(error.message);
    }

    private static Entities entities(PolicyBundle bundle, PolicyScope scope) {
        Set<Entity> entities = new HashSet<>();
        for (String group : bundle.groups().keySet()) {
            entities.add(new Entity(uid(CedarPolicyText.GROUP_TYPE, group)));
        }
        for (String actor : bundle.knownActors()) {
            Set<EntityUID> parents = bundle.groupsOf(actor).stream()
                    .map(group -> uid(CedarPolicyText.GROUP_TYPE, group))
                    .collect(Collectors.toSet());
            entities.add(new Entity(uid(CedarPolicyText.ACTOR_TYPE, actor), parents));
        }
        entities.add(new Entity(uid(CedarPolicyText.GRAPH_TYPE, scope.resourceId())));
        entities.add(new Entity(uid(CedarPolicyText.SERVER_TYPE, PolicyScope.SERVER_RESOURCE_ID)));
        return new Entities(entities);
    }

    static EntityUID uid(String type, String id) {
        EntityTypeName typeName = EntityTypeName.parse(type)
                .orElseThrow(() -> new IllegalStateException("not a Cedar entity type: " + type));
        return typeName.of(id);
    }
}
