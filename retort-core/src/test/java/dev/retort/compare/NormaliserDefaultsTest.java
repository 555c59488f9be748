package dev.retort.compare;

import dev.retort.Identity;
import dev.retort.Sequence;
import dev.retort.Types;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NormaliserDefaultsTest {
    private final Normaliser n = Normaliser.LITERAL;

    @Test
    void anAscendingSequenceRunsFromOneToTheTypesMaximum() {
        assertThat(n.normaliseSequence(Sequence.of("s")))
                .isEqualTo(new Sequence(null, "s", Types.BIGINT, 1L, 1L, 1L, Long.MAX_VALUE, 1L, false));
        assertThat(n.normaliseSequence(new Sequence("x", "s", Types.INTEGER, null, 5L, 10L, null, null, true)))
                .isEqualTo(new Sequence("x", "s", Types.INTEGER, 10L, 5L, 10L, (long) Integer.MAX_VALUE, 1L, true));
    }

    @Test
    void aDescendingSequenceStartsAtMinusOneAndRunsToTheTypesMinimum() {
        assertThat(n.normaliseSequence(new Sequence(null, "s", Types.SMALLINT, null, -1L, null, null, null, false)))
                .isEqualTo(new Sequence(null, "s", Types.SMALLINT, -1L, -1L, (long) Short.MIN_VALUE, -1L, 1L, false));
    }

    @Test
    void anIdentityStartsAtOneAndCountsByOne() {
        assertThat(n.normaliseIdentity(Identity.byDefault())).isEqualTo(new Identity(false, 1L, 1L, 1L, null, 1L));
        assertThat(n.normaliseIdentity(new Identity(true, null, -2L))).isEqualTo(new Identity(true, -1L, -2L, null, -1L, 1L));
        // A default start follows a given bound; the type's own bound stays unknown (null).
        assertThat(n.normaliseIdentity(new Identity(false, null, 5L, -100L, 100L, null)))
                .isEqualTo(new Identity(false, -100L, 5L, -100L, 100L, 1L));
        assertThat(n.normaliseIdentity(null)).isNull();
    }
}
