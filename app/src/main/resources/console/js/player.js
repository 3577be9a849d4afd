// One HLS player on a <video>: hls.js with the bearer token on every request, or the browser's own HLS
// (Safari) where hls.js cannot run. Reports the wall-clock time of the frame shown (EXT-X-PROGRAM-DATE-TIME).
// With startAt (epoch millis) it starts at that clock time, not at the playlist's start or live edge: a history
// playlist of today is an EVENT playlist, which players otherwise join at its live edge.
// Live, it plays Low-Latency HLS (parts, blocking reload) at the playlist's PART-HOLD-BACK behind the edge,
// speeding up to 1.5x and seeking forward within its buffer (catchUp) to stay there, or with lowLatency false plain
// HLS two segments behind the edge; it can jump back to the live edge (toLiveEdge) and says how far behind it is
// (drift) and whether it plays parts (lowLatency). Given a multivariant (master) playlist, hls.js picks the variant
// and onVariant hears which ({height, uri}) each time it switches.
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

/** hls.js settings: history as it always was; live with low latency (the playlist's hold-back) or plain HLS. */
export function settings({live = false, lowLatency = true, startAt = null} = {}) {
  if (live && lowLatency) {
    // No liveSyncDurationCount: set by hand, it would override the playlist's PART-HOLD-BACK as the target latency.
    return {lowLatencyMode: true, maxLiveSyncPlaybackRate: 1.5, maxBufferLength: 10, backBufferLength: 30,
      enableWorker: true, autoStartLoad: true};
  }
  if (live) {
    return {lowLatencyMode: false, liveSyncDurationCount: 2, maxBufferLength: 10, backBufferLength: 30,
      enableWorker: true, autoStartLoad: true};
  }
  return {liveSyncDurationCount: 2, maxBufferLength: 30, enableWorker: true, autoStartLoad: startAt === null};
}

/** Whether a loaded playlist is Low-Latency HLS as hls.js read it: parts and blocking reload. */
export function usesParts(details) {
  return !!(details && details.partList && details.partList.length > 0 && details.canBlockReload);
}

export function attach(video, url, {live = false, lowLatency = true, startAt = null, onFatal = () => {},
  onStall = () => {}, onVariant = () => {}} = {}) {
  const Hls = window.Hls;
  if (Hls && Hls.isSupported()) {
    const hls = new Hls({
      xhrSetup: (xhr) => {
        const t = token();
        if (t) {
          xhr.setRequestHeader('Authorization', 'Bearer ' + t);
        }
      },
      ...settings({live, lowLatency, startAt}),
    });
    let details = null;
    hls.on(Hls.Events.LEVEL_LOADED, (event, data) => {
      details = data.details;
    });
    hls.on(Hls.Events.LEVEL_SWITCHED, (event, data) => {
      const level = hls.levels[data.level];
      if (level) {
        onVariant({height: level.height || 0, uri: level.uri || [].concat(level.url)[0]});
      }
    });
    if (startAt !== null) {
      hls.once(Hls.Events.MANIFEST_LOADED, (event, data) => {
        // A media playlist comes with its details; a multivariant one's variants load only once started: start
        // where the player would, and start again where the clock shows startAt once a variant has loaded.
        if (!data.levels.some((level) => level.details)) {
          hls.startLoad(-1);
        }
      });
      hls.once(Hls.Events.LEVEL_LOADED, (event, data) => {
        const position = positionOf(data.details.fragments, startAt);
        hls.startLoad(position === null ? 0 : position);
      });
    }
    hls.on(Hls.Events.ERROR, (event, data) => {
      if (data.fatal) {
        onFatal(data);
      } else if (data.details === Hls.ErrorDetails.BUFFER_STALLED_ERROR) {
        onStall(data);
      }
    });
    hls.loadSource(url);
    hls.attachMedia(video);
    video.play().catch(() => {});
    return {
      playingDate: () => hls.playingDate,
      lowLatency: () => usesParts(details),
      /** Seconds the picture is behind where the player means to be live (its live sync position); null if unknown. */
      drift: () => {
        const position = hls.liveSyncPosition;
        return position == null || !isFinite(position) ? null : position - video.currentTime;
      },
      /**
       * Low-Latency HLS only: when the picture is more than CATCH_UP_SECONDS behind where the playlist wants it
       * (PART-HOLD-BACK behind the live edge), seeks forward within what is already buffered. hls.js itself never
       * wins back a late start (it plays faster only above 1 s of buffer, and adds 1 s to its target per stall).
       * Returns the seconds gained, 0 if none.
       */
      catchUp: () => {
        if (!usesParts(details) || video.paused || video.seeking || !video.buffered.length) {
          return 0;
        }
        // hls.latency is as of the last timeupdate: computed here, it sees a seek at once
        const latency = details.edge + details.age - video.currentTime;
        const target = details.partHoldBack;
        if (!(latency > 0) || !(target > 0) || latency - target < CATCH_UP_SECONDS) {
          return 0;
        }
        const end = video.buffered.end(video.buffered.length - 1) - BUFFER_MARGIN_SECONDS;
        const to = Math.min(video.currentTime + (latency - target), end);
        const gain = to - video.currentTime;
        if (gain < CATCH_UP_SECONDS / 2) {
          return 0;
        }
        video.currentTime = to;
        return gain;
      },
      /** Seeks to the live sync position (low latency: PART-HOLD-BACK behind the edge) and plays; false if none yet. */
      toLiveEdge: () => {
        let position = hls.liveSyncPosition;
        if (position == null || !isFinite(position)) {
          return false;
        }
        if (usesParts(details) && details.partHoldBack > 0 && hls.targetLatency > details.partHoldBack) {
          // hls.js adds 1 s to its target for every stall it saw (up to a segment): the edge is the playlist's
          // PART-HOLD-BACK behind, not that, and hls.js never lets the target back down
          position = Math.min(position + hls.targetLatency - details.partHoldBack, details.edge - details.partTarget);
        }
        video.currentTime = position;
        video.play().catch(() => {});
        return true;
      },
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
  const edge = () => (video.seekable.length ? video.seekable.end(video.seekable.length - 1) : null);
  return {
    playingDate: () => (video.getStartDate && !isNaN(video.getStartDate().getTime())
        ? new Date(video.getStartDate().getTime() + video.currentTime * 1000) : null),
    lowLatency: () => null,
    catchUp: () => 0,
    drift: () => (edge() === null ? null : Math.max(0, edge() - NATIVE_HOLD_BACK - video.currentTime)),
    toLiveEdge: () => {
      if (edge() === null) {
        return false;
      }
      video.currentTime = Math.max(0, edge() - NATIVE_HOLD_BACK);
      video.play().catch(() => {});
      return true;
    },
    destroy: () => {
      video.removeAttribute('src');
      video.load();
    },
  };
}

/** How far behind its target a low-latency picture may fall before catchUp seeks forward. */
const CATCH_UP_SECONDS = 0.25;
/** What catchUp leaves buffered ahead of the picture, so the seek lands on frames already there. */
const BUFFER_MARGIN_SECONDS = 0.1;

/** Seconds behind the end of a native player's seekable range where it is live. */
const NATIVE_HOLD_BACK = 1;
