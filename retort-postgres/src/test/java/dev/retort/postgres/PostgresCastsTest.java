package dev.retort.postgres;

import dev.retort.SqlType;
import dev.retort.compare.Normaliser.Conversion;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The cast rules Retort applies to type changes, checked against the server's own catalog, pg_cast. */
class PostgresCastsTest {
    private static final List<String> TYPES = List.of("smallint", "integer", "bigint", "real", "double precision", "numeric",
            "numeric(10,2)", "money", "boolean", "date", "time", "time with time zone", "timestamp", "timestamp with time zone",
            "interval", "uuid", "json", "jsonb", "bytea", "inet", "cidr", "text", "character varying(20)", "character(3)");

    @Test
    void everyPairOfBuiltInTypesConvertsAsPgCastSays() throws SQLException {
        Map<String, String> context = new HashMap<>();
        Map<String, String> canonical = new HashMap<>();
        try (Connection c = TestDatabase.postgres().connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT castsource::regtype::text, casttarget::regtype::text, castcontext FROM pg_cast")) {
                while (rs.next()) context.put(rs.getString(1) + " -> " + rs.getString(2), rs.getString(3));
            }
            for (String t : TYPES) {
                try (ResultSet rs = st.executeQuery("SELECT '" + t.replaceAll("\\(.*\\)", "") + "'::regtype::text")) {
                    rs.next();
                    canonical.put(t, rs.getString(1));
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        for (String a : TYPES) {
            for (String b : TYPES) {
                String from = canonical.get(a);
                String to = canonical.get(b);
                if (from.equals(to)) continue;
                boolean string = List.of("text", "character varying", "character").contains(from)
                        || List.of("text", "character varying", "character").contains(to);
                String ctx = context.get(from + " -> " + to);
                Conversion got = PostgresCasts.conversion(new SqlType.Native(a), new SqlType.Native(b));
                // Strings convert through the types' output and input functions, which pg_cast does not list.
                Conversion expected = string ? null : ctx == null ? Conversion.NONE : ctx.equals("e") ? Conversion.EXPLICIT : null;
                boolean ok = expected != null ? got == expected
                        : got != Conversion.NONE; // an assignment cast may be given USING too, harmlessly
                if (string && List.of("text", "character varying", "character").contains(to)) ok = got == Conversion.ASSIGNMENT;
                if (string && !List.of("text", "character varying", "character").contains(to)) ok = got == Conversion.EXPLICIT;
                if (!ok) wrong.add(a + " -> " + b + ": " + got + " (pg_cast: " + ctx + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void arraysConvertAsTheirElementsAndEnumsThroughText() {
        SqlType.Enum mood = new SqlType.Enum(null, "mood", List.of("a"));
        SqlType.Enum other = new SqlType.Enum(null, "other", List.of("a"));
        assertThat(PostgresCasts.conversion(new SqlType.Array(SqlType.Simple.TEXT), new SqlType.Array(SqlType.Simple.INTEGER)))
                .isEqualTo(Conversion.EXPLICIT);
        assertThat(PostgresCasts.conversion(new SqlType.Array(SqlType.Simple.INTEGER), new SqlType.Array(SqlType.Simple.BIGINT)))
                .isEqualTo(Conversion.ASSIGNMENT);
        assertThat(PostgresCasts.conversion(new SqlType.Array(SqlType.Simple.INTEGER), SqlType.Simple.TEXT)).isEqualTo(Conversion.ASSIGNMENT);
        assertThat(PostgresCasts.conversion(SqlType.Simple.TEXT, new SqlType.Array(SqlType.Simple.TEXT))).isEqualTo(Conversion.EXPLICIT);
        assertThat(PostgresCasts.conversion(SqlType.Simple.INTEGER, new SqlType.Array(SqlType.Simple.INTEGER))).isEqualTo(Conversion.NONE);
        assertThat(PostgresCasts.conversion(mood, other)).isEqualTo(Conversion.EXPLICIT);
        assertThat(PostgresCasts.conversion(mood, SqlType.Simple.TEXT)).isEqualTo(Conversion.ASSIGNMENT);
        assertThat(PostgresCasts.conversion(SqlType.Simple.TEXT, mood)).isEqualTo(Conversion.EXPLICIT);
        assertThat(PostgresCasts.conversion(SqlType.Simple.INTEGER, mood)).isEqualTo(Conversion.NONE);
        assertThat(PostgresCasts.conversion(new SqlType.Native("my_domain"), SqlType.Simple.INTEGER)).isEqualTo(Conversion.EXPLICIT);
    }
}
