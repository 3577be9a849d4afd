package io.vigil.recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RFC 6381 {@code CODECS} strings for HLS, read from the codec configuration boxes
 * ({@code avcC}, {@code hvcC}) of an init segment. Pure.
 */
public final class CodecsString {

    private CodecsString() {}

    /**
     * @param initSegment the fMP4 init segment
     * @param aacProfile  FFmpeg AAC profile of the recorded audio (AOT - 1), or null without audio
     */
    public static String of(byte[] initSegment, Integer aacProfile) {
        List<String> codecs = new ArrayList<>();
        int avcc = indexOf(initSegment, "avcC");
        int hvcc = indexOf(initSegment, "hvcC");
        if (avcc >= 0 && avcc + 8 <= initSegment.length) {
            codecs.add(String.format(
                    "avc1.%02x%02x%02x",
                    initSegment[avcc + 5] & 0xff, initSegment[avcc + 6] & 0xff, initSegment[avcc + 7] & 0xff));
        } else if (hvcc >= 0 && hvcc + 17 <= initSegment.length) {
            codecs.add(hevc(initSegment, hvcc + 4));
        }
        if (aacProfile != null) {
            codecs.add("mp4a.40." + (aacProfile >= 0 ? aacProfile + 1 : 2));
        }
        return String.join(",", codecs);
    }

    private static String hevc(byte[] b, int p) {
        int flags = b[p + 1] & 0xff;
        int profileSpace = flags >> 6;
        boolean highTier = (flags & 0x20) != 0;
        int profileIdc = flags & 0x1f;
        long compat = ((b[p + 2] & 0xffL) << 24)
                | ((b[p + 3] & 0xffL) << 16)
                | ((b[p + 4] & 0xffL) << 8)
                | (b[p + 5] & 0xffL);
        long reversed = Integer.toUnsignedLong(Integer.reverse((int) compat));
        int level = b[p + 12] & 0xff;
        StringBuilder s = new StringBuilder("hvc1.");
        if (profileSpace > 0) {
            s.append((char) ('A' + profileSpace - 1));
        }
        s.append(profileIdc)
                .append('.')
                .append(Long.toHexString(reversed).toUpperCase(Locale.ROOT))
                .append('.')
                .append(highTier ? 'H' : 'L')
                .append(level);
        int last = p + 11;
        while (last >= p + 6 && b[last] == 0) {
            last--;
        }
        for (int i = p + 6; i <= last; i++) {
            s.append('.').append(String.format("%02X", b[i] & 0xff));
        }
        return s.toString();
    }

    private static int indexOf(byte[] haystack, String fourcc) {
        byte[] needle = fourcc.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
