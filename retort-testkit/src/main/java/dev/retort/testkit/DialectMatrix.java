package dev.retort.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The database targets a dialect test runs against, one {@link TestDatabase} argument each: the
 * embedded PostgreSQL always, an external PostgreSQL when {@value TestDatabase#EXTERNAL_URL_VARIABLE}
 * is set. Use it through {@link MatrixTest}.
 */
public final class DialectMatrix implements ArgumentsProvider {

    /** The targets available in this environment, embedded first. */
    public static List<TestDatabase> targets() {
        List<TestDatabase> out = new ArrayList<>();
        out.add(TestDatabase.embedded());
        TestDatabase.external().ifPresent(out::add);
        return out;
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        return targets().stream().map(Arguments::of);
    }
}
