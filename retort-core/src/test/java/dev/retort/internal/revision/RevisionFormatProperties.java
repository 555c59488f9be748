package dev.retort.internal.revision;

import dev.retort.revision.Revision;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionFormatProperties {

    @Provide
    Arbitrary<Revision> revisions() {
        return RevisionArbitraries.revision();
    }

    @Provide
    Arbitrary<String> texts() {
        return RevisionArbitraries.text();
    }

    @Property(tries = 400)
    void writingThenReadingGivesTheSameRevision(@ForAll("revisions") Revision r) {
        Path file = Path.of("migrations", Revisions.fileName(r));
        String text = RevisionWriter.write(r);
        Revision back = RevisionReader.parse(text, file);
        assertThat(back).isEqualTo(r.withPath(file));
        assertThat(back.checksum()).isEqualTo(r.checksum());
        assertThat(RevisionWriter.write(back)).isEqualTo(text);
    }

    /** Any other layout of the same data (here SnakeYAML's own, without comments) has the same checksum. */
    @Property(tries = 200)
    void reformattingKeepsTheChecksum(@ForAll("revisions") Revision r) {
        LoaderOptions loading = new LoaderOptions();
        // Timestamps stay strings: the reader parses 'created' itself.
        Resolver noTimestamps = new Resolver() {
            @Override
            public void addImplicitResolver(org.yaml.snakeyaml.nodes.Tag tag, java.util.regex.Pattern regexp, String first, int limit) {
                if (!tag.equals(org.yaml.snakeyaml.nodes.Tag.TIMESTAMP)) super.addImplicitResolver(tag, regexp, first, limit);
            }
        };
        DumperOptions dumping = new DumperOptions();
        dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumping.setIndent(4);
        Yaml yaml = new Yaml(new SafeConstructor(loading), new TextRepresenter(dumping), dumping, loading, noTimestamps);
        Map<?, ?> data = yaml.load(RevisionWriter.write(r));
        String redumped = yaml.dump(data);
        Revision back = RevisionReader.parse(redumped, null);
        assertThat(back.message()).isEqualTo(r.message());
        assertThat(back.upgrade()).isEqualTo(r.upgrade());
        assertThat(back.downgrade()).isEqualTo(r.downgrade());
        assertThat(back).isEqualTo(r);
        assertThat(back.checksum()).isEqualTo(r.checksum());
    }

    /**
     * SnakeYAML writes a string with a control character as !!binary, may leave a Unicode line break
     * unescaped, and can write a multi-line plain string that does not read back ("a:\n\nb"); here
     * such strings are double-quoted.
     */
    private static final class TextRepresenter extends Representer {
        TextRepresenter(DumperOptions options) {
            super(options);
            representers.put(String.class, data -> {
                String s = (String) data;
                boolean printable = s.codePoints().allMatch(c -> YamlEmitter.isPrintable(c)
                        && c != '\n' && c != '\r' && c != 0x85 && c != 0x2028 && c != 0x2029 && c != 0xFEFF);
                return representScalar(org.yaml.snakeyaml.nodes.Tag.STR, s,
                        printable ? DumperOptions.ScalarStyle.PLAIN : DumperOptions.ScalarStyle.DOUBLE_QUOTED);
            });
        }
    }

    @Property(tries = 2000)
    void everyStringReadsBackInBlockAndFlowContext(@ForAll("texts") String s) {
        YNode.Map doc = YNode.blockMap()
                .put("block", s)
                .put("flow", YNode.map().put("k", s).put("list", YNode.strings(java.util.List.of(s, s))).build())
                .build();
        String text = YamlEmitter.document(java.util.List.of("comment " + s), doc);
        Map<?, ?> loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        assertThat(loaded.get("block")).isEqualTo(s);
        assertThat(loaded.get("flow")).isEqualTo(Map.of("k", s, "list", java.util.List.of(s, s)));
    }
}
