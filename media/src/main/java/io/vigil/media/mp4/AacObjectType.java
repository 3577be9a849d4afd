package io.vigil.media.mp4;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.util.Optional;

/**
 * The AAC audio object type of an fMP4 init segment's audio track, from its {@code mp4a} sample entry's {@code esds}
 * (ISO/IEC 14496-14 §5.6; descriptors of 14496-1 §7.2.6): the first field of the AudioSpecificConfig, 2 for AAC-LC,
 * which RFC 6381 writes as {@code mp4a.40.2}. Pure and bounded: it walks the boxes and descriptors inside the given
 * bytes only, allocates nothing from their length fields, and refuses a box or descriptor that does not fit
 * ({@link MediaError#MALFORMED_MP4}).
 */
public final class AacObjectType {

    private static final int ES_DESCRIPTOR = 0x03;
    private static final int DECODER_CONFIG_DESCRIPTOR = 0x04;
    private static final int DECODER_SPECIFIC_INFO = 0x05;
    private static final int MPEG4_AUDIO = 0x40;

    private AacObjectType() {}

    /** The object type of the first sound track's AAC; empty when it has none (no audio, or not MPEG-4 audio). */
    public static Optional<Integer> of(byte[] init) {
        Box stsd = Tracks.first(init, "soun")
                .map(trak -> Fragments.descend(init, trak, "mdia", "minf", "stbl", "stsd"))
                .orElse(null);
        if (stsd == null) {
            return Optional.empty();
        }
        int entries = stsd.content(8, 0); // after version, flags and entry_count
        return Box.children(init, entries, stsd.end()).stream()
                .filter(b -> b.type().equals("mp4a"))
                .findFirst()
                .flatMap(mp4a -> fromSampleEntry(init, mp4a));
    }

    /** An {@code mp4a} entry: 28 bytes of AudioSampleEntry (more in QuickTime's versions 1 and 2), then {@code esds}. */
    private static Optional<Integer> fromSampleEntry(byte[] bytes, Box mp4a) {
        int version = (int) (Box.readUint32(bytes, mp4a.content(8, 4)) >>> 16); // QuickTime's version, then revision
        int fields = switch (version) {
            case 0 -> 28;
            case 1 -> 44;
            case 2 -> 64;
            default -> throw new MediaException(MediaError.MALFORMED_MP4, "mp4a sample entry of version " + version);
        };
        Box esds = Box.children(bytes, mp4a.content(fields, 0), mp4a.end()).stream()
                .filter(b -> b.type().equals("esds"))
                .findFirst()
                .orElseThrow(() -> new MediaException(MediaError.MALFORMED_MP4, "mp4a sample entry without esds"));
        int at = esds.content(4, 0); // after version and flags
        int end = esds.end();
        Descriptor es = Descriptor.read(bytes, at, end, ES_DESCRIPTOR);
        int flags = bytes[es.at(2, 1)] & 0xFF; // after ES_ID
        int next = es.at(3, 0)
                + ((flags & 0x80) != 0 ? 2 : 0) // dependsOn_ES_ID
                + ((flags & 0x20) != 0 ? 2 : 0); // OCR_ES_Id
        if ((flags & 0x40) != 0) { // URL: length, then the URL
            next += 1 + (bytes[es.at(next - es.contentStart(), 1)] & 0xFF);
        }
        Descriptor config = Descriptor.read(bytes, next, es.end(), DECODER_CONFIG_DESCRIPTOR);
        if ((bytes[config.at(0, 1)] & 0xFF) != MPEG4_AUDIO) {
            return Optional.empty();
        }
        Descriptor specific = Descriptor.read(bytes, config.at(13, 0), config.end(), DECODER_SPECIFIC_INFO);
        int first = bytes[specific.at(0, 1)] & 0xFF;
        int objectType = first >>> 3;
        if (objectType == 31) { // escape: 32 + the next six bits
            int second = bytes[specific.at(1, 1)] & 0xFF;
            objectType = 32 + (((first & 0x07) << 3) | (second >>> 5));
        }
        return Optional.of(objectType);
    }

    /** One descriptor: tag, size in 1 to 4 bytes of 7 bits, content; checked to lie within its parent. */
    private record Descriptor(int contentStart, int size) {

        static Descriptor read(byte[] bytes, int at, int limit, int tag) {
            if (at >= limit || (bytes[at] & 0xFF) != tag) {
                throw new MediaException(MediaError.MALFORMED_MP4, "esds: no descriptor " + tag + " where expected");
            }
            int size = 0;
            int p = at + 1;
            for (int i = 0; ; i++) {
                if (p >= limit || i == 4) {
                    throw new MediaException(MediaError.MALFORMED_MP4, "esds: descriptor " + tag + "'s size runs on");
                }
                int b = bytes[p++] & 0xFF;
                size = size << 7 | (b & 0x7F);
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if (size > limit - p) {
                throw new MediaException(MediaError.MALFORMED_MP4, "esds: descriptor " + tag + " does not fit");
            }
            return new Descriptor(p, size);
        }

        int end() {
            return contentStart + size;
        }

        /** Where content byte {@code offset} is, once checked that {@code bytes} bytes from there are inside. */
        int at(int offset, int bytes) {
            if (offset < 0 || (long) offset + bytes > size) {
                throw new MediaException(MediaError.MALFORMED_MP4, "esds: a descriptor too short for its fields");
            }
            return contentStart + offset;
        }
    }
}
