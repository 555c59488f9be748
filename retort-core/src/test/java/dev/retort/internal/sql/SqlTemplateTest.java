package dev.retort.internal.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the schema placeholders may stand, and the one-statement rule, by PostgreSQL's lexical rules. */
class SqlTemplateTest {
    private static final String QUOTED = "\"x'; drop table public.canary; --\"";
    private static final String LITERAL = "'x''; drop table public.canary; --'";

    @Test
    void aPlaceholderInsideAStringLiteralIsMisplacedWithItsLine() {
        var problem = SqlTemplate.problem("comment on schema ${schema}\n  is 'tenant ${schema}'").orElseThrow();
        assertThat(problem.placeholder()).isEqualTo("${schema}");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("inside a string literal", "${schema_literal}");
        assertThat(SqlTemplate.problem("select nextval('${schema}.seq')")).isPresent();
        assertThat(SqlTemplate.problem("select E'a\\'${schema_literal}'")).isPresent();
        assertThat(SqlTemplate.problem("select 1 from \"${schema}_log\"")).get()
                .satisfies(m -> assertThat(m.where()).isEqualTo("a quoted name"));
    }

    @Test
    void placeholdersInCodeAndDollarQuotedBodiesAreAllowed() {
        assertThat(SqlTemplate.problem("comment on schema ${schema} is ${schema_literal}")).isEmpty();
        assertThat(SqlTemplate.problem("create function f() returns int language sql as $$ select count(*) from ${schema}.t $$")).isEmpty();
        assertThat(SqlTemplate.problem("select 1 -- 'in ${schema}' is only a comment")).isEmpty();
    }

    @Test
    void renderingQuotesTheNameAsAWholeTokenAndLeavesCommentsAlone() {
        String sql = "comment on schema ${schema} is ${schema_literal} -- for ${schema}";
        assertThat(SqlTemplate.render(sql, QUOTED, LITERAL))
                .isEqualTo("comment on schema " + QUOTED + " is " + LITERAL + " -- for ${schema}");
    }

    @Test
    void renderingRefusesAMisplacedPlaceholderEvenWhenTheReaderWasBypassed() {
        assertThatThrownBy(() -> SqlTemplate.render("comment on schema ${schema} is 'tenant ${schema}'", QUOTED, LITERAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside a string literal");
    }

    @Test
    void aNameHoldingADollarCannotGoIntoADollarQuotedBody() {
        assertThatThrownBy(() -> SqlTemplate.render("do $$ begin perform 1 from ${schema}.t; end $$", "\"a$$b\"", "'a$$b'"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dollar-quoted");
        assertThat(SqlTemplate.render("do $$ begin perform 1 from ${schema}.t; end $$", "\"ab\"", "'ab'"))
                .isEqualTo("do $$ begin perform 1 from \"ab\".t; end $$");
    }

    @Test
    void oneStatementWithOptionalTrailingSemicolonsAndComments() {
        SqlTemplate.requireOneStatement("select 1");
        SqlTemplate.requireOneStatement("select 1; -- done\n");
        SqlTemplate.requireOneStatement("select ';' as semi, $x$ ; $x$, \"a;b\" from t /* ; */;;");
        SqlTemplate.requireOneStatement("create function f() returns void language plpgsql as $$ begin null; end $$;");
    }

    @Test
    void moreThanOneStatementOrNoneIsRefused() {
        assertThatThrownBy(() -> SqlTemplate.requireOneStatement("select 'zz' ; commit; create table public.canary2(x int); select 'zz'"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one statement");
        assertThatThrownBy(() -> SqlTemplate.requireOneStatement("  -- nothing\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no statement");
        assertThatThrownBy(() -> SqlTemplate.requireOneStatement("; select 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty statement");
    }

    @Test
    void nestedBlockCommentsEndWhereTheServerEndsThem() {
        // PostgreSQL reads /* /* */ ' */ as one comment: what follows is code, and holds two statements.
        assertThatThrownBy(() -> SqlTemplate.requireOneStatement("select 1 /* /* */ ' */ ; drop table x; --'"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one statement");
    }

    @Test
    void unterminatedTextIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> SqlTemplate.requireOneStatement("select 'open"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> SqlTemplate.requireOneStatement("select 1 /* /* */"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unterminated");
    }
}
