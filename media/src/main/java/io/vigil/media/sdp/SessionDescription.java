package io.vigil.media.sdp;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A DESCRIBE answer's session description (RFC 8866), as far as a recorder needs it: the session's control and
 * each media section. Lenient where cameras differ (unknown lines, attributes before or after {@code m=}, spaces
 * after {@code ;} in fmtp, LF or CRLF); strict where a wrong value would mislead ({@code m=} and {@code a=rtpmap}
 * lines: {@link MediaError#MALFORMED_SDP}).
 */
public record SessionDescription(Optional<String> control, List<MediaDescription> media) {

    /** More media sections than any camera has: a description with more is refused. */
    public static final int MAX_MEDIA = 32;

    public SessionDescription {
        media = List.copyOf(media);
        if (media.size() > MAX_MEDIA) {
            throw new IllegalArgumentException(media.size() + " media sections, above " + MAX_MEDIA);
        }
    }

    public static SessionDescription parse(String text) {
        Optional<String> sessionControl = Optional.empty();
        List<MediaDescription> media = new ArrayList<>();
        Section section = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.length() < 2 || line.charAt(1) != '=') {
                continue;
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (type == 'm') {
                if (section != null) {
                    media.add(section.build());
                }
                if (media.size() == MAX_MEDIA) {
                    throw new MediaException(MediaError.MALFORMED_SDP, "more than " + MAX_MEDIA + " media sections");
                }
                section = Section.of(value);
            } else if (type == 'a') {
                int colon = value.indexOf(':');
                String name =
                        (colon < 0 ? value : value.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
                String attribute = colon < 0 ? "" : value.substring(colon + 1).trim();
                if (section != null) {
                    section.attribute(name, attribute);
                } else if (name.equals("control")) {
                    sessionControl = Optional.of(attribute);
                }
            }
        }
        if (section != null) {
            media.add(section.build());
        }
        return new SessionDescription(sessionControl, media);
    }

    /** The media of {@code type} ({@code video}, {@code audio}), in order. */
    public List<MediaDescription> media(String type) {
        return media.stream().filter(m -> m.mediaType().equals(type)).toList();
    }

    /** A media section being read. */
    private static final class Section {
        private final String mediaType;
        private final String protocol;
        private final List<Integer> payloadTypes;
        private String control;
        private RtpMap rtpMap;
        private final Map<String, String> formatParameters = new LinkedHashMap<>();

        private Section(String mediaType, String protocol, List<Integer> payloadTypes) {
            this.mediaType = mediaType;
            this.protocol = protocol;
            this.payloadTypes = payloadTypes;
        }

        /** {@code video 0 RTP/AVP 96 97}. */
        static Section of(String value) {
            String[] fields = value.trim().split("\\s+");
            if (fields.length < 4
                    || !fields[0].matches("[A-Za-z]{1,32}")
                    || !fields[1].matches("\\d{1,5}(/\\d{1,5})?")) {
                throw new MediaException(MediaError.MALFORMED_SDP, "m=" + value);
            }
            List<Integer> payloadTypes = new ArrayList<>();
            for (int i = 3; i < fields.length; i++) {
                if (!fields[i].matches("\\d{1,3}") || Integer.parseInt(fields[i]) > 127) {
                    throw new MediaException(MediaError.MALFORMED_SDP, "m=" + value + ": payload type " + fields[i]);
                }
                payloadTypes.add(Integer.parseInt(fields[i]));
            }
            return new Section(fields[0].toLowerCase(Locale.ROOT), fields[2], payloadTypes);
        }

        void attribute(String name, String value) {
            switch (name) {
                case "control" -> control = value;
                case "rtpmap" -> {
                    RtpMap map = RtpMap.parse(value);
                    if (map.payloadType() == payloadTypes.get(0)) {
                        rtpMap = map;
                    }
                }
                case "fmtp" -> {
                    String[] typeAndParameters = value.split("\\s+", 2);
                    if (typeAndParameters[0].equals(String.valueOf(payloadTypes.get(0)))
                            && typeAndParameters.length == 2) {
                        formatParameters.putAll(FormatParameters.parse(typeAndParameters[1]));
                    }
                }
                default -> {
                    // not a recorder's business: recvonly, framerate, range, x-dimensions, ...
                }
            }
        }

        MediaDescription build() {
            return new MediaDescription(
                    mediaType,
                    protocol,
                    payloadTypes,
                    Optional.ofNullable(control),
                    Optional.ofNullable(rtpMap),
                    formatParameters);
        }
    }
}
