package dev.omnigraph.adapters.cli;

import dev.omnigraph.ports.in.ApplySchemaUseCase;
import dev.omnigraph.ports.in.CheckSchemaUseCase;
import dev.omnigraph.ports.in.CleanUpGraphUseCase;
import dev.omnigraph.ports.in.DescribeGraphUseCase;
import dev.omnigraph.ports.in.ExportGraphUseCase;
import dev.omnigraph.ports.in.InitGraphUseCase;
import dev.omnigraph.ports.in.InspectPolicyUseCase;
import dev.omnigraph.ports.in.InspectStoredQueriesUseCase;
import dev.omnigraph.ports.in.LintQueriesUseCase;
import dev.omnigraph.ports.in.LoadGraphUseCase;
import dev.omnigraph.ports.in.LocateClusterGraphUseCase;
import dev.omnigraph.ports.in.ManageBranchesUseCase;
import dev.omnigraph.ports.in.ManageClusterUseCase;
import dev.omnigraph.ports.in.MutateGraphUseCase;
import dev.omnigraph.ports.in.OptimizeGraphUseCase;
import dev.omnigraph.ports.in.PlanSchemaUseCase;
import dev.omnigraph.ports.in.QueryGraphUseCase;
import dev.omnigraph.ports.in.RepairGraphUseCase;

/** The use cases the command line drives; bootstrap supplies them. */
public record CliServices(InitGraphUseCase init, LoadGraphUseCase load, ExportGraphUseCase export,
                          DescribeGraphUseCase describe, CheckSchemaUseCase checkSchema, PlanSchemaUseCase planSchema,
                          LintQueriesUseCase lint, QueryGraphUseCase query,
                          MutateGraphUseCase mutate, ManageBranchesUseCase branches,
                          ApplySchemaUseCase applySchema, ManageClusterUseCase cluster,
                          OptimizeGraphUseCase optimize, RepairGraphUseCase repair, CleanUpGraphUseCase cleanUp,
                          LocateClusterGraphUseCase locateGraph, InspectStoredQueriesUseCase storedQueries,
                          InspectPolicyUseCase policy) {}
