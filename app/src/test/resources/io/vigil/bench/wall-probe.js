// The wall benches' probe on the console's own wall (LatencyBench, WallBench, WallPage). Chromium runs this before any
// script of every document (DevTools' Page.addScriptToEvaluateOnNewDocument), so the console loads, signs in from
// its session storage, and plays its tiles with its own player module (player.js: settings(), attach(), catchUp(),
// called by wall.js) exactly as for a guard; the probe only watches. It catches hls.js as the console's
// <script> defines window.Hls and wraps Hls.prototype.attachMedia, which player.js calls once per player, to learn
// each tile's player (the tile is the <figure data-camera> around the <video>; a reconnected tile gets a new player
// on the same video). It keeps, per tile, what the bench reads back: when the player was made and the tile first
// played, how it started, a sample every second of the latency (Date.now() - hls.playingDate) with hls.js's own view
// (latency to the playlist's edge, target latency, forward buffer, playback rate) and the wall's (its behind-live
// figure, catch-ups, live-edge jumps, reconnects), and for each part or segment buffered while sampling how long
// after the capture of its last frame it was loaded and buffered, and its decoded and dropped frames (counted across a
// reconnect, whose new player starts the video's counts again). The requests of the sampling window come from the
// Resource Timing API, with the bytes each delivered. Times from performance.now() are milliseconds since the
// document's navigation started.
(function () {
  const probe = {tiles: new Map(), sampling: null, players: 0};
  window.latencyProbe = probe;
  let Hls;

  Object.defineProperty(window, 'Hls', {
    configurable: true,
    enumerable: true,
    get: () => Hls,
    set: (value) => {
      Hls = value;
      if (value && value.prototype && !value.prototype.attachMedia.latencyProbe) {
        const attachMedia = value.prototype.attachMedia;
        value.prototype.attachMedia = function (media) {
          try {
            watch(this, media);
          } catch (e) {
            probe.problem = String(e);
          }
          return attachMedia.call(this, media);
        };
        value.prototype.attachMedia.latencyProbe = true;
      }
    },
  });

  function quality(video) {
    const q = video.getVideoPlaybackQuality ? video.getVideoPlaybackQuality() : null;
    return q ? {dropped: q.droppedVideoFrames, total: q.totalVideoFrames} : {dropped: 0, total: 0};
  }

  /** Adds the frames the video decoded and dropped since the last call to tile.counted (a new player restarts them). */
  function countFrames(tile) {
    const q = quality(tile.video);
    const last = tile.lastQuality;
    const restarted = q.total < last.total || q.dropped < last.dropped;
    tile.counted.frames += restarted ? q.total : q.total - last.total;
    tile.counted.dropped += restarted ? q.dropped : q.dropped - last.dropped;
    tile.lastQuality = q;
  }

  function wallCount(element, name) {
    return element ? Number(element.dataset[name] || 0) : 0;
  }

  /** A new player on a tile's video: the tile's first one makes the tile's record, later ones (reconnects) replace hls. */
  function watch(hls, video) {
    probe.players++;
    const element = video.closest('.tile');
    const camera = element ? element.dataset.camera : 'tile-' + probe.tiles.size;
    let tile = probe.tiles.get(camera);
    if (!tile) {
      tile = {
        camera, element, video, hls, url: hls.url, created: performance.now(), players: 0, playingAt: null,
        datedAt: null, stalls: 0, waiting: 0, errors: [], fatal: null, buffered: [], samples: [],
        startup: {playlists: 0, emptyPlaylists: 0, firstFragments: null, firstLoaded: null, loadedBeforePlaying: 0,
          firstLoadedStart: null, firstLoadedIndependent: null},
      };
      probe.tiles.set(camera, tile);
      video.addEventListener('playing', () => {
        if (tile.playingAt !== null) {
          return;
        }
        tile.playingAt = performance.now();
        const h = tile.hls;
        const date = h.playingDate;
        Object.assign(tile.startup, {
          latency: date ? Date.now() - date.getTime() : null,
          hlsLatency: h.latency,
          target: h.targetLatency,
          liveSyncPosition: h.liveSyncPosition,
          currentTime: video.currentTime,
          bufferedFrom: video.buffered.length ? video.buffered.start(0) : null,
          bufferedTo: video.buffered.length ? video.buffered.end(video.buffered.length - 1) : null,
        });
        dated();
      });
      video.addEventListener('waiting', () => tile.waiting++);
    }
    tile.hls = hls;
    tile.config = {};
    for (const [key, value] of Object.entries(hls.userConfig || {})) {
      if (typeof value !== 'function') {
        tile.config[key] = value; // the settings the console gave hls.js (player.js's settings())
      }
    }
    tile.element = element || tile.element;
    tile.players++;
    const first = tile.players === 1;
    const E = Hls.Events;
    hls.on(E.ERROR, (event, data) => {
      if (data.details === Hls.ErrorDetails.BUFFER_STALLED_ERROR) {
        tile.stalls++;
      }
      if (first && data.details === Hls.ErrorDetails.LEVEL_EMPTY_ERROR && tile.playingAt === null) {
        tile.startup.emptyPlaylists++;
      }
      const what = data.type + '/' + data.details + (data.response && data.response.code ? ' HTTP ' + data.response.code : '');
      if (data.fatal && tile.fatal === null) {
        tile.fatal = what;
      }
      if (tile.errors.length < 20) {
        tile.errors.push(Math.round(performance.now()) + ' ms: ' + (data.fatal ? 'FATAL ' : '') + what);
      }
    });
    // how the tile started: when a playlist first had segments, what hls.js loaded first and how much before playing
    hls.on(E.LEVEL_LOADED, (event, data) => {
      if (!first) {
        return;
      }
      tile.startup.playlists++;
      if (tile.startup.firstFragments === null && data.details.fragments.length) {
        tile.startup.firstFragments = performance.now();
      }
    });
    hls.on(E.FRAG_LOADED, (event, data) => {
      if (!first || tile.playingAt !== null || data.frag.sn === 'initSegment') {
        return;
      }
      tile.startup.loadedBeforePlaying++;
      if (tile.startup.firstLoaded === null) {
        tile.startup.firstLoaded = performance.now();
        tile.startup.firstLoadedStart = data.part ? data.part.start : data.frag.start;
        tile.startup.firstLoadedIndependent = data.part ? data.part.independent === true : true;
      }
    });
    hls.on(E.FRAG_BUFFERED, (event, data) => {
      // only while sampling, and only fragments dated by the playlist
      if (probe.sampling === null || probe.sampling.endedAt !== null || data.frag.programDateTime == null
          || data.frag.sn === 'initSegment') {
        return;
      }
      const frag = data.frag;
      const end = data.part ? data.part.start + data.part.duration : frag.start + frag.duration;
      const lastCaptured = frag.programDateTime + (end - frag.start) * 1000; // the end of its last frame
      const stats = data.stats;
      tile.buffered.push({
        part: data.part !== null,
        loaded: performance.timeOrigin + stats.loading.end - lastCaptured,
        buffered: performance.timeOrigin + stats.buffering.end - lastCaptured,
      });
    });
    dated();
  }

  // the first moment each tile plays with a date for its frame (polled: hls.js dates the frame after `playing`)
  let datedTimer = null;
  function dated() {
    if (datedTimer !== null) {
      return;
    }
    datedTimer = setInterval(() => {
      let pending = false;
      for (const tile of probe.tiles.values()) {
        if (tile.datedAt === null) {
          if (tile.playingAt !== null && tile.hls.playingDate) {
            tile.datedAt = performance.now();
          } else {
            pending = true;
          }
        }
      }
      if (!pending) {
        clearInterval(datedTimer);
        datedTimer = null;
      }
    }, 10);
  }

  /** The tiles on the wall now, in its order, with their records (null until a player was made). */
  function shown() {
    return [...document.querySelectorAll('#wall-grid .tile')].map((e) => probe.tiles.get(e.dataset.camera) || null);
  }

  /**
   * The wall's tiles: how many, and per tile its camera, created / playing / dated (ms since navigation, null until
   * then), how it started, what the wall says of it (data-low-latency, data-hls) and its errors.
   */
  probe.status = function () {
    const grid = document.getElementById('wall-grid');
    return {
      wall: grid ? {size: Number(grid.dataset.size), hls: grid.dataset.hls,
        tiles: grid.querySelectorAll('.tile').length} : null,
      players: probe.players,
      problem: probe.problem || null,
      tiles: shown().filter((t) => t !== null).map((t) => ({
        camera: t.camera, url: t.url, created: t.created, playing: t.playingAt, dated: t.datedAt, fatal: t.fatal,
        errors: t.errors.slice(), players: t.players, startup: t.startup, config: t.config, hls: t.element.dataset.hls,
        lowLatency: t.element.dataset.lowLatency === undefined ? null : t.element.dataset.lowLatency,
        behindMillis: t.element.dataset.behindMillis === undefined ? null : Number(t.element.dataset.behindMillis),
        stream: t.element.dataset.stream === undefined ? null : t.element.dataset.stream,
        width: t.video.videoWidth, height: t.video.videoHeight, frames: quality(t.video).total,
      })),
    };
  };

  /** Samples every tile every `everyMillis` ms, `count` times; sampled() says when done. */
  probe.sample = function (count, everyMillis) {
    const tiles = shown().filter((t) => t !== null);
    probe.sampling = {startedAt: performance.now(), endedAt: null, taken: 0, tiles};
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(1000000);
    for (const tile of tiles) {
      tile.buffered = [];
      tile.samples = [];
      tile.lastQuality = quality(tile.video);
      tile.counted = {frames: 0, dropped: 0};
      tile.before = {stalls: tile.stalls, waiting: tile.waiting, players: tile.players,
        catchUps: wallCount(tile.element, 'catchUps'), liveJumps: wallCount(tile.element, 'liveJumps'),
        reconnects: wallCount(tile.element, 'reconnects')};
    }
    const timer = setInterval(() => {
      const now = Date.now();
      try {
        sampleTiles(now);
      } catch (e) {
        probe.problem = String(e && e.stack || e); // said by WallPage if the sampling never ends
        throw e;
      }
      probe.sampling.taken++;
      if (probe.sampling.taken >= count) {
        clearInterval(timer);
        probe.sampling.endedAt = performance.now();
      }
    }, everyMillis);

    function sampleTiles(now) {
      for (const tile of tiles) {
        countFrames(tile);
        const hls = tile.hls;
        const date = hls.playingDate;
        const video = tile.video;
        const ranges = video.buffered;
        const behind = tile.element.dataset.behindMillis;
        tile.samples.push({
          latency: date ? now - date.getTime() : null,
          shown: behind === undefined ? null : Number(behind),
          hlsLatency: hls.latency,
          target: hls.targetLatency,
          drift: hls.drift,
          buffer: ranges.length ? ranges.end(ranges.length - 1) - video.currentTime : 0,
          rate: video.playbackRate,
          currentTime: video.currentTime,
          readyState: video.readyState,
          height: video.videoHeight,
        });
      }
    }
  };

  probe.sampled = function () {
    return probe.sampling !== null && probe.sampling.endedAt !== null;
  };

  /** The camera a request is for: its id in /api/cameras/{id}/..., null for others. */
  function cameraOf(url) {
    const m = /^\/api\/cameras\/([^/]+)\//.exec(new URL(url, location.href).pathname);
    return m ? decodeURIComponent(m[1]) : null;
  }

  function kind(url) {
    const path = new URL(url, location.href).pathname;
    if (!/^\/api\/cameras\/[^/]+\/./.test(path)) {
      return 'other'; // the console's own files, its camera list every 3 s
    }
    return path.endsWith('.m3u8') ? 'playlist' : path.indexOf('/init') >= 0 ? 'init' : 'media';
  }

  /** What the sampling window saw: per tile its samples and buffered fragments; the requests of all tiles. */
  probe.results = function () {
    const from = probe.sampling.startedAt;
    const to = probe.sampling.endedAt;
    const requests = performance.getEntriesByType('resource')
        .filter((e) => e.startTime >= from && e.startTime <= to)
        .map((e) => ({
          kind: kind(e.name),
          blocking: e.name.indexOf('_HLS_msn=') >= 0,
          duration: e.responseEnd - e.startTime,
          waiting: e.responseStart > 0 ? e.responseStart - e.startTime : null,
          camera: cameraOf(e.name),
          stream: new URL(e.name, location.href).searchParams.get('stream') || 'main',
          transfer: e.transferSize, // headers and body as delivered; 0 from the cache
          body: e.encodedBodySize,
        }))
        .filter((r) => r.kind !== 'other');
    return {
      seconds: (to - from) / 1000,
      requests,
      tiles: probe.sampling.tiles.map((t) => {
        const b = t.before; // frames were counted at each sample, the last one ending the window
        return {
          camera: t.camera,
          stream: t.element.dataset.stream === undefined ? null : t.element.dataset.stream,
          width: t.video.videoWidth,
          height: t.video.videoHeight,
          samples: t.samples,
          buffered: t.buffered,
          stalls: t.stalls - b.stalls,
          waiting: t.waiting - b.waiting,
          dropped: t.counted.dropped,
          frames: t.counted.frames,
          players: t.players - b.players,
          catchUps: wallCount(t.element, 'catchUps') - b.catchUps,
          liveJumps: wallCount(t.element, 'liveJumps') - b.liveJumps,
          reconnects: wallCount(t.element, 'reconnects') - b.reconnects,
          lowLatency: t.element.dataset.lowLatency === undefined ? null : t.element.dataset.lowLatency,
          fatal: t.fatal,
          errors: t.errors.slice(),
        };
      }),
    };
  };
})();
