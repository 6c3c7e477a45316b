package im.tern.module.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
    private static ByteRange.Outcome parse(String header) { return ByteRange.parse(header, 1000); }

    private static ByteRange part(String header) { return ((ByteRange.Part) parse(header)).range(); }

    @Test
    void singleRangesFirstMiddleLastAndSuffix() {
        assertThat(part("bytes=0-0")).isEqualTo(new ByteRange(0, 0));
        assertThat(part("bytes=100-199")).isEqualTo(new ByteRange(100, 199));
        assertThat(part("bytes=990-")).isEqualTo(new ByteRange(990, 999));
        assertThat(part("bytes=-10")).isEqualTo(new ByteRange(990, 999));
        assertThat(part("bytes=-5000")).as("a suffix longer than the file is all of it").isEqualTo(new ByteRange(0, 999));
        assertThat(part("bytes=900-5000")).as("a last byte past the end is the end").isEqualTo(new ByteRange(900, 999));
        assertThat(part("BYTES= 1-2 ")).isEqualTo(new ByteRange(1, 2));
        assertThat(part("bytes=100-199").contentRange(1000)).isEqualTo("bytes 100-199/1000");
    }

    @Test
    void rangesOutsideTheFileAreUnsatisfiable() {
        assertThat(parse("bytes=1000-")).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(parse("bytes=5000-6000")).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(parse("bytes=-0")).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void whatCannotBeReadServesTheWholeFile() {
        for (String h : new String[] {null, "", "items=0-1", "bytes=0-1,5-6", "bytes=abc-", "bytes=5-1", "bytes=-", "bytes=1",
                "bytes=+1-2", "bytes=99999999999999999999-"}) {
            ByteRange.Outcome o = parse(h);
            if (h != null && h.equals("bytes=99999999999999999999-")) {
                assertThat(o).as(h).isInstanceOf(ByteRange.Unsatisfiable.class);
            } else {
                assertThat(o).as(h).isInstanceOf(ByteRange.Whole.class);
            }
        }
    }
}
