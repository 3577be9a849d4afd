package io.vigil.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.error.VigilException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** No URL validation error holds the password typed into the URL (issue 15, item 8), however the URL is broken. */
class UrlErrorSecretTest {

    private static final String SECRET = "Zq9secretW";

    /** Each is refused; the password is in the userinfo, with the characters that broke the old redaction. */
    private static final String[] MALFORMED = {
        "rtsp://admin:" + SECRET + " x@192.0.2.1/s", // a space: not a URI at all
        "rtsp://admin:" + SECRET + "@@192.0.2.1/s", // two @
        "rtsp://admin:p@" + SECRET + "@192.0.2.1/s", // an @ inside the password
        "rtsp://admin:" + SECRET + "@192.0.2.1:99999/s", // port out of range
        "rtsp://admin:" + SECRET + "@192.0.2.1:0/s", // port 0
        "rtsp://admin:" + SECRET + "@/s", // no host
        "rtsp://admin:" + SECRET + "%zz@192.0.2.1/s", // a broken escape
        "rtsp://admin:" + SECRET + "@[::1/s", // unclosed IPv6
        "rtsp://admin:" + SECRET + "{}@192.0.2.1/s", // illegal characters
        "rtsp://admin:" + SECRET + "\\@192.0.2.1/s", // a backslash
        "rtsp://admin:" + SECRET + "#@192.0.2.1/s", // a fragment mark in the password
        "rtsp://admin:" + SECRET + "^x@192.0.2.1/s", // a caret
    };

    @Test
    void noErrorMessageOrFieldHoldsThePassword() {
        CameraValidator validator = new CameraValidator(30);
        for (String url : MALFORMED) {
            VigilException e = assertThrows(
                    VigilException.class,
                    () -> validator.validate(
                            new CameraRequest("cam", null, url, null, null, null, null, null, null),
                            Optional.empty(),
                            Camera.Source.API),
                    url);
            assertEquals(java.util.Set.of("url"), e.fieldErrors().keySet(), url);
            assertFalse(e.fieldErrors().toString().contains(SECRET), url + " -> " + e.fieldErrors());
            assertFalse(String.valueOf(e.getMessage()).contains(SECRET), url + " -> " + e.getMessage());
            IllegalArgumentException parse =
                    assertThrows(IllegalArgumentException.class, () -> RtspUrl.parse(url), url);
            assertFalse(parse.getMessage().contains(SECRET), url + " -> " + parse.getMessage());
        }
    }

    @Test
    void theMessageStillSaysWhatIsWrong() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> RtspUrl.parse("rtsp://admin:" + SECRET + " x@192.0.2.1/s"));
        assertEquals(
                "is not a valid URL (Illegal character in authority at character 8); write "
                        + "rtsp://host[:port]/path, with the user name and password in their own fields or percent-encoded",
                e.getMessage());
        assertEquals(
                "has an invalid port (1-65535)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> RtspUrl.parse("rtsp://u:" + SECRET + "@192.0.2.1:0/s"))
                        .getMessage());
    }
}
