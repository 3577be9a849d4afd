package io.vigil.media.rtsp.client;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import io.vigil.media.rtsp.RtspRequest;
import io.vigil.media.rtsp.RtspResponse;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where an RTSP redirect (301, 302, 303, 307, 308 with Location, relative or absolute, to any host) sends a session:
 * the same target at the new URL. A Location that is no URL, has user info or is not {@code rtsp://} is refused.
 */
final class Redirect {

    private Redirect() {}

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** {@code target} moved to where {@code response}, the answer to {@code answered}, points. */
    static RtspTarget target(RtspTarget target, RtspRequest answered, RtspResponse response) {
        String location = response.location()
                .orElseThrow(() -> new MediaException(
                        MediaError.PROTOCOL,
                        answered.method() + " " + answered.url() + ": a redirect without Location ("
                                + RtspConversation.statusLine(response) + ")"));
        URI next;
        try {
            next = new URI(answered.url()).resolve(new URI(location.trim()));
        } catch (URISyntaxException e) {
            throw new MediaException(MediaError.PROTOCOL, "a redirect from " + answered.url() + " to no URL");
        }
        if (next.getRawUserInfo() != null) {
            throw new MediaException(
                    MediaError.PROTOCOL, "a redirect from " + answered.url() + " to a URL with user info");
        }
        try {
            return target.at(next);
        } catch (IllegalArgumentException e) {
            throw new MediaException(
                    MediaError.UNSUPPORTED, "a redirect from " + answered.url() + ": " + e.getMessage());
        }
    }
}
