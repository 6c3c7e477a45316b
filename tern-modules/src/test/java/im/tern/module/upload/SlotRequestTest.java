package im.tern.module.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tern.xml.Element;
import org.junit.jupiter.api.Test;

class SlotRequestTest {
    private static Element request(String filename, String size, String type) {
        return Element.builder("request", UploadModule.NAMESPACE).attr("filename", filename).attr("size", size)
                .attr("content-type", type).build();
    }

    @Test
    void aRequestIsReadAndItsTypeNormalised() throws Exception {
        assertThat(SlotRequest.parse(request("photo.jpg", "1234", "Image/JPEG")))
                .isEqualTo(new SlotRequest("photo.jpg", 1234, "image/jpeg"));
        assertThat(SlotRequest.parse(request("x", "1", null)).contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        assertThatThrownBy(() -> SlotRequest.parse(request(null, "1", null))).hasMessageContaining("filename");
        assertThatThrownBy(() -> SlotRequest.parse(request(" ", "1", null))).hasMessageContaining("filename");
        assertThatThrownBy(() -> SlotRequest.parse(request("a".repeat(256), "1", null))).hasMessageContaining("255");
        assertThatThrownBy(() -> SlotRequest.parse(request("a\nb", "1", null))).hasMessageContaining("control");
        assertThatThrownBy(() -> SlotRequest.parse(request("a", "0", null))).hasMessageContaining("positive");
        assertThatThrownBy(() -> SlotRequest.parse(request("a", "ten", null))).hasMessageContaining("number");
        assertThatThrownBy(() -> SlotRequest.parse(request("a", null, null))).hasMessageContaining("number");
        assertThatThrownBy(() -> SlotRequest.parse(request("a", "1", "text"))).hasMessageContaining("media type");
        assertThatThrownBy(() -> SlotRequest.parse(request("a", "1", "text/html; x=\"y\""))).hasMessageContaining("media type");
    }

    @Test
    void theUrlNameKeepsOnlySafeCharacters() throws Exception {
        assertThat(SlotRequest.parse(request("../../etc/passwd", "1", null)).urlName()).isEqualTo("____etc_passwd");
        assertThat(SlotRequest.parse(request("my photo (1).jpg", "1", null)).urlName()).isEqualTo("my_photo__1_.jpg");
        assertThat(SlotRequest.parse(request("ñandú.png", "1", null)).urlName()).isEqualTo("_and_.png");
    }
}
