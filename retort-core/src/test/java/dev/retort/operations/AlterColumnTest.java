package dev.retort.operations;

import dev.retort.SqlType;
import dev.retort.operations.ColumnOps.AlterColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.retort.Types.BIGINT;
import static dev.retort.Types.BOOLEAN;
import static dev.retort.Types.DATE;
import static dev.retort.Types.DOUBLE;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.REAL;
import static dev.retort.Types.SMALLINT;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.TIMESTAMP;
import static dev.retort.Types.VARCHAR;
import static dev.retort.Types.arrayOf;
import static dev.retort.Types.charType;
import static dev.retort.Types.enumType;
import static dev.retort.Types.numeric;
import static dev.retort.Types.varchar;
import static org.assertj.core.api.Assertions.assertThat;

class AlterColumnTest {

    static Stream<Arguments> typeChanges() {
        return Stream.of(
                Arguments.of(INTEGER, BIGINT, true), Arguments.of(BIGINT, INTEGER, false),
                Arguments.of(varchar(10), varchar(20), true), Arguments.of(varchar(20), varchar(10), false),
                Arguments.of(varchar(10), TEXT, true), Arguments.of(TEXT, varchar(10), false),
                Arguments.of(TEXT, VARCHAR, true), Arguments.of(VARCHAR, TEXT, true),
                Arguments.of(charType(3), charType(5), true), Arguments.of(charType(5), charType(3), false),
                Arguments.of(enumType("mood", "a", "b"), TEXT, true), Arguments.of(TEXT, enumType("mood", "a"), false),
                Arguments.of(INTEGER, numeric(10), true), Arguments.of(INTEGER, numeric(9), false),
                Arguments.of(INTEGER, numeric(12, 2), true), Arguments.of(BIGINT, numeric(19), true),
                Arguments.of(SMALLINT, REAL, true), Arguments.of(INTEGER, REAL, false),
                Arguments.of(INTEGER, DOUBLE, true), Arguments.of(BIGINT, DOUBLE, false),
                Arguments.of(DATE, TIMESTAMP, true), Arguments.of(TIMESTAMP, DATE, false),
                Arguments.of(arrayOf(INTEGER), arrayOf(BIGINT), true), Arguments.of(arrayOf(BIGINT), arrayOf(INTEGER), false),
                Arguments.of(arrayOf(INTEGER), INTEGER, false), Arguments.of(BOOLEAN, INTEGER, false));
    }

    @ParameterizedTest
    @MethodSource("typeChanges")
    void aTypeChangeIsDestructiveUnlessEveryValueSurvives(SqlType from, SqlType to, boolean widening) {
        AlterColumn op = new AlterColumn("s", "t", "c", new Change<>(from, to), null, null, null, null, null, null);
        assertThat(op.destructive()).isEqualTo(!widening);
        assertThat(op.lossNote() == null).isEqualTo(widening);
    }

    @Test
    void losingTheSerialDefaultIsDestructiveAndGainingItIsNot() {
        AlterColumn drop = new AlterColumn("s", "t", "c", null, null, null, null, null, null, null, new Change<>(true, false));
        assertThat(drop.destructive()).isTrue();
        assertThat(drop.inverse()).isEqualTo(new AlterColumn("s", "t", "c", null, null, null, null, null, null, null, new Change<>(false, true)));
        assertThat(drop.inverse().destructive()).isFalse();
        assertThat(drop.describe()).isEqualTo("alter column t.c: drop auto-increment");
        assertThat(drop.lossNote()).isEqualTo("the position of the sequence behind t.c is not restored");
        assertThat(drop.inverse().lossNote()).isNull();
    }

    @Test
    void theOlderConstructorLeavesAutoIncrementAlone() {
        AlterColumn op = new AlterColumn("s", "t", "c", null, new Change<>(true, false), null, null, null, null, null);
        assertThat(op.autoIncrement()).isNull();
        assertThat(op.rebind("s", null)).isEqualTo(new AlterColumn(null, "t", "c", null, new Change<>(true, false), null, null, null, null, null));
    }
}
