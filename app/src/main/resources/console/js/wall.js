// The camera wall: live tiles in a 1/4/9/16 grid (remembered) that fits the window, each with the camera's name,
// state badge, the wall-clock time of the frame shown and how far behind live it is. Tiles play Low-Latency HLS
// (#/wall?hls=plain: plain HLS from the archive, for comparisons). A tile whose camera is not RECORDING says so
// over the picture instead of freezing on an old frame; one that falls behind or stops moving jumps back to the
// live edge, and one whose picture still does not move is reconnected. A tile plays the camera's sub stream where it
// has one (streams.js; #/wall?stream=main: every tile its main stream, for comparisons), and its full view the
// multivariant playlist, hls.js picking the variant; the caption says which.
import {api} from './api.js';
import {attach} from './player.js';
import {cameraUrl, hasSub, statusOf, streamOfUri, variantName, wallStream} from './streams.js';

const SIZES = [1, 4, 9, 16];
const STATUS_EVERY_MILLIS = 3000;
/** How often each tile's clock, behind-live figure and stall watch are updated. */
const TICK_MILLIS = 250;
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

export async function wallPage(section, params = new URLSearchParams()) {
  let size = Number(localStorage.getItem('vigil.wall.size')) || 4;
  let page = 0;
  const lowLatency = params.get('hls') !== 'plain';
  /** Every tile plays its camera's main stream (?stream=main), not the wall stream. */
  const mainOnly = params.get('stream') === 'main';
  const tiles = new Map();
  section.innerHTML = `
    <div class="toolbar">
      <span id="wall-sizes" role="group" aria-label="Tiles per screen">
        ${SIZES.map((n) => `<button type="button" data-size="${n}" aria-pressed="${n === size}">${n}</button>`).join('')}
      </span>
      <button type="button" id="wall-prev" aria-label="Previous cameras">&lsaquo;</button>
      <span id="wall-page"></span>
      <button type="button" id="wall-next" aria-label="Next cameras">&rsaquo;</button>
      <span class="hint" id="wall-mode">${lowLatency ? 'Low-Latency HLS' : 'plain HLS'}${mainOnly ? ', main streams' : ''}</span>
    </div>
    <div class="wall" id="wall-grid" data-hls="${lowLatency ? 'low-latency' : 'plain'}"></div>`;
  const grid = section.querySelector('#wall-grid');

  // The grid is as wide as lets its rows of 16:9 tiles fit the height left below the toolbar.
  function fit() {
    const top = grid.getBoundingClientRect().top + window.scrollY;
    const below = parseFloat(getComputedStyle(section.parentElement).paddingBottom) || 0;
    grid.style.setProperty('--wall-height', Math.max(120, Math.floor(window.innerHeight - top - below) - 1) + 'px');
  }

  function layout(cameras) {
    const pages = Math.max(1, Math.ceil(cameras.length / size));
    page = Math.min(page, pages - 1);
    section.querySelector('#wall-page').textContent = cameras.length ? `${page + 1} / ${pages}` : 'no cameras yet';
    const columns = Math.ceil(Math.sqrt(size));
    grid.style.setProperty('--columns', String(columns));
    grid.style.setProperty('--rows', String(Math.ceil(size / columns)));
    grid.dataset.size = String(size);
    fit();
    const shown = cameras.slice(page * size, page * size + size);
    const ids = new Set(shown.map((c) => c.id));
    for (const [id, tile] of tiles) {
      if (!ids.has(id)) {
        tile.stop();
        tile.element.remove();
        tiles.delete(id);
      }
    }
    shown.forEach((camera, i) => {
      let tile = tiles.get(camera.id);
      if (!tile) {
        tile = makeTile(camera, lowLatency, mainOnly);
        tiles.set(camera.id, tile);
      }
      if (grid.children[i] !== tile.element) {
        grid.insertBefore(tile.element, grid.children[i] || null);
      }
      tile.update(camera);
    });
  }

  let cameras = [];
  async function refresh() {
    try {
      cameras = await api('/api/cameras');
      layout(cameras);
    } catch (e) {
      section.querySelector('#wall-page').textContent = 'cannot reach Vigil: ' + e.message;
    }
  }

  section.querySelector('#wall-sizes').addEventListener('click', (e) => {
    const n = Number(e.target.dataset.size);
    if (n) {
      size = n;
      localStorage.setItem('vigil.wall.size', String(n));
      section.querySelectorAll('#wall-sizes button').forEach((b) => b.setAttribute('aria-pressed', String(Number(b.dataset.size) === n)));
      layout(cameras);
    }
  });
  section.querySelector('#wall-prev').addEventListener('click', () => { page = Math.max(0, page - 1); layout(cameras); });
  section.querySelector('#wall-next').addEventListener('click', () => { page += 1; layout(cameras); });
  window.addEventListener('resize', fit);
  await refresh();
  const timer = setInterval(refresh, STATUS_EVERY_MILLIS);
  const ticker = setInterval(() => tiles.forEach((t) => t.tick()), TICK_MILLIS);
  const onKey = (e) => {
    if (e.key === 'Escape') {
      tiles.forEach((t) => t.setFull(false));
    }
  };
  document.addEventListener('keydown', onKey);
  return () => {
    clearInterval(timer);
    clearInterval(ticker);
    window.removeEventListener('resize', fit);
    document.removeEventListener('keydown', onKey);
    tiles.forEach((t) => t.stop());
  };
}

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

function makeTile(camera, lowLatency, mainOnly) {
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
