package dev.retort.loader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MavenReactorTest {
    @TempDir
    Path root;

    private void pom(String dir, String... modules) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n");
        if (modules.length > 0) {
            xml.append("  <modules>\n");
            for (String m : modules) xml.append("    <module>").append(m).append("</module>\n");
            xml.append("  </modules>\n");
        }
        xml.append("  <profiles><profile><modules><module>from-profile</module></modules></profile></profiles>\n</project>\n");
        Path d = Files.createDirectories(root.resolve(dir));
        Files.writeString(d.resolve("pom.xml"), xml);
    }

    @Test
    void aModuleListedByAnAncestorPomRunsFromThere() throws IOException {
        pom(".", "core", "examples/consumer");
        pom("core");
        pom("examples/consumer");
        MavenReactor reactor = MavenReactor.of(root.resolve("examples/consumer"));
        assertThat(reactor.root()).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(reactor.module()).isEqualTo("examples/consumer");
        assertThat(reactor.standalone()).isFalse();
        assertThat(reactor.moduleDirectory()).isEqualTo(root.resolve("examples/consumer").toAbsolutePath().normalize());
        assertThat(reactor.poms()).containsExactly(root.resolve("examples/consumer/pom.xml").toAbsolutePath().normalize(),
                root.resolve("pom.xml").toAbsolutePath().normalize());
    }

    @Test
    void nestedAggregatorsLeadToTheTopMostRoot() throws IOException {
        pom(".", "apps");
        pom("apps", "billing/", "other");
        pom("apps/billing");
        MavenReactor reactor = MavenReactor.of(root.resolve("apps/billing"));
        assertThat(reactor.root()).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(reactor.module()).isEqualTo("apps/billing");
        assertThat(reactor.poms()).hasSize(3);
    }

    @Test
    void aModuleNoPomListsIsItsOwnRoot() throws IOException {
        pom(".", "other");
        pom("app");
        MavenReactor reactor = MavenReactor.of(root.resolve("app"));
        assertThat(reactor.standalone()).isTrue();
        assertThat(reactor.root()).isEqualTo(root.resolve("app").toAbsolutePath().normalize());
        assertThat(reactor.module()).isEmpty();
    }

    @Test
    void aProjectInsideAModulesDirectoryIsNotThatModulesModule() throws IOException {
        pom(".", "tools");
        pom("tools");
        pom("tools/target/generated/app");
        MavenReactor reactor = MavenReactor.of(root.resolve("tools/target/generated/app"));
        assertThat(reactor.standalone()).isTrue();
        assertThat(reactor.root()).isEqualTo(root.resolve("tools/target/generated/app").toAbsolutePath().normalize());
    }

    @Test
    void modulesInProfilesAndUnreadablePomsAreNotFollowed() throws IOException {
        pom(".");
        pom("from-profile");
        assertThat(MavenReactor.of(root.resolve("from-profile")).standalone()).isTrue();
        Files.writeString(root.resolve("pom.xml"), "<project><modules><module>x</module>");  // broken
        pom("x");
        assertThat(MavenReactor.of(root.resolve("x")).standalone()).isTrue();
    }

    @Test
    void aModuleMayBeListedByItsPomFile() throws IOException {
        pom(".", "app/pom.xml");
        pom("app");
        assertThat(MavenReactor.of(root.resolve("app")).module()).isEqualTo("app");
    }

    @Test
    void thisRepositorysConsumerExampleIsAModuleOfTheRootReactor() {
        Path consumer = Path.of("").toAbsolutePath().getParent().resolve("examples/consumer");
        MavenReactor reactor = MavenReactor.of(consumer);
        assertThat(reactor.module()).isEqualTo("examples/consumer");
        assertThat(reactor.root().resolve("retort-core")).isDirectory();
    }
}
