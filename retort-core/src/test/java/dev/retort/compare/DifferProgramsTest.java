package dev.retort.compare;

import dev.retort.Column;
import dev.retort.MetaData;
import dev.retort.Policy;
import dev.retort.Routine;
import dev.retort.Table;
import dev.retort.Trigger;
import dev.retort.Types;
import dev.retort.View;
import dev.retort.operations.Operation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.retort.Dsl.column;
import static dev.retort.Dsl.function;
import static dev.retort.Dsl.policy;
import static dev.retort.Dsl.trigger;
import static dev.retort.Dsl.view;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Views, routines, triggers and policies in the differ, over pure models: where each goes in the
 * order, what makes way for what, which drops are destructive, and what the model must hold.
 */
class DifferProgramsTest {

    private static List<String> diff(MetaData model, MetaData database) {
        return Differ.compare(model, database, CompareOptions.managing("app")).describe();
    }

    private static List<String> diffWithoutDrops(MetaData model, MetaData database) {
        return Differ.compare(model, database, CompareOptions.managing("app").withDrops(false)).describe();
    }

    /** t(id, label) with a function label_of, a view v on t calling it, a view w on v, a trigger and a policy on t. */
    private static MetaData model(String labelType, String vQuery) {
        MetaData md = new MetaData("app");
        md.table("t", column("id", INTEGER).primaryKey(), column("label", Types.nativeType(labelType)), column("note", TEXT));
        md.routine(function("label_of").argument("x", "integer").returns("text").language("sql")
                .body("SELECT label FROM t WHERE id = x"));
        md.routine(function("touch").returns("trigger").language("plpgsql").body("BEGIN RETURN NEW; END"));
        md.view(view("w", "SELECT id FROM v"));
        md.view(view("v", vQuery));
        md.trigger(trigger("t_touch").on("t").before(Trigger.Event.UPDATE).updateOf("label").forEachRow().execute("touch"));
        md.policy(policy("p").on("t").using("label <> 'secret'"));
        return md;
    }

    private static final String V = "SELECT id, label_of(id) AS l FROM t";

    @Test
    void aModelIsCreatedWithRoutinesAndViewsInDependencyOrder() {
        assertThat(diff(model("text", V), new MetaData("app"))).containsExactly(
                "  create table t",
                "  create function label_of(integer)",
                "  create function touch()",
                "  create view v",
                "  create view w",
                "  create policy p on t",
                "  create trigger t_touch on t");
    }

    @Test
    void aModelIsDroppedDependantsFirstAndEveryDropIsDestructive() {
        assertThat(diff(new MetaData("app"), model("text", V))).containsExactly(
                "! drop policy p on t",
                "! drop trigger t_touch on t",
                "! drop view w",
                "! drop view v",
                "! drop table t",
                "! drop function label_of(integer)",
                "! drop function touch()");
    }

    @Test
    void nothingChangesNothing() {
        assertThat(diff(model("text", V), model("text", V))).isEmpty();
    }

    @Test
    void whatStandsOnAColumnWhoseTypeChangesMakesWayAndNothingElse() {
        assertThat(diff(model("varchar(20)", V), model("text", V))).containsExactly(
                "  drop policy p on t (made again below)",
                "  drop trigger t_touch on t (made again below)",
                "! alter column t.label: type native:text -> native:varchar(20)",
                "  create policy p on t",
                "  create trigger t_touch on t");
    }

    @Test
    void aViewOnAChangedColumnMakesWayAndSoDoTheViewsOnIt() {
        String onLabel = "SELECT id, label FROM t";
        assertThat(diff(model("varchar(20)", onLabel), model("text", onLabel))).containsExactly(
                "  drop policy p on t (made again below)",
                "  drop trigger t_touch on t (made again below)",
                "  drop view w (made again below)",
                "  drop view v (made again below)",
                "! alter column t.label: type native:text -> native:varchar(20)",
                "  create view v",
                "  create view w",
                "  create policy p on t",
                "  create trigger t_touch on t");
    }

    @Test
    void aChangedViewTakesTheViewsOnItAlong() {
        assertThat(diff(model("text", "SELECT id FROM t"), model("text", V))).containsExactly(
                "  drop view w (made again below)",
                "  drop view v (made again below)",
                "  create view v",
                "  create view w");
    }

    @Test
    void aRoutineWhoseResultChangesIsMadeAgainWithWhatCallsIt() {
        MetaData changed = model("text", V);
        MetaData model = new MetaData("app");
        changed.tables().values().forEach(model::add);
        for (Routine r : changed.routines().values()) {
            model.addRoutine(r.name().equals("label_of") ? new Routine(r.schema(), r.name(), r.kind(), r.arguments(), "varchar",
                    r.language(), r.body(), r.volatility(), false, false, false, null, null, null, List.of(), null) : r);
        }
        changed.views().values().forEach(model::addView);
        changed.triggers().values().forEach(model::addTrigger);
        changed.policies().values().forEach(model::addPolicy);
        assertThat(diff(model, changed)).containsExactly(
                "  drop view w (made again below)",
                "  drop view v (made again below)",
                "  drop function label_of(integer) (made again below)",
                "  create function label_of(integer)",
                "  create view v",
                "  create view w");
    }

    @Test
    void aRoutineWhoseBodyChangesIsReplacedInPlace() {
        MetaData before = model("text", V);
        MetaData after = new MetaData("app");
        before.tables().values().forEach(after::add);
        before.routines().values().forEach(r -> after.addRoutine(r.name().equals("touch") ? r.withBody("BEGIN RETURN OLD; END") : r));
        Convergence.copyRest(before, after);
        assertThat(diff(after, before)).containsExactly("  replace function touch()");
    }

    @Test
    void routinesThatTablesCallComeBeforeTheTables() {
        MetaData md = new MetaData("app");
        md.routine(function("next_code").returns("text").language("sql").body("SELECT 'x'"));
        md.table("t", column("code", TEXT).defaultExpr("next_code()"));
        assertThat(diff(md, new MetaData("app"))).containsExactly("  create function next_code()", "  create table t");
    }

    @Test
    void withoutDropsWhatTheModelLacksStaysAndMakesWayWhenItMust() {
        MetaData database = model("text", "SELECT id, label FROM t");
        MetaData model = new MetaData("app");
        model.table("t", column("id", INTEGER).primaryKey(), column("label", Types.nativeType("varchar(20)")), column("note", TEXT));
        model.routine(function("touch").returns("trigger").language("plpgsql").body("BEGIN RETURN NEW; END"));
        assertThat(diffWithoutDrops(model, database)).containsExactly(
                "  drop policy p on t (made again below)",
                "  drop trigger t_touch on t (made again below)",
                "  drop view w (made again below)",
                "  drop view v (made again below)",
                "! alter column t.label: type native:text -> native:varchar(20)",
                "  create view v",
                "  create view w",
                "  create policy p on t",
                "  create trigger t_touch on t");
    }

    @Test
    void aTriggerOrPolicyOnATableOutsideTheModelIsRefused() {
        MetaData md = new MetaData("app");
        md.routine(function("touch").returns("trigger").language("plpgsql").body("BEGIN RETURN NEW; END"));
        md.trigger(trigger("x").on("missing").before(Trigger.Event.INSERT).execute("touch"));
        assertThatThrownBy(() -> diff(md, new MetaData("app"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trigger x is on app.missing, which is not a table or view of the model");

        MetaData p = new MetaData("app");
        p.policy(policy("own").on("missing").using("true"));
        assertThatThrownBy(() -> diff(p, new MetaData("app"))).hasMessage("policy own is on app.missing, which is not a table of the model");
    }

    @Test
    void aTriggerRunningAFunctionOutsideTheModelIsRefused() {
        MetaData md = new MetaData("app");
        md.table("t", column("id", INTEGER));
        md.trigger(trigger("x").on("t").before(Trigger.Event.INSERT).execute("nowhere"));
        assertThatThrownBy(() -> diff(md, new MetaData("app")))
                .hasMessage("trigger x on t runs function app.nowhere, which is not a function of the model");
    }

    @Test
    void theCanonicalFormsDecideEqualityButTheModelsTextIsEmitted() {
        MetaData model = new MetaData("app");
        model.table("t", column("id", INTEGER));
        View typed = model.view(view("v", "select id from t"));
        MetaData database = new MetaData("app");
        database.table("t", column("id", INTEGER));
        database.addView(new View("app", "v", "SELECT t.id\n   FROM t", false, List.of(), List.of(), null));

        assertThat(diff(model, database)).as("as written, the texts differ").hasSize(2);
        Canonical said = new Canonical(Map.of(typed.key(), database.views().get("app.v")), Map.of(), Map.of(), Map.of(), true);
        assertThat(Differ.compare(model, database, CompareOptions.managing("app").withCanonical(said)).describe()).isEmpty();

        Canonical other = new Canonical(Map.of(typed.key(), new View("app", "v", "SELECT 1 AS id", false, List.of(), List.of(), null)),
                Map.of(), Map.of(), Map.of(), true);
        List<Operation> ops = Differ.compare(model, database, CompareOptions.managing("app").withCanonical(other)).operations();
        assertThat(ops).hasSize(2);
        assertThat(ops.get(1)).isEqualTo(new dev.retort.operations.ViewOps.CreateView(typed, true));
    }

    @Test
    void twoModelRoutinesThatTheDatabaseTakesForOneAreRefused() {
        MetaData model = new MetaData("app");
        Routine a = model.routine(function("f").argument("x", "int").returns("int").language("sql").body("SELECT x"));
        Routine b = model.routine(function("f").argument("x", "integer").returns("int").language("sql").body("SELECT x"));
        Routine canonical = new Routine("app", "f", Routine.Kind.FUNCTION, List.of(Routine.Argument.of("x", "integer")), "integer",
                "sql", "SELECT x", null, false, false, false, null, null, null, List.of(), null);
        Canonical said = new Canonical(Map.of(), Map.of(a.key(), canonical, b.key(), canonical), Map.of(), Map.of(), true);
        assertThatThrownBy(() -> Differ.compare(model, new MetaData("app"), CompareOptions.managing("app").withCanonical(said)))
                .hasMessage("functions app.f(int) and app.f(integer) are the same function to the database (app.f(integer))");
    }

    @Test
    void policiesChangeInPlaceUnlessTheirCommandChangesOrAConditionGoes() {
        MetaData before = new MetaData("app");
        before.table("t", column("id", INTEGER), column("owner", TEXT));
        before.policy(policy("p").on("t").forCommand(Policy.Command.UPDATE).using("owner = current_user").withCheck("id > 0"));
        MetaData roles = new MetaData("app");
        roles.table("t", column("id", INTEGER), column("owner", TEXT));
        roles.policy(policy("p").on("t").forCommand(Policy.Command.UPDATE).to("app_user").using("owner = current_user").withCheck("id > 1"));
        assertThat(diff(roles, before)).containsExactly("  alter policy p on t");

        MetaData noCheck = new MetaData("app");
        noCheck.table("t", column("id", INTEGER), column("owner", TEXT));
        noCheck.policy(policy("p").on("t").forCommand(Policy.Command.UPDATE).using("owner = current_user"));
        assertThat(diff(noCheck, before)).containsExactly("  drop policy p on t (made again below)", "  create policy p on t");
    }

    /** Helpers to rebuild a model with some objects replaced. */
    static final class Convergence {
        static void copyRest(MetaData from, MetaData to) {
            from.views().values().forEach(to::addView);
            from.triggers().values().forEach(to::addTrigger);
            from.policies().values().forEach(to::addPolicy);
            from.rowSecurity().values().forEach(to::addRowSecurity);
        }
    }

    static Table table(MetaData md, String name) {
        return md.get("app." + name);
    }

    static Column col(Table t, String name) {
        return t.column(name).orElseThrow();
    }
}
