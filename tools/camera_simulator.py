#!/usr/bin/python3
"""Camera simulator: serves pre-encoded MP4 clips over RTSP, looping forever at real-time pace.

  camera_simulator.py --port 8554 --path lobby=clip.mp4 [--path ...] [--secure-port 8555 --auth lobby=USER:PASS [--digest]]

Each --path NAME=FILE serves FILE at rtsp://127.0.0.1:PORT/NAME without authentication. Each --auth
NAME=USER:PASS serves an already listed path also at rtsp://127.0.0.1:SECURE_PORT/NAME, behind HTTP
basic authentication (digest with --digest). The clip is never re-encoded: it is demuxed and parsed once
into memory, and each client's pipeline is a live source (appsrc) that plays those samples over and over with
timestamps that keep increasing, as a camera's do. No pipeline is ever seeked: gst-rtsp-server 1.22 deadlocks
when a client's session ends while its pipeline is being seeked (the earlier looping by segment seeks hung the whole
server after some hundred sessions that ended right after PLAY; it still accepted connections but answered none).
By file-name convention, a clip with "265" or "hevc" in its name is H.265, with "mjpeg" Motion JPEG, otherwise
H.264; one with "aac" carries AAC audio, with "opus" Opus audio.
Prints "READY <port> <secure-port>" on stdout once listening. With --log-keyframes NAME (off by default), also prints
"KEYFRAME NAME <epoch-ns>" for each keyframe of that path's stream: the wall-clock time at which its running time falls
due, which is the capture time the stream's RTCP sender reports map its RTP timestamp to (benches compare recorded
segment starts with it). Needs Debian's python3-gi,
gir1.2-gst-rtsp-server-1.0, gstreamer1.0-plugins-good and gstreamer1.0-plugins-bad.
"""
import argparse
import signal
import sys
import threading
import time

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402


def elements(path):
    """By the clip's name: its video parser and RTP payloader, and its audio parser and payloader (None without audio)."""
    name = path.lower()
    if "mjpeg" in name:
        video = ("jpegparse", "rtpjpegpay name=pay0 pt=26")
    else:
        codec = "h265" if "265" in name or "hevc" in name else "h264"
        video = (f"{codec}parse config-interval=-1", f"rtp{codec}pay name=pay0 pt=96 config-interval=-1")
    audio = ("aacparse", "rtpmp4gpay name=pay1 pt=97") if "aac" in name \
        else ("opusparse", "rtpopuspay name=pay1 pt=98") if "opus" in name else (None, None)
    return video + audio


class Clip:
    """A clip demuxed and parsed once, kept in memory: per stream its caps and its samples, timestamps from 0."""

    def __init__(self, path):
        video, _, audio, _ = elements(path)
        line = f'filesrc location="{path}" ! qtdemux name=d d.video_0 ! queue ! {video} ! appsink name=s0 sync=false'
        if audio:
            line += f" d.audio_0 ! queue ! {audio} ! appsink name=s1 sync=false"
        pipeline = Gst.parse_launch(line)
        sinks = [pipeline.get_by_name(f"s{i}") for i in range(2 if audio else 1)]
        pipeline.set_state(Gst.State.PLAYING)
        self.caps, self.buffers = [], []
        for sink in sinks:
            buffers, caps = [], None
            while True:
                sample = sink.emit("pull-sample")
                if sample is None:
                    break
                caps = caps or sample.get_caps()
                buffers.append(sample.get_buffer())
            if not buffers:
                raise SystemExit(f"{path}: a stream without samples")
            self.caps.append(caps)
            self.buffers.append(buffers)
        pipeline.set_state(Gst.State.NULL)
        first = min(b.dts if b.dts != Gst.CLOCK_TIME_NONE else b.pts for bs in self.buffers for b in bs)
        self.start = first
        # one period for all streams, so that they restart together as the file would
        self.period = max(max(b.pts for b in bs) + (bs[-1].duration if bs[-1].duration != Gst.CLOCK_TIME_NONE else 0)
                          for bs in self.buffers) - first


OUTPUT = threading.Lock()  # the keyframe log is written from each path's streaming thread
COPY = Gst.BufferCopyFlags.FLAGS | Gst.BufferCopyFlags.META | Gst.BufferCopyFlags.MEMORY


def feed(clip, index, appsrc):
    """Pushes the clip's stream into a live appsrc on demand, over and over, timestamps always increasing."""
    position = {"n": 0}
    buffers = clip.buffers[index]

    def shifted(ts, offset):
        return Gst.CLOCK_TIME_NONE if ts == Gst.CLOCK_TIME_NONE else ts - clip.start + offset

    def on_need_data(src, _length):
        n = position["n"]
        original = buffers[n % len(buffers)]
        offset = (n // len(buffers)) * clip.period
        buf = original.copy_region(COPY, 0, original.get_size())
        buf.pts = shifted(original.pts, offset)
        buf.dts = shifted(original.dts, offset)
        buf.duration = original.duration
        position["n"] = n + 1
        src.emit("push-buffer", buf)   # FLUSHING once the session ends: nothing to do

    appsrc.set_property("caps", clip.caps[index])
    appsrc.connect("need-data", on_need_data)


def log_keyframes(name, appsrc):
    """Prints each keyframe's due wall-clock time: now, less how long before its running time it was pushed."""

    def probe(pad, info):
        buf = info.get_buffer()
        clock = appsrc.get_clock()
        if clock is not None and buf.pts != Gst.CLOCK_TIME_NONE and not buf.has_flags(Gst.BufferFlags.DELTA_UNIT):
            due = appsrc.get_base_time() + buf.pts  # appsrc's segment starts at 0: running time == pts
            line = f"KEYFRAME {name} {time.time_ns() - (clock.get_time() - due)}\n"
            with OUTPUT:  # one write per line: print() writes the text and its newline apart, and the streaming
                sys.stdout.write(line)  # threads of two logged paths interleaved them ("...305KEYFRAME cam1080-0 ...")
                sys.stdout.flush()
        return Gst.PadProbeReturn.OK

    appsrc.get_static_pad("src").add_probe(Gst.PadProbeType.BUFFER, probe)


def factory_for(path, clip, role=None, log_name=None):
    """A live source like a camera's: no seeks, which gst-rtsp-server 1.22 cannot take on a media a client may
    tear down at the same time (its client thread deadlocks and every later client waits forever)."""
    _, video, _, audio = elements(path)
    line = f"( appsrc name=src0 is-live=true format=time ! {video}"
    if audio:
        line += f" appsrc name=src1 is-live=true format=time ! {audio}"
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(line + " )")
    # One pipeline per client: a session that ends takes down only its own pipeline.
    factory.set_shared(False)

    def configure(_factory, media):
        bin_ = media.get_element()
        for i in range(len(clip.buffers)):
            feed(clip, i, bin_.get_by_name(f"src{i}"))

    factory.connect("media-configure", configure)
    if log_name:
        factory.connect("media-configure", lambda _f, media: log_keyframes(log_name, media.get_element().get_by_name("src0")))
    if role:
        factory.add_role_from_structure(Gst.Structure.new_from_string(
            f"{role}, media.factory.access=(boolean)true, media.factory.construct=(boolean)true"))
    return factory


def start(server):
    if server.attach(None) == 0:
        print(f"cannot listen on 127.0.0.1:{server.get_service()}", file=sys.stderr)
        sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8554)
    parser.add_argument("--secure-port", type=int, default=8555)
    parser.add_argument("--path", action="append", default=[], help="NAME=FILE.mp4")
    parser.add_argument("--auth", action="append", default=[], help="NAME=USER:PASS")
    parser.add_argument("--digest", action="store_true", help="secure port asks for digest instead of basic auth")
    parser.add_argument("--log-keyframes", action="append", default=[], help="NAME: print each keyframe's capture time")
    args = parser.parse_args()

    Gst.init(None)
    paths = dict(spec.split("=", 1) for spec in args.path)
    clips = {}
    for file in paths.values():
        clips.setdefault(file, Clip(file))

    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    for name, path in paths.items():
        server.get_mount_points().add_factory(
            "/" + name, factory_for(path, clips[path], log_name=name if name in args.log_keyframes else None))
    start(server)

    secure = GstRtspServer.RTSPServer()
    secure.set_address("127.0.0.1")
    secure.set_service(str(args.secure_port))
    auth = GstRtspServer.RTSPAuth()
    if args.digest:
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
    for spec in args.auth:
        name, cred = spec.split("=", 1)
        user, password = cred.split(":", 1)
        if name not in paths:
            parser.error(f"--auth {name}: no --path {name}")
        role = "user-" + name
        token = GstRtspServer.RTSPToken()
        token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, role)
        if args.digest:
            auth.add_digest(user, password, token)
        else:
            auth.add_basic(GstRtspServer.RTSPAuth.make_basic(user, password), token)
        secure.get_mount_points().add_factory("/" + name, factory_for(paths[name], clips[paths[name]], role))
    secure.set_auth(auth)
    start(secure)

    loop = GLib.MainLoop()
    signal.signal(signal.SIGTERM, lambda *a: loop.quit())
    signal.signal(signal.SIGINT, lambda *a: loop.quit())
    print(f"READY {server.get_bound_port()} {secure.get_bound_port()}", flush=True)
    loop.run()


if __name__ == "__main__":
    main()
