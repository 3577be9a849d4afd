package io.vigil.recorder.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.av_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avio_context_free;
import static org.bytedeco.ffmpeg.global.avformat.avio_flush;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;

import io.vigil.recorder.StreamError;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avformat.Write_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Remuxes packets into fragmented MP4 in memory, without decoding: the header becomes the init
 * segment, and each {@link #cutFragment()} returns one media segment ({@code moof}+{@code mdat}).
 * One muxer per recording session, so fragment decode times run on continuously.
 */
final class Fmp4Muxer implements AutoCloseable {

    private static final int IO_BUFFER_BYTES = 64 * 1024;
    private static final Write WRITE = new Write();
    private static final Map<Long, ByteArrayOutputStream> SINKS = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final LongPointer opaque = new LongPointer(1).put(id);
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream(1 << 20);
    private final AVFormatContext context = new AVFormatContext(null);
    private AVIOContext io;
    private byte[] initSegment;
    private final AVRational[] inputTimeBases;

    /**
     * @param streams the input streams to record, in output order (video first)
     */
    Fmp4Muxer(AVStream... streams) throws StreamError {
        SINKS.put(id, sink);
        inputTimeBases = new AVRational[streams.length];
        try {
            int ret = avformat_alloc_output_context2(context, null, "mp4", null);
            if (ret < 0) {
                throw FfmpegCodes.error("cannot create the MP4 muxer", ret);
            }
            io = avio_alloc_context(
                    new BytePointer(av_malloc(IO_BUFFER_BYTES)), IO_BUFFER_BYTES, 1, opaque, null, WRITE, null);
            context.pb(io);
            for (int i = 0; i < streams.length; i++) {
                AVStream in = streams[i];
                AVStream out = avformat_new_stream(context, null);
                ret = avcodec_parameters_copy(out.codecpar(), in.codecpar());
                if (ret < 0) {
                    throw FfmpegCodes.error("cannot copy codec parameters", ret);
                }
                // hvc1: parameter sets in the init segment only, which Apple's players require.
                out.codecpar().codec_tag(in.codecpar().codec_id() == AV_CODEC_ID_HEVC ? fourcc("hvc1") : 0);
                out.time_base(in.time_base());
                inputTimeBases[i] = in.time_base();
            }
            AVDictionary options = new AVDictionary(null);
            // delay_moov: the moov is written with the first fragment, once every track's first
            // timestamp is known, so audio and video stay aligned.
            av_dict_set(options, "movflags", "frag_custom+delay_moov+default_base_moof+skip_trailer", 0);
            ret = avformat_write_header(context, options);
            av_dict_free(options);
            if (ret < 0) {
                throw FfmpegCodes.error("cannot write the MP4 header", ret);
            }
        } catch (StreamError | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The init segment ({@code ftyp}+{@code moov}); null until the first fragment was cut. */
    byte[] initSegment() {
        return initSegment == null ? null : initSegment.clone();
    }

    /**
     * Writes one packet to output stream {@code outputIndex}; its timestamps and duration are in the
     * input stream's time base and are rescaled here. The packet's data is consumed.
     */
    void write(AVPacket packet, int outputIndex) throws StreamError {
        AVStream out = context.streams(outputIndex);
        packet.stream_index(outputIndex);
        packet.pos(-1);
        av_packet_rescale_ts(packet, inputTimeBases[outputIndex], out.time_base());
        int ret = av_write_frame(context, packet);
        if (ret < 0) {
            throw FfmpegCodes.error("cannot mux packet", ret);
        }
    }

    /** Ends the current fragment and returns its bytes (empty if nothing was written since the last cut). */
    byte[] cutFragment() throws StreamError {
        byte[] bytes = flush();
        if (initSegment == null && bytes.length > 0) {
            // With delay_moov the first flush may write ftyp+moov alone, or ftyp+moov+fragment.
            int mediaStart = Mp4Boxes.firstMediaBox(bytes);
            if (mediaStart < 0) {
                initSegment = bytes;
                bytes = flush();
            } else if (mediaStart == 0) {
                throw new StreamError(
                        "the MP4 muxer wrote a fragment before the init segment", StreamError.Kind.STREAM);
            } else {
                initSegment = java.util.Arrays.copyOfRange(bytes, 0, mediaStart);
                bytes = java.util.Arrays.copyOfRange(bytes, mediaStart, bytes.length);
            }
        }
        return bytes;
    }

    private byte[] flush() throws StreamError {
        int ret = av_write_frame(context, null);
        if (ret < 0) {
            throw FfmpegCodes.error("cannot flush fragment", ret);
        }
        avio_flush(io);
        return drain();
    }

    private byte[] drain() {
        byte[] bytes = sink.toByteArray();
        sink.reset();
        return bytes;
    }

    @Override
    public void close() {
        SINKS.remove(id);
        if (io != null) {
            context.pb(null);
            freeBuffer(io);
            avio_context_free(io);
            io = null;
        }
        if (!context.isNull()) {
            avformat_free_context(context);
        }
        opaque.close();
    }

    private static void freeBuffer(AVIOContext io) {
        BytePointer buffer = io.buffer();
        if (buffer != null && !buffer.isNull()) {
            av_free(buffer);
            io.buffer(null);
        }
    }

    private static int fourcc(String tag) {
        return tag.charAt(0) | (tag.charAt(1) << 8) | (tag.charAt(2) << 16) | (tag.charAt(3) << 24);
    }

    private static final class Write extends Write_packet_Pointer_BytePointer_int {
        Write() {
            retainReference();
        }

        @Override
        public int call(Pointer opaque, BytePointer buf, int size) {
            ByteArrayOutputStream out = SINKS.get(new LongPointer(opaque).get());
            if (out == null) {
                return -1;
            }
            byte[] chunk = new byte[size];
            buf.get(chunk, 0, size);
            out.write(chunk, 0, size);
            return size;
        }
    }
}
