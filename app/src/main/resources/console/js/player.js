// One HLS player on a <video>: hls.js with the bearer token on every request, or the browser's own HLS
// (Safari) where hls.js cannot run. Reports the wall-clock time of the frame shown (EXT-X-PROGRAM-DATE-TIME).
import {token} from './api.js';

export function attach(video, url, {live = false, onFatal = () => {}} = {}) {
  const Hls = window.Hls;
  if (Hls && Hls.isSupported()) {
    const hls = new Hls({
      xhrSetup: (xhr) => {
        const t = token();
        if (t) {
          xhr.setRequestHeader('Authorization', 'Bearer ' + t);
        }
      },
      liveSyncDurationCount: 2,
      maxBufferLength: live ? 10 : 30,
      enableWorker: true,
    });
    hls.on(Hls.Events.ERROR, (event, data) => {
      if (data.fatal) {
        onFatal(data);
      }
    });
    hls.loadSource(url);
    hls.attachMedia(video);
    video.play().catch(() => {});
    return {
      playingDate: () => hls.playingDate,
      destroy: () => {
        hls.destroy();
        video.removeAttribute('src');
        video.load();
      },
    };
  }
  // Safari: native HLS cannot send headers; it relies on a share link or the browser's Basic credentials.
  video.src = url;
  video.play().catch(() => {});
  return {
    playingDate: () => (video.getStartDate && !isNaN(video.getStartDate().getTime())
        ? new Date(video.getStartDate().getTime() + video.currentTime * 1000) : null),
    destroy: () => {
      video.removeAttribute('src');
      video.load();
    },
  };
}
