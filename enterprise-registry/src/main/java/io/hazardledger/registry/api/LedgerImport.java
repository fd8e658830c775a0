package io.hazardledger.registry.api;

import io.hazardledger.contracts.enterprise.EnterpriseRegistered;
import io.hazardledger.eventstore.CommandContext;
import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.domain.Role;
import io.hazardledger.eventstore.domain.RuleViolation;
import io.hazardledger.eventstore.http.ProblemException;
import io.hazardledger.registry.domain.Enterprise;
import io.hazardledger.registry.domain.LedgerRules;
import io.hazardledger.registry.persistence.EnterpriseRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.hazardledger.registry.persistence.EnterpriseRecord;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Loads a CSV file into the ledger. Every row is checked on its own; each valid row is written in its own
 * transaction (its events, its outbox rows, its ledger row), so a bad row writes nothing and never stops the others.
 * The code (统一社会信用代码) is the key: a row for a code in the ledger revises that entry (an update, a relocation, or
 * nothing when equal), so importing the same file twice registers nothing twice.
 */
@ApplicationScoped
public class LedgerImport {
    private static final String IMPORT_REASON = "CSV import";
    private static final int LOOKUP_CHUNK = 1_000;

    @Inject
    EnterpriseRepository enterprises;
    @Inject
    LedgerRules rules;
    @Inject
    EntryValidation validation;
    /** Rows written at the same time, each in its own transaction. */
    @ConfigProperty(name = "registry.import.concurrency", defaultValue = "8")
    int concurrency;

    private enum Outcome { REGISTERED, UPDATED, UNCHANGED, REJECTED }

    private record Written(Outcome outcome, List<ImportReport.RowProblem> problems) {
        static Written of(Outcome outcome) {
            return new Written(outcome, List.of());
        }
    }

    public Uni<ImportReport> run(Caller caller, String csv, CommandContext context) {
        if (caller.role() != Role.REGULATOR && caller.role() != Role.ADMIN) {
            throw new Caller.Forbidden("import enterprises", caller.role());
        }
        List<LedgerCsv.Row> rows = LedgerCsv.read(csv);
        List<LedgerCsv.Row> checked = rows.stream().map(this::check).toList();
        markRepeats(checked);
        List<String> codes = checked.stream().filter(r -> r.problems().isEmpty()).map(LedgerCsv.Row::uscc).toList();
        return Multi.createFrom().iterable(chunks(codes)).onItem().transformToUniAndConcatenate(enterprises::findByUscc)
                .collect().in(HashMap<String, EnterpriseRecord>::new, Map::putAll)
                .chain(existing -> Multi.createFrom().iterable(checked)
                        .onItem().transformToUni(row -> onOwnContext(() -> write(caller, row, existing.get(row.uscc()), context)))
                        .merge(concurrency)
                        .collect().asList())
                .map(written -> report(rows.size(), written));
    }

    /** The row with every problem its cells, the constraints and the ledger's rules find, before anything is written. */
    private LedgerCsv.Row check(LedgerCsv.Row row) {
        List<ImportReport.RowProblem> problems = new ArrayList<>(row.problems());
        validation.violations(row.entry()).forEach(v -> problems.add(problem(row, v.field(), v.message())));
        if (problems.isEmpty()) {
            rules.violations(row.uscc(), row.entry().place(), row.entry().details())
                    .forEach(v -> problems.add(problem(row, v.field(), v.message())));
        }
        return new LedgerCsv.Row(row.number(), row.uscc(), row.entry(), problems);
    }

    /** A code seen on an earlier row of the file: the later row is refused, the first one stands. */
    private static void markRepeats(List<LedgerCsv.Row> rows) {
        Map<String, Integer> firstRow = new HashMap<>();
        for (LedgerCsv.Row row : rows) {
            if (row.uscc() == null) {
                continue;
            }
            Integer first = firstRow.putIfAbsent(row.uscc(), row.number());
            if (first != null && row.problems().isEmpty()) {
                row.problems().add(problem(row, "uscc", "repeats the code of row " + first));
            }
        }
    }

    private static List<List<String>> chunks(List<String> codes) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < codes.size(); from += LOOKUP_CHUNK) {
            chunks.add(codes.subList(from, Math.min(codes.size(), from + LOOKUP_CHUNK)));
        }
        return chunks;
    }

    /**
     * Runs {@code work} on a fresh duplicated Vert.x context: Hibernate Reactive keeps the current session in the
     * context, so rows written at the same time each need their own to get their own session and transaction.
     */
    private static <T> Uni<T> onOwnContext(Supplier<Uni<T>> work) {
        Context current = Vertx.currentContext();
        if (current == null) {
            return Uni.createFrom().deferred(work::get);
        }
        Context own = VertxContext.createNewDuplicatedContext(current);
        VertxContextSafetyToggle.setContextSafe(own, true); // isolated: no other request shares it
        return Uni.createFrom().emitter(emitter -> own.runOnContext(ignored ->
                work.get().subscribe().with(emitter::complete, emitter::fail)));
    }

    private Uni<Written> write(Caller caller, LedgerCsv.Row row, EnterpriseRecord current, CommandContext context) {
        if (!row.problems().isEmpty()) {
            return Uni.createFrom().item(new Written(Outcome.REJECTED, row.problems()));
        }
        EnterpriseEntry entry = row.entry();
        UUID existing = current == null ? null : current.id;
        // The ledger row is written with the events, so equal to it means equal to the stream: nothing to decide.
        if (current != null && entry.equals(EnterpriseEntry.of(EnterpriseView.of(current)))
                && caller.inScope(current.id, current.districtCode)) {
            return Uni.createFrom().item(Written.of(Outcome.UNCHANGED));
        }
        Uni<Written> written;
        if (existing == null) {
            written = Uni.createFrom().deferred(() -> {
                EnterpriseRegistered registered = Enterprise.register(caller, UUID.randomUUID(), entry.uscc(),
                        entry.place(), entry.details(), rules);
                return enterprises.register(registered, context).replaceWith(Written.of(Outcome.REGISTERED));
            });
        } else {
            written = enterprises.execute(existing, null, state -> state.revise(caller, entry.uscc(), entry.place(),
                            entry.details(), IMPORT_REASON, rules), context)
                    .map(revision -> Written.of(revision.changed() ? Outcome.UPDATED : Outcome.UNCHANGED));
        }
        return written.onFailure(LedgerImport::refusal).recoverWithItem(e -> new Written(Outcome.REJECTED, problems(row, e)));
    }

    /** Failures that are the row's fault; anything else (the database gone) fails the import. */
    private static boolean refusal(Throwable e) {
        return e instanceof RuleViolation || e instanceof Caller.OutOfScope || e instanceof Caller.Forbidden
                || e instanceof ProblemException p && p.problem().status() < 500;
    }

    private static List<ImportReport.RowProblem> problems(LedgerCsv.Row row, Throwable e) {
        if (e instanceof RuleViolation violation) {
            return violation.violations().stream().map(v -> problem(row, v.field(), v.message())).toList();
        }
        if (e instanceof Caller.OutOfScope) {
            return List.of(problem(row, "districtCode", "the enterprise is outside the districts you keep the ledger of"));
        }
        if (e instanceof ProblemException p && p.problem().status() == 409) {
            return List.of(problem(row, "uscc", p.problem().detail()));
        }
        return List.of(problem(row, "uscc", e.getMessage()));
    }

    private static ImportReport.RowProblem problem(LedgerCsv.Row row, String field, String reason) {
        return new ImportReport.RowProblem(row.number(), row.uscc(), LedgerCsv.columnOf(field), reason);
    }

    private static ImportReport report(int rows, List<Written> written) {
        Map<Outcome, Integer> counts = new HashMap<>();
        List<ImportReport.RowProblem> problems = new ArrayList<>();
        for (Written w : written) {
            counts.merge(w.outcome(), 1, Integer::sum);
            problems.addAll(w.problems());
        }
        problems.sort(Comparator.comparingInt(ImportReport.RowProblem::row));
        return new ImportReport(rows, counts.getOrDefault(Outcome.REGISTERED, 0), counts.getOrDefault(Outcome.UPDATED, 0),
                counts.getOrDefault(Outcome.UNCHANGED, 0), counts.getOrDefault(Outcome.REJECTED, 0), problems);
    }
}
