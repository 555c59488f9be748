package dev.retort.bench;

import dev.retort.MetaData;
import dev.retort.postgres.PostgresDialect;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueryFloorTest {
    private static final PostgresDialect DIALECT = new PostgresDialect();

    @Test
    void theReplayRunsWhatWasRecordedWithItsParametersAndReadsTheSameRows() throws Exception {
        TestDatabase db = TestDatabase.postgres();
        String schema = db.createSchema("floor");
        db.execute("CREATE TABLE \"" + schema + "\".t (id bigserial PRIMARY KEY, name text UNIQUE)");
        QueryFloor recorder = QueryFloor.recording();
        try (Connection c = db.connect()) {
            Map<String, MetaData> reflected = DIALECT.reflect(recorder.wrap(c), List.of(schema));
            assertThat(reflected.get(schema).tables()).hasSize(1);

            List<QueryFloor.Query> queries = recorder.queries();
            assertThat(queries).hasSize(PostgresDialect.REFLECTION_QUERIES);
            assertThat(queries).filteredOn(q -> q.sql().contains("pg_attribute")).isNotEmpty()
                    .allSatisfy(q -> assertThat(q.bindings()).isNotEmpty());

            // The columns query, replayed alone, reads the table's two columns: the schema array was bound again.
            QueryFloor.Query columns = queries.stream().filter(q -> q.sql().contains("a.attname")).findFirst().orElseThrow();
            double[] replayed = QueryFloor.replay(c, List.of(columns));
            int perRow;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(columns.sql().replace("?", "ARRAY['" + schema + "']"))) {
                perRow = rs.getMetaData().getColumnCount();
            }
            assertThat(replayed[1]).isEqualTo(2.0 * perRow);
        }
    }
}
