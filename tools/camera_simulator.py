#!/usr/bin/python3
"""Camera simulator: serves pre-encoded MP4 clips over RTSP, looping forever at real-time pace.

  camera_simulator.py --port 8554 --path lobby=clip.mp4 [--path ...] [--secure-port 8555 --auth lobby=USER:PASS [--digest]]

Each --path NAME=FILE serves FILE at rtsp://127.0.0.1:PORT/NAME without authentication. Each --auth
NAME=USER:PASS serves an already listed path also at rtsp://127.0.0.1:SECURE_PORT/NAME, behind HTTP
basic authentication (digest with --digest). The clip is never re-encoded (qtdemux, parse, RTP payload); it loops through a
segment seek at every SEGMENT_DONE, so RTP timestamps keep increasing. By file-name convention, a clip
with "265" or "hevc" in its name is H.265, with "mjpeg" Motion JPEG, otherwise H.264; one with "aac"
carries AAC audio, with "opus" Opus audio.
Prints "READY <port> <secure-port>" on stdout once listening. Needs Debian's python3-gi,
gir1.2-gst-rtsp-server-1.0, gstreamer1.0-plugins-good and gstreamer1.0-plugins-bad.
"""
import argparse
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402


def launch_line(path):
    name = path.lower()
    if "mjpeg" in name:
        video = "jpegparse ! rtpjpegpay name=pay0 pt=26"
    else:
        codec = "h265" if "265" in name or "hevc" in name else "h264"
        video = f"{codec}parse config-interval=-1 ! rtp{codec}pay name=pay0 pt=96 config-interval=-1"
    audio = ""
    if "aac" in name:
        audio = " d.audio_0 ! queue ! aacparse ! rtpmp4gpay name=pay1 pt=97"
    elif "opus" in name:
        audio = " d.audio_0 ! queue ! opusparse ! rtpopuspay name=pay1 pt=98"
    return f'( filesrc location="{path}" ! qtdemux name=d d.video_0 ! queue ! {video}{audio} )'


def loop_forever(media):
    """Once the media plays, switch it to segment seeks so it restarts instead of ending."""
    pipeline = media.get_element().get_parent()
    bus = pipeline.get_bus()
    bus.enable_sync_message_emission()
    looping = {"on": False}

    def seek(flags):
        return pipeline.seek(1.0, Gst.Format.TIME, flags, Gst.SeekType.SET, 0, Gst.SeekType.NONE, -1)

    def on_sync(_bus, message):
        if message.type == Gst.MessageType.SEGMENT_DONE:
            GLib.idle_add(lambda: seek(Gst.SeekFlags.SEGMENT) and False)

    def on_new_state(_media, state):
        if state == Gst.State.PLAYING and not looping["on"]:
            looping["on"] = True
            seek(Gst.SeekFlags.FLUSH | Gst.SeekFlags.SEGMENT)

    bus.connect("sync-message", on_sync)
    media.connect("new-state", on_new_state)


def factory_for(path, role=None):
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(launch_line(path))
    # One pipeline per client: a pipeline that breaks takes down only its own session.
    factory.set_shared(False)
    factory.connect("media-configure", lambda _f, media: loop_forever(media))
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
    args = parser.parse_args()

    Gst.init(None)
    paths = dict(spec.split("=", 1) for spec in args.path)

    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    for name, path in paths.items():
        server.get_mount_points().add_factory("/" + name, factory_for(path))
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
        secure.get_mount_points().add_factory("/" + name, factory_for(paths[name], role))
    secure.set_auth(auth)
    start(secure)

    loop = GLib.MainLoop()
    signal.signal(signal.SIGTERM, lambda *a: loop.quit())
    signal.signal(signal.SIGINT, lambda *a: loop.quit())
    print(f"READY {server.get_bound_port()} {secure.get_bound_port()}", flush=True)
    loop.run()


if __name__ == "__main__":
    main()
