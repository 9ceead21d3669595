package dev.omnigraph.domain.query.plan;

/** The plan of one query: a read pipeline or a list of mutations. */
public sealed interface QueryPlan permits QueryPlan.Read, QueryPlan.Write {

    String name();

    record Read(ReadPlan plan) implements QueryPlan {
        @Override
        public String name() {
            return plan.name();
        }
    }

    record Write(MutationPlan plan) implements QueryPlan {
        @Override
        public String name() {
            return plan.name();
        }
    }
}
