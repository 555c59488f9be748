package dev.retort.postgres;

import dev.retort.SqlType;
import dev.retort.testkit.MatrixTest;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.retort.Types.BIGINT;
import static dev.retort.Types.BOOLEAN;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.TIME;
import static dev.retort.Types.TIMESTAMP;
import static dev.retort.Types.TIMESTAMPTZ;
import static dev.retort.Types.TIMETZ;
import static dev.retort.Types.arrayOf;
import static dev.retort.Types.nativeType;
import static dev.retort.Types.numeric;
import static dev.retort.Types.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

class PostgresNormaliserTest {
    private static final PostgresNormaliser N = new PostgresNormaliser();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "'x'::character varying        | 'x'",
            "('x'::text)                   | 'x'",
            "now()                         | now()",
            "CURRENT_TIMESTAMP             | now()",
            "current_timestamp             | now()",
            "transaction_timestamp()       | now()",
            "NOW( )                        | now()",
            "'0'::integer                  | 0",
            "(0)                           | 0",
            "'-1'::integer                 | -1",
            "- 1                           | -1",
            "nextval('s.seq'::regclass)    | nextval('s.seq')",
            "'it''s'::text                 | 'it''s'",
            "E'it\\'s'                     | 'it''s'",
            "CAST('a' AS varchar(10))      | 'a'",
            "interval '1 day'              | '1 day'",
            "'1 day'::interval             | '1 day'",
            "\"status\"                    | status",
            "\"Status\"                    | \"Status\"",
            "\"user\"                      | \"user\"",
            "(now() AT TIME ZONE 'utc')    | timezone('utc', now())",
            "timezone('utc'::text, now())  | timezone('utc', now())",
    })
    void defaultsFold(String written, String canonical) {
        assertThat(N.normaliseDefault(written, TEXT)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "price > 0 AND price < 10                    | price > 0 and price < 10",
            "((price > (0)::numeric) AND (price < (10)::numeric)) | price > 0 and price < 10",
            "a > 0 and (b > 0 and c > 0)                 | a > 0 and b > 0 and c > 0",
            "(a OR b) AND c                              | (a or b) and c",
            "a OR (b AND c)                              | a or b and c",
            "status IN ('a', 'b')                        | status = any(array['a', 'b'])",
            "status = ANY (ARRAY['a'::text, 'b'::text])  | status = any(array['a', 'b'])",
            "status NOT IN ('a', 'b')                    | status <> all(array['a', 'b'])",
            "x IN (1)                                    | x = 1",
            "n BETWEEN 1 AND 5                           | n >= 1 and n <= 5",
            "n NOT BETWEEN 1 AND 5                       | n < 1 or n > 5",
            "name LIKE 'a%'                              | name ~~ 'a%'",
            "(name)::text ~~ 'a%'::text                  | name ~~ 'a%'",
            "a != b                                      | a <> b",
            "x IS NOT NULL                               | x is not null",
            "x NOTNULL                                   | x is not null",
            "NOT (a AND b)                               | not (a and b)",
            "(a + b) * c                                 | (a + b) * c",
            "a + (b * c)                                 | a + b * c",
            "a - (b - c)                                 | a - (b - c)",
            "length((code)::text) >= 2                   | length(code) >= 2",
            "CASE WHEN a > 0 THEN 'p' ELSE NULL END      | case when a > 0 then 'p' end",
            "lower(name) COLLATE \"C\"                   | lower(name) collate \"C\"",
            "(data ->> 'kind'::text)                     | data ->> 'kind'",
            "tags[1] = 'x'                               | tags[1] = 'x'",
    })
    void expressionsFold(String written, String canonical) {
        assertThat(N.normaliseExpression(written)).isEqualTo(canonical);
    }

    @Test
    void typeAwareDefaults() {
        assertThat(N.normaliseDefault("'t'", BOOLEAN)).isEqualTo("true");
        assertThat(N.normaliseDefault("'off'::boolean", BOOLEAN)).isEqualTo("false");
        assertThat(N.normaliseDefault("'0'", INTEGER)).isEqualTo("0");
        assertThat(N.normaliseDefault("0.00", numeric(10, 2))).isEqualTo("0");
        assertThat(N.normaliseDefault("'1.50'::numeric", numeric(10, 2))).isEqualTo("1.5");
        assertThat(N.normaliseDefault("'0'", TEXT)).as("text stays text").isEqualTo("'0'");
        assertThat(N.normaliseDefault("NULL::integer", INTEGER)).isNull();
        assertThat(N.normaliseDefault(null, INTEGER)).isNull();
    }

    @Test
    void unparseableTextFallsBackToTokens() {
        assertThat(N.normaliseExpression("EXISTS (SELECT 1  FROM   t)")).isEqualTo("exists (select 1 from t)");
        assertThat(N.normaliseExpression("(  x  )")).isEqualTo("x");
    }

    @Test
    void typesFoldTheirSpellings() {
        assertThat(N.normaliseType(numeric(10))).isEqualTo(numeric(10, 0));
        assertThat(N.normaliseType(nativeType("int4"))).isEqualTo(INTEGER);
        assertThat(N.normaliseType(nativeType("Timestamp  With Time Zone"))).isEqualTo(TIMESTAMPTZ);
        assertThat(N.normaliseType(nativeType("varchar(20)"))).isEqualTo(varchar(20));
        assertThat(N.normaliseType(nativeType("decimal(8)"))).isEqualTo(numeric(8, 0));
        assertThat(N.normaliseType(arrayOf(nativeType("int8")))).isEqualTo(arrayOf(BIGINT));
        assertThat(N.normaliseType(nativeType("INET"))).isEqualTo(nativeType("inet"));
        // precision 6 is PostgreSQL's default (Hibernate writes it out); other precisions in the catalog's spelling
        assertThat(N.normaliseType(nativeType("timestamp(6) with time zone"))).isEqualTo(TIMESTAMPTZ);
        assertThat(N.normaliseType(nativeType("timestamp(6)"))).isEqualTo(TIMESTAMP);
        assertThat(N.normaliseType(nativeType("time(6) without time zone"))).isEqualTo(TIME);
        assertThat(N.normaliseType(nativeType("timetz(6)"))).isEqualTo(TIMETZ);
        assertThat(N.normaliseType(nativeType("timestamptz(3)"))).isEqualTo(nativeType("timestamp(3) with time zone"));
        assertThat(N.normaliseType(nativeType("TIME(0)"))).isEqualTo(nativeType("time(0) without time zone"));
        assertThat(N.normaliseType(nativeType("timestamp (3) without time zone"))).isEqualTo(nativeType("timestamp(3) without time zone"));
        assertThat(N.normaliseType(nativeType("\"MyDomain\""))).isEqualTo(nativeType("\"MyDomain\""));
    }

    /**
     * The test that matters: text as a model author writes it, stored by PostgreSQL and printed back
     * by the catalog, normalises to the same thing as the text written.
     */
    @MatrixTest
    void whatPostgresStoresNormalisesLikeWhatWasWritten(TestDatabase db) throws SQLException {
        record Case(SqlType type, String sql) { }
        List<Case> defaults = List.of(
                new Case(TEXT, "'x'"), new Case(varchar(10), "'x'"), new Case(TEXT, "'it''s'"), new Case(INTEGER, "0"),
                new Case(INTEGER, "-1"), new Case(INTEGER, "'42'"), new Case(BIGINT, "(7)"), new Case(numeric(10, 2), "0"),
                new Case(numeric(10, 2), "1.50"), new Case(BOOLEAN, "true"), new Case(BOOLEAN, "'f'"),
                new Case(TIMESTAMPTZ, "now()"), new Case(TIMESTAMPTZ, "CURRENT_TIMESTAMP"),
                new Case(TIMESTAMPTZ, "(now() AT TIME ZONE 'utc')"), new Case(dev.retort.Types.INTERVAL, "'1 day'"),
                new Case(dev.retort.Types.DATE, "CURRENT_DATE"), new Case(dev.retort.Types.UUID, "gen_random_uuid()"),
                new Case(dev.retort.Types.JSONB, "'{}'"), new Case(arrayOf(TEXT), "'{}'"),
                new Case(TEXT, "lower('ABC' || 'x')"), new Case(INTEGER, "1 + 2 * 3"),
                new Case(TEXT, "CASE WHEN true THEN 'a' ELSE 'b' END"));
        List<String> checks = List.of("n > 0", "n > 0 AND n < 10", "(n > 0) OR (s <> '')", "s IN ('a', 'b')",
                "s NOT IN ('a', 'b')", "n BETWEEN 1 AND 5", "s LIKE 'a%'", "s ILIKE 'a%'", "length(s) > 2",
                "n::text <> ''", "s IS NOT NULL OR n IS NULL", "NOT (n = 1 AND s = 'x')", "n % 2 = 0", "-n < 5",
                "n * (n + 1) > 0", "coalesce(s, '') <> 'z'", "upper(s) = s", "d > '2020-01-01'", "d > CURRENT_DATE - 1");
        String schema = db.createSchema("normalise");
        String q = PostgresSql.quote(schema);
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + q + ".d (");
        for (int i = 0; i < defaults.size(); i++) {
            if (i > 0) ddl.append(", ");
            ddl.append("c").append(i).append(' ').append(PostgresTypes.render(defaults.get(i).type()))
                    .append(" DEFAULT ").append(defaults.get(i).sql());
        }
        ddl.append("); CREATE TABLE ").append(q).append(".c (n integer, s text, d date");
        for (int i = 0; i < checks.size(); i++) ddl.append(", CONSTRAINT k").append(String.format("%02d", i)).append(" CHECK (").append(checks.get(i)).append(')');
        ddl.append(')');
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(ddl.toString());
        }
        var model = Pg.reflect(db, schema);
        var stored = model.get(schema + ".d").columns();
        var storedChecks = model.get(schema + ".c").checks();
        assertSoftly(soft -> {
            for (int i = 0; i < defaults.size(); i++) {
                Case k = defaults.get(i);
                soft.assertThat(N.normaliseDefault(stored.get(i).serverDefault(), k.type()))
                        .as("default %s on %s, stored as %s", k.sql(), k.type(), stored.get(i).serverDefault())
                        .isEqualTo(N.normaliseDefault(k.sql(), k.type()));
            }
            for (int i = 0; i < checks.size(); i++) {
                String text = storedChecks.get(i).expression();
                soft.assertThat(N.normaliseExpression(text)).as("check %s, stored as %s", checks.get(i), text)
                        .isEqualTo(N.normaliseExpression(checks.get(i)));
            }
        });
        // And the normalised forms are not all alike: different expressions stay different.
        List<String> distinct = new ArrayList<>();
        for (String ck : checks) distinct.add(N.normaliseExpression(ck));
        assertThat(distinct).doesNotHaveDuplicates();
    }
}
