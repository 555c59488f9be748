package dev.retort.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionTest {

    @Test
    void versionPrintsTheVersionAndTheCommitItWasBuiltFrom() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        // Built in a git checkout, as the tests are: the commit is known.
        assertThat(run.out().strip()).matches("retort \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit [0-9a-f]{12}(, modified)?\\)");
    }

    @Test
    void aBuildThatKnowsNoCommitSaysSo() {
        assertThat(Version.line("0.1.0", "${retort.commit}", "${retort.dirty}")).isEqualTo("retort 0.1.0 (commit unknown)");
        assertThat(Version.line("0.1.0", "3f9c2a1b7d4e", "false")).isEqualTo("retort 0.1.0 (commit 3f9c2a1b7d4e)");
        assertThat(Version.line("0.1.0", "3f9c2a1b7d4e", "true")).isEqualTo("retort 0.1.0 (commit 3f9c2a1b7d4e, modified)");
    }
}
