package io.vigil.playback.clip;

import io.netty.buffer.ByteBuf;
import io.vigil.kernel.TimeRange;
import io.vigil.kernel.hook.FootageExports;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;

/** {@link FootageExports} over the clip export and the export-signing key: what a package puts of each camera. */
@Singleton
public class ClipExports implements FootageExports {

    private final ClipExporter exporter;
    private final ExportSigner signer;

    public ClipExports(ClipExporter exporter, ExportSigner signer) {
        this.exporter = exporter;
        this.signer = signer;
    }

    @Override
    public Clip open(String streamKey, TimeRange range) {
        ClipExporter.Clip clip = exporter.export(streamKey, range);
        return new Clip() {
            @Override
            public String fileName() {
                return clip.fileName();
            }

            @Override
            public List<TimeRange> gaps() {
                return clip.gaps();
            }

            @Override
            public ByteBuf nextPart() throws IOException {
                return clip.content().nextPart();
            }

            @Override
            public byte[] manifest(String sha256Hex, long sizeBytes) {
                return ClipExporter.manifestOf(streamKey, range, clip, sha256Hex, sizeBytes)
                        .json();
            }

            @Override
            public void close() {
                clip.content().close();
            }
        };
    }

    @Override
    public byte[] sign(byte[] content) {
        return signer.sign(content);
    }

    @Override
    public String publicKeyPem() {
        return signer.publicKeyPem();
    }
}
