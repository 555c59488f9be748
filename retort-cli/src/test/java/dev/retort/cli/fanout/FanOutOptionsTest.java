package dev.retort.cli.fanout;

import dev.retort.api.Jobs;
import dev.retort.api.TenantSpec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FanOutOptionsTest {

    @Command(name = "many")
    static final class Many implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        FanOutOptions fanOut;

        @Override
        public void run() {
        }
    }

    private static Many parse(String... args) {
        Many command = new Many();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void theOptionsBecomeASpecAndFanOutOptions() {
        Many m = parse("--tenants", "tenant_*", "--jobs", "8", "--report", "out.json", "--fail-fast");
        assertThat(m.fanOut.tenants(m.spec)).isEqualTo(TenantSpec.Pattern.of("tenant_*"));
        dev.retort.api.FanOutOptions options = m.fanOut.options(m.spec);
        assertThat(options.jobs()).isEqualTo(8);
        assertThat(options.failFast()).isTrue();
        assertThat(m.fanOut.report()).isEqualTo(Path.of("out.json"));
    }

    @Test
    void withoutThemTheDefaultsApply() {
        Many m = parse();
        assertThat(m.fanOut.tenants(m.spec)).isNull();
        assertThat(m.fanOut.options(m.spec).jobs()).isEqualTo(Jobs.byDefault()).isBetween(1, 4);
        assertThat(m.fanOut.options(m.spec).failFast()).isFalse();
        assertThat(m.fanOut.report()).isNull();
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        Many zero = parse("--jobs", "0");
        assertThatThrownBy(() -> zero.fanOut.options(zero.spec)).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--jobs: jobs must be between 1 and 1000, not 0");
        Many empty = parse("--tenants", "a,,b");
        assertThatThrownBy(() -> empty.fanOut.tenants(empty.spec)).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageStartingWith("--tenants: the tenant list 'a,,b' has an empty name at position 2");
    }
}
