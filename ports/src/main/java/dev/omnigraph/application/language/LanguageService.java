package dev.omnigraph.application.language;

import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.engine.SchemaContract;
import dev.omnigraph.domain.lang.DiagnosticException;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.lint.QueryLinter;
import dev.omnigraph.domain.query.lint.SchemaSource;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.domain.query.typecheck.SchemaCatalogs;
import dev.omnigraph.domain.schema.InterfaceDeclaration;
import dev.omnigraph.domain.schema.SchemaCompiler;
import dev.omnigraph.domain.schema.ValidatedSchema;
import dev.omnigraph.domain.schema.ir.SchemaIdentityDomain;
import dev.omnigraph.domain.schema.ir.SchemaIdentityResolver;
import dev.omnigraph.domain.schema.ir.SchemaIr;
import dev.omnigraph.domain.schema.migration.MigrationPlan;
import dev.omnigraph.domain.schema.migration.MigrationPlanner;
import dev.omnigraph.ports.in.CheckSchemaCommand;
import dev.omnigraph.ports.in.CheckSchemaResult;
import dev.omnigraph.ports.in.CheckSchemaUseCase;
import dev.omnigraph.ports.in.LintQueriesCommand;
import dev.omnigraph.ports.in.LintQueriesResult;
import dev.omnigraph.ports.in.LintQueriesUseCase;
import dev.omnigraph.ports.in.PlanSchemaCommand;
import dev.omnigraph.ports.in.PlanSchemaResult;
import dev.omnigraph.ports.in.PlanSchemaUseCase;
import dev.omnigraph.ports.out.IdSource;
import dev.omnigraph.ports.out.table.TableRef;
import java.util.List;

/** Schema check, schema plan and query lint. */
public final class LanguageService implements CheckSchemaUseCase, PlanSchemaUseCase, LintQueriesUseCase {

    private final GraphEngineService engine;
    private final IdSource ids;

    public LanguageService(GraphEngineService engine, IdSource ids) {
        this.engine = engine;
        this.ids = ids;
    }

    @Override
    public CheckSchemaResult checkSchema(CheckSchemaCommand command) {
        SourceFile source = new SourceFile(command.schemaPath(), command.schemaSource());
        try {
            ValidatedSchema schema = SchemaCompiler.compile(source);
            return new CheckSchemaResult(command.schemaPath(), true, List.of(), List.of(),
                    schema.interfaces().stream().map(InterfaceDeclaration::name).map(Object::toString).toList(),
                    schema.nodes().stream().map(n -> n.name()).map(Object::toString).toList(),
                    schema.edges().stream().map(e -> e.name()).map(Object::toString).toList());
        } catch (DiagnosticException invalid) {
            return new CheckSchemaResult(command.schemaPath(), false, invalid.diagnostics(),
                    invalid.diagnostics().stream().map(d -> d.render(source)).toList(), List.of(), List.of(), List.of());
        }
    }

    @Override
    public PlanSchemaResult planSchema(PlanSchemaCommand command) {
        ValidatedSchema desired = SchemaCompiler.compile(new SourceFile(command.toPath(), command.toSource()));
        SchemaIr accepted;
        String base;
        if (command.fromPath().isPresent()) {
            ValidatedSchema old = SchemaCompiler.compile(new SourceFile(command.fromPath().get(), command.fromSource().get()));
            accepted = SchemaIdentityResolver.initialize(SchemaIdentityDomain.parse(ids.newUlid()), old).schemaIr();
            base = command.fromPath().get();
        } else {
            accepted = engine.open(command.graphUri().get(), TableRef.MAIN).schema().ir();
            base = command.graphUri().get();
        }
        MigrationPlan plan = MigrationPlanner.plan(accepted, desired);
        return new PlanSchemaResult(base, command.toPath(), command.allowDataLoss() ? plan.withHardDrops() : plan);
    }

    @Override
    public LintQueriesResult lintQueries(LintQueriesCommand command) {
        QueryCatalog catalog;
        SchemaSource schemaSource;
        if (command.schemaPath().isPresent()) {
            catalog = SchemaCatalogs.of(SchemaCompiler.compile(
                    new SourceFile(command.schemaPath().get(), command.schemaSource().get())));
            schemaSource = new SchemaSource.File(command.schemaPath().get());
        } else {
            SchemaContract contract = engine.open(command.graphUri().get(), TableRef.MAIN).schema();
            catalog = SchemaCatalogs.of(contract.validated());
            schemaSource = new SchemaSource.Graph(command.graphUri().get());
        }
        return new LintQueriesResult(QueryLinter.lint(catalog, new SourceFile(command.queryPath(), command.querySource()),
                schemaSource));
    }
}
