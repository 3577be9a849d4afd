package io.vigil.media.rtsp;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits the byte stream of one RTSP-over-TCP connection into interleaved frames and RTSP messages, whatever chunks
 * it arrives in (split anywhere, a header mid-way included). It holds at most {@link StreamLimits#bufferBytes()},
 * allocated once: a frame's payload is handed out as a slice of that buffer. Bytes that can start neither a frame
 * ({@code $}) nor a message (an upper-case letter) are skipped up to {@link StreamLimits#maxSkippedBytes()} in a row.
 * A refusal is a {@link MediaException}; after one the decoder refuses everything ({@link MediaError#DECODER_FAILED}).
 * Not thread-safe: one connection, one decoder.
 */
public final class InterleavedDecoder {

    private final StreamLimits limits;
    private final byte[] buffer;
    /** The buffer, read-only: frames are handed out as slices of it, one object each. */
    private final ByteBuffer readOnlyBuffer;

    private int start;
    private int end;
    /** How far past {@link #start} the search for the end of a message's headers has looked. */
    private int scannedBytes;

    private int skippedInARowBytes;
    private long skippedBytes;
    private boolean failed;

    public InterleavedDecoder(StreamLimits limits) {
        this.limits = limits;
        this.buffer = new byte[limits.bufferBytes()];
        this.readOnlyBuffer = ByteBuffer.wrap(buffer).asReadOnlyBuffer();
    }

    /** Decodes what {@code chunk} completes, handing each frame and message to {@code sink}; consumes the chunk. */
    public void feed(ByteBuffer chunk, Consumer<? super InterleavedItem> sink) {
        if (failed) {
            throw new MediaException(MediaError.DECODER_FAILED, "the decoder refused earlier input");
        }
        try {
            while (chunk.hasRemaining()) {
                compact();
                int n = Math.min(buffer.length - end, chunk.remaining());
                chunk.get(buffer, end, n);
                end += n;
                while (decodeOne(sink)) {
                    // every complete item of the buffer
                }
            }
        } catch (MediaException e) {
            failed = true;
            throw e;
        }
    }

    /** The bytes buffered, waiting for the rest of their frame or message. */
    public int bufferedBytes() {
        return end - start;
    }

    /** The buffer's size, fixed at construction: the most this decoder ever holds. */
    public int capacityBytes() {
        return buffer.length;
    }

    /** Garbage skipped since the start, over all resynchronisations. */
    public long skippedBytes() {
        return skippedBytes;
    }

    private boolean decodeOne(Consumer<? super InterleavedItem> sink) {
        int available = end - start;
        if (available == 0) {
            return false;
        }
        byte first = buffer[start];
        if (first == '$') {
            return decodeFrame(sink, available);
        }
        if (first >= 'A' && first <= 'Z') {
            return decodeMessage(sink, available);
        }
        int at = start;
        while (at < end && buffer[at] != '$' && (buffer[at] < 'A' || buffer[at] > 'Z')) {
            at++;
        }
        skip(at - start);
        return at < end;
    }

    private boolean decodeFrame(Consumer<? super InterleavedItem> sink, int available) {
        if (available < StreamLimits.FRAME_HEADER_BYTES) {
            return false;
        }
        int channel = buffer[start + 1] & 0xFF;
        int length = ((buffer[start + 2] & 0xFF) << 8) | (buffer[start + 3] & 0xFF);
        if (available < StreamLimits.FRAME_HEADER_BYTES + length) {
            return false;
        }
        ByteBuffer payload = readOnlyBuffer.slice(start + StreamLimits.FRAME_HEADER_BYTES, length);
        consumed(StreamLimits.FRAME_HEADER_BYTES + length);
        sink.accept(new InterleavedFrame(channel, payload));
        return true;
    }

    private boolean decodeMessage(Consumer<? super InterleavedItem> sink, int available) {
        int headerBytes = headerEnd(available);
        if (headerBytes < 0) {
            if (available >= limits.maxHeaderBytes()) {
                throw new MediaException(
                        MediaError.HEADER_TOO_LARGE, "no end of headers within " + limits.maxHeaderBytes() + " bytes");
            }
            return false;
        }
        List<String> lines = lines(new String(buffer, start, headerBytes, StandardCharsets.ISO_8859_1));
        String startLine = lines.get(0);
        if (!RtspMessage.isStartLine(startLine)) {
            throw new MediaException(
                    MediaError.MALFORMED_MESSAGE, "not a status or request line: '" + abbreviate(startLine) + "'");
        }
        RtspHeaders headers = headers(lines.subList(1, lines.size()));
        int bodyBytes = contentLength(headers);
        if (available < headerBytes + bodyBytes) {
            return false;
        }
        byte[] body = new byte[bodyBytes];
        System.arraycopy(buffer, start + headerBytes, body, 0, bodyBytes);
        consumed(headerBytes + bodyBytes);
        sink.accept(new RtspMessage(startLine, headers, body));
        return true;
    }

    /** The bytes of start line and headers with the empty line ending them, or -1 if not all here yet. */
    private int headerEnd(int available) {
        int limit = Math.min(available, limits.maxHeaderBytes());
        for (int i = Math.max(0, scannedBytes - 3); i < limit; i++) {
            if (buffer[start + i] == '\n') {
                if (i + 1 < limit && buffer[start + i + 1] == '\n') {
                    return i + 2;
                }
                if (i + 2 < limit && buffer[start + i + 1] == '\r' && buffer[start + i + 2] == '\n') {
                    return i + 3;
                }
            }
        }
        scannedBytes = limit;
        return -1;
    }

    private static List<String> lines(String head) {
        List<String> lines = new ArrayList<>();
        for (String line : head.split("\n")) {
            String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!trimmed.isEmpty()) {
                lines.add(trimmed);
            }
        }
        return lines;
    }

    private RtspHeaders headers(List<String> lines) {
        List<RtspHeaders.Header> headers = new ArrayList<>();
        for (String line : lines) {
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) {
                RtspHeaders.Header last = headers.remove(headers.size() - 1); // obsolete line folding
                if (line.indexOf('\r') >= 0) {
                    throw new MediaException(
                            MediaError.MALFORMED_MESSAGE, "a carriage return inside header " + last.name());
                }
                headers.add(new RtspHeaders.Header(last.name(), (last.value() + " " + line.trim()).trim()));
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).trim();
            if (name.isEmpty() || !name.chars().allMatch(RtspHeaders::isTokenChar)) {
                throw new MediaException(MediaError.MALFORMED_MESSAGE, "not a header line: '" + abbreviate(line) + "'");
            }
            String value = line.substring(colon + 1).trim();
            if (value.indexOf('\r') >= 0) {
                throw new MediaException(MediaError.MALFORMED_MESSAGE, "a carriage return inside header " + name);
            }
            if (headers.size() == limits.maxHeaders()) {
                throw new MediaException(MediaError.TOO_MANY_HEADERS, "more than " + limits.maxHeaders() + " headers");
            }
            headers.add(new RtspHeaders.Header(name, value));
        }
        return new RtspHeaders(headers);
    }

    private int contentLength(RtspHeaders headers) {
        List<String> values = headers.all("Content-Length");
        if (values.isEmpty()) {
            return 0;
        }
        String value = values.get(0);
        if (!values.stream().allMatch(value::equals) || !value.matches("\\d{1,9}")) {
            throw new MediaException(MediaError.MALFORMED_MESSAGE, "Content-Length " + values);
        }
        int bytes = Integer.parseInt(value);
        if (bytes > limits.maxBodyBytes()) {
            throw new MediaException(
                    MediaError.BODY_TOO_LARGE, "Content-Length " + bytes + " above " + limits.maxBodyBytes());
        }
        return bytes;
    }

    private void skip(int bytes) {
        skippedBytes += bytes;
        skippedInARowBytes += bytes;
        start += bytes;
        if (skippedInARowBytes > limits.maxSkippedBytes()) {
            throw new MediaException(
                    MediaError.STREAM_OUT_OF_SYNC,
                    skippedInARowBytes + " bytes that start neither an interleaved frame nor an RTSP message");
        }
    }

    private void consumed(int bytes) {
        start += bytes;
        scannedBytes = 0;
        skippedInARowBytes = 0;
    }

    private void compact() {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
