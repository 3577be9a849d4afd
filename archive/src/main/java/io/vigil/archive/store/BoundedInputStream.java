package io.vigil.archive.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** The first {@code lengthBytes} of a stream. */
public final class BoundedInputStream extends FilterInputStream {

    private long left;

    BoundedInputStream(InputStream in, long lengthBytes) {
        super(in);
        this.left = lengthBytes;
    }

    /** {@code lengthBytes} of a file from {@code offsetBytes}; a negative length reads to the end. */
    public static InputStream ofFile(java.nio.file.Path file, long offsetBytes, long lengthBytes) throws IOException {
        java.nio.channels.SeekableByteChannel channel = java.nio.file.Files.newByteChannel(file);
        try {
            channel.position(Math.max(0, offsetBytes));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        InputStream in = java.nio.channels.Channels.newInputStream(channel);
        return lengthBytes < 0 ? in : new BoundedInputStream(in, lengthBytes);
    }

    @Override
    public int read() throws IOException {
        if (left <= 0) {
            return -1;
        }
        int b = super.read();
        if (b >= 0) {
            left--;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (left <= 0) {
            return -1;
        }
        int n = super.read(buffer, offset, (int) Math.min(length, left));
        if (n > 0) {
            left -= n;
        }
        return n;
    }
}
