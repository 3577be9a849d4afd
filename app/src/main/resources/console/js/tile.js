// One live tile of the camera wall: its camera's name, state badge, the wall-clock time of the frame shown and how far
// behind live it is. It plays the camera's wall stream (its sub stream where it has one, streams.js) or, in full view,
// the multivariant playlist; it says over the picture why a camera that is not RECORDING shows none; one that falls
// behind or stops moving jumps back to the live edge, and one whose picture still does not move is reconnected.
import {attach} from './player.js';
import {cameraUrl, hasSub, statusOf, streamOfUri, variantName, wallStream} from './streams.js';

/** How often each tile's clock, behind-live figure and stall watch are updated. */
export const TICK_MILLIS = 250;
/** A picture that has not moved for this long jumps to the live edge... */
const STILL_MILLIS = 3000;
/** ...and one that has still not moved for this long is reconnected. */
const STALL_MILLIS = 8000;
/** A low-latency tile this far behind the browser's clock jumps to the live edge, if the live edge is ahead of it. */
const BEHIND_MILLIS = 3000;
/** The least a jump must gain (seconds from the picture to the player's live sync position). */
const MIN_GAIN_SECONDS = 1;
/** Jumps to the live edge at most this often per tile. */
const JUMP_EVERY_MILLIS = 3000;
/** A low-latency tile seeks forward within its buffer at most this often when behind its target (player.catchUp). */
const CATCH_UP_EVERY_MILLIS = 1000;

/** HH:MM:SS in the browser's locale, 24-hour. */
const CLOCK = new Intl.DateTimeFormat(undefined, {hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'});

/** "0.7 s behind", "12 s behind". */
export function behindText(millis) {
  const seconds = Math.max(0, millis) / 1000;
  return (seconds < 10 ? seconds.toFixed(1) : String(Math.round(seconds))) + ' s behind';
}

/** A camera's error as words: FFmpeg's numeric codes, which an older node may still send, left out. */
export function words(error) {
  return String(error).replace(/\s*\(-?\d{3,}\)/g, '').trim();
}

export function makeTile(camera, lowLatency, mainOnly) {
  const element = document.createElement('figure');
  element.className = 'tile';
  element.dataset.camera = camera.id;
  element.dataset.hls = lowLatency ? 'low-latency' : 'plain';
  element.dataset.liveJumps = '0';
  element.dataset.reconnects = '0';
  element.tabIndex = 0;
  element.innerHTML = `
    <video muted playsinline autoplay></video>
    <div class="overlay" role="status"></div>
    <figcaption><span class="name"></span> <span class="badge"></span>
      <time class="clock"></time> <span class="behind"></span> <span class="age"></span>
      <span class="stream" title="The stream this tile plays"></span></figcaption>`;
  const video = element.querySelector('video');
  const overlay = element.querySelector('.overlay');
  const clock = element.querySelector('.clock');
  const behindLabel = element.querySelector('.behind');
  const streamLabel = element.querySelector('.stream');
  let player = null;
  /** The playlist the player plays (it is replaced when that changes: full view, the sub stream down). */
  let playing = null;
  let full = false;
  /** This full view's multivariant playlist failed (no footage yet, say): it plays the main stream's instead. */
  let masterFailed = false;
  let lastTime = -1;
  let lastMoved = Date.now();
  let lastJump = 0;
  let lastCatchUp = 0;
  let stillJumped = false;
  let state = null;
  let stallNote = '';

  const toggleFull = () => setFull(!full);
  element.addEventListener('click', toggleFull);
  element.addEventListener('keydown', (e) => { if (e.key === 'Enter') toggleFull(); });
  // The picture moves when it plays on: a seek (the wall's own jumps, hls.js's) is not movement.
  video.addEventListener('seeking', () => { lastTime = video.currentTime; });
  video.addEventListener('timeupdate', () => {
    if (!video.paused && !video.seeking && video.currentTime !== lastTime) {
      lastTime = video.currentTime;
      lastMoved = Date.now();
      stillJumped = false;
      if (stallNote) {
        stallNote = '';
        say('');
      }
    }
  });

  /**
   * What the tile plays: the wall's stream (the sub stream where there is one; the main stream with ?stream=main); in
   * full view the multivariant playlist of a camera with a sub stream (Low-Latency HLS; plain HLS plays the main
   * stream's archive playlist), else the same playlist, bigger.
   */
  function source() {
    if (full && hasSub(camera) && !masterFailed) {
      return lowLatency
        ? {url: cameraUrl(camera.id, 'master.m3u8'), stream: 'main', master: true}
        : {url: cameraUrl(camera.id, 'live.m3u8', {source: 'archive'}), stream: 'main', master: false};
    }
    const stream = full || mainOnly ? 'main' : wallStream(camera);
    return {url: cameraUrl(camera.id, 'live.m3u8', {source: lowLatency ? null : 'archive', stream}), stream, master: false};
  }

  function showStream(chosen) {
    element.dataset.playlist = chosen.master ? 'master' : 'live';
    delete element.dataset.variant;
    if (chosen.master) {
      delete element.dataset.stream; // the variant hls.js picks says which, when it plays
      streamLabel.textContent = 'main + sub';
    } else {
      element.dataset.stream = chosen.stream;
      streamLabel.textContent = chosen.stream;
    }
  }

  function onVariant(variant) {
    element.dataset.variant = variantName(variant);
    if (playing && playing.master) {
      element.dataset.stream = streamOfUri(variant.uri);
      streamLabel.textContent = element.dataset.variant;
    }
  }

  function start() {
    const chosen = source();
    if (player && playing.url !== chosen.url) {
      stop();
    }
    if (!player) {
      lastMoved = Date.now();
      lastTime = -1;
      stillJumped = false;
      playing = chosen;
      showStream(chosen);
      player = attach(video, chosen.url, {
        live: true,
        lowLatency,
        onFatal: () => {
          masterFailed = masterFailed || chosen.master;
          stop();
        },
        onStall: () => jump('stalled'),
        onVariant,
      });
    }
  }

  function setFull(on) {
    if (full === on) {
      return;
    }
    full = on;
    masterFailed = false;
    element.classList.toggle('full', on);
    if (player) {
      start(); // another playlist for the full view, if the camera has a sub stream
    }
  }

  function stop() {
    if (player) {
      player.destroy();
      player = null;
      playing = null;
    }
    showClock(null);
    delete element.dataset.lowLatency;
  }

  /** Seeks to the live edge unless it just did; true if it did. */
  function jump(why) {
    if (!player || Date.now() - lastJump < JUMP_EVERY_MILLIS || !player.toLiveEdge()) {
      return false;
    }
    lastJump = Date.now();
    element.dataset.liveJumps = String(Number(element.dataset.liveJumps) + 1);
    element.dataset.lastJump = why;
    return true;
  }

  function say(text) {
    if (text.startsWith('STALLED')) {
      element.dataset.lastStall = text;
    }
    overlay.textContent = text;
    overlay.hidden = !text;
    element.classList.toggle('down', !!text);
  }

  function showClock(date) {
    if (date === null || isNaN(date.getTime())) {
      clock.textContent = '';
      clock.removeAttribute('datetime');
      behindLabel.textContent = '';
      delete element.dataset.playingDate;
      delete element.dataset.behindMillis;
      element.classList.remove('playing');
      return;
    }
    const millis = date.getTime();
    const behind = Date.now() - millis;
    clock.textContent = CLOCK.format(date);
    clock.dateTime = date.toISOString();
    behindLabel.textContent = behindText(behind);
    element.dataset.playingDate = String(Math.round(millis));
    element.dataset.behindMillis = String(Math.round(behind));
    element.classList.add('playing');
  }

  return {
    element,
    stop,
    setFull,
    /** Clock and behind-live figure; back to the live edge when behind or still; reconnect when stuck. */
    tick() {
      if (!player) {
        return;
      }
      const date = player.playingDate();
      showClock(date);
      const parts = player.lowLatency();
      if (parts !== null) {
        element.dataset.lowLatency = String(parts);
      }
      const still = Date.now() - lastMoved;
      if (still > STALL_MILLIS) {
        stallNote = 'STALLED: the picture stopped; reconnecting';
        say(stallNote);
        element.dataset.reconnects = String(Number(element.dataset.reconnects) + 1);
        stop();
        start();
      } else if (still > STILL_MILLIS && lastTime >= 0 && !stillJumped) {
        if (jump('still')) {
          stillJumped = true;
          stallNote = 'STALLED: the picture stopped; back to the live edge';
          say(stallNote);
        }
      } else if (lowLatency && !video.paused && !video.seeking) {
        // (plain HLS plays about two segments behind the edge by design, and as it always did: neither for that)
        // behind its target: seek forward within what is buffered; far behind with nothing buffered ahead: jump
        const farBehind = date && Date.now() - date.getTime() > BEHIND_MILLIS;
        if (farBehind || Date.now() - lastCatchUp > CATCH_UP_EVERY_MILLIS) {
          if (player.catchUp() > 0) {
            lastCatchUp = Date.now();
            element.dataset.catchUps = String(Number(element.dataset.catchUps || 0) + 1);
          } else if (farBehind) {
            const gain = player.drift();
            if (gain !== null && gain > MIN_GAIN_SECONDS) {
              jump('behind');
            }
          }
        }
      }
    },
    update(c) {
      camera = c;
      const chosen = source();
      const status = statusOf(c, chosen.stream);
      state = c.enabled === false ? 'DISABLED' : (status.state || 'CONNECTING');
      element.querySelector('.name').textContent = c.name || c.id;
      const badge = element.querySelector('.badge');
      badge.textContent = state;
      badge.dataset.state = state;
      const last = status.lastSegmentAt ? Date.parse(status.lastSegmentAt) : null;
      const age = last ? Math.max(0, Math.round((Date.now() - last) / 1000)) : null;
      element.querySelector('.age').textContent = age === null ? 'no video yet' : `last segment ${age} s ago`;
      if (state === 'RECORDING') {
        start();
        say(stallNote);
      } else {
        stop();
        showStream(chosen);
        stallNote = '';
        const since = last ? ' since ' + CLOCK.format(new Date(last)) : '';
        say(`${state}: no live video${since}` + (status.lastError ? ` (${words(status.lastError)})` : ''));
      }
    },
  };
}
