// One HLS player on a <video>: hls.js with the bearer token on every request, or the browser's own HLS
// (Safari) where hls.js cannot run. Reports the wall-clock time of the frame shown (EXT-X-PROGRAM-DATE-TIME).
// With startAt (epoch millis) it starts at that clock time, not at the playlist's start or live edge: a history
// playlist of today is an EVENT playlist, which players otherwise join at its live edge.
import {token} from './api.js';

/** Seconds into the playlist where the clock shows startAt, from the fragments' program date-times; null if none. */
export function positionOf(fragments, startAt) {
  let best = null;
  for (const f of fragments) {
    if (f.programDateTime == null) continue;
    if (f.programDateTime <= startAt || best === null) {
      best = f;
    }
    if (f.programDateTime > startAt) break;
  }
  if (best === null) return null;
  const into = Math.max(0, Math.min(best.duration, (startAt - best.programDateTime) / 1000));
  return best.start + into;
}

export function attach(video, url, {live = false, startAt = null, onFatal = () => {}} = {}) {
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
      autoStartLoad: startAt === null,
    });
    if (startAt !== null) {
      hls.once(Hls.Events.LEVEL_LOADED, (event, data) => {
        const position = positionOf(data.details.fragments, startAt);
        hls.startLoad(position === null ? 0 : position);
      });
    }
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
  if (startAt !== null) {
    video.addEventListener('loadedmetadata', () => {
      const begins = video.getStartDate ? video.getStartDate().getTime() : NaN;
      if (!isNaN(begins)) {
        video.currentTime = Math.max(0, (startAt - begins) / 1000);
      }
    }, {once: true});
  }
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
