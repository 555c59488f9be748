package dev.retort.internal.revision;

import dev.retort.Index;
import dev.retort.Policy;
import dev.retort.Routine;
import dev.retort.RowSecurity;
import dev.retort.Trigger;
import dev.retort.View;
import dev.retort.operations.Change;
import dev.retort.operations.Operation;
import dev.retort.operations.PolicyOps;
import dev.retort.operations.RoutineOps;
import dev.retort.operations.TriggerOps;
import dev.retort.operations.ViewOps;

import java.util.List;

/** One operation of every kind on views, routines, triggers, policies and row-level security, with every attribute used. */
final class ProgramFixtures {
    private ProgramFixtures() {
    }

    static final View VIEW = new View(null, "live_doc", "SELECT id, title\n   FROM doc\n  WHERE NOT archived", false,
            List.of("security_barrier=true", "check_option=local"), List.of(), "live docs");
    static final View MATERIALIZED = new View(null, "doc_count", "SELECT owner, count(*) AS n FROM doc GROUP BY owner", true,
            List.of("fillfactor=70"), List.of(new Index("ix_doc_count_owner", List.of(Index.Element.column("owner")), true, null,
            null, List.of())), null);
    static final Routine FUNCTION = new Routine(null, "concat_with", Routine.Kind.FUNCTION, List.of(
            new Routine.Argument(Routine.Mode.IN, "count", "integer", "1"),
            new Routine.Argument(Routine.Mode.VARIADIC, "parts", "text[]", null),
            new Routine.Argument(Routine.Mode.OUT, "joined", "text", null)),
            "text", "plpgsql", "BEGIN\n  joined := array_to_string(parts, '-');\nEND", Routine.Volatility.STABLE, true, true, true,
            Routine.Parallel.SAFE, 10.5, null, List.of("search_path=${schema}, public", "work_mem=64MB"), "joins: it's \"easy\"");
    static final Routine PROCEDURE = new Routine(null, "archive", Routine.Kind.PROCEDURE,
            List.of(Routine.Argument.of("d", "integer"), new Routine.Argument(Routine.Mode.INOUT, null, "bigint", null)),
            null, "sql", "BEGIN ATOMIC\n UPDATE doc SET archived = true WHERE id = d;\nEND", null, false, false, false, null, null,
            null, List.of(), null);
    static final Trigger TRIGGER = new Trigger(null, "doc", "doc_touch", Trigger.Timing.AFTER,
            List.of(Trigger.Event.UPDATE, Trigger.Event.INSERT), List.of("title", "owner"), true, "old.title IS DISTINCT FROM new.title",
            "shared", "touch", List.of("a", "it's"), true, true, true, null, null, "touches");
    static final Trigger STATEMENT_TRIGGER = new Trigger(null, "doc", "doc_log", Trigger.Timing.AFTER,
            List.of(Trigger.Event.DELETE, Trigger.Event.TRUNCATE), List.of(), false, null, null, "log_it", List.of(), false, false,
            false, "gone", null, null);
    static final Policy POLICY = new Policy(null, "doc", "own_docs", false, Policy.Command.UPDATE, List.of("app", "Admin"),
            "owner = CURRENT_USER", "owner = CURRENT_USER", "only mine");

    static List<Operation> everyKind() {
        return List.of(
                new ViewOps.CreateView(VIEW, false),
                new ViewOps.CreateView(MATERIALIZED, true),
                new ViewOps.DropView(VIEW, true),
                new ViewOps.AlterView(new Change<>(VIEW, VIEW.withComment(null))),
                new RoutineOps.CreateRoutine(FUNCTION, false),
                new RoutineOps.DropRoutine(PROCEDURE, true),
                new RoutineOps.ReplaceRoutine(new Change<>(FUNCTION, FUNCTION.withBody("BEGIN\n  joined := '';\nEND"))),
                new TriggerOps.CreateTrigger(TRIGGER, false),
                new TriggerOps.DropTrigger(STATEMENT_TRIGGER, true),
                new TriggerOps.AlterTrigger(new Change<>(TRIGGER, TRIGGER.withComment("other"))),
                new PolicyOps.CreatePolicy(POLICY, false),
                new PolicyOps.DropPolicy(new Policy(null, "doc", "all_docs", true, Policy.Command.ALL, List.of(), null, null, null), true),
                new PolicyOps.AlterPolicy(new Change<>(POLICY, POLICY.withComment(null))),
                new PolicyOps.SetRowSecurity(new Change<>(new RowSecurity(null, "doc", false, false), new RowSecurity(null, "doc", true, true))));
    }
}
