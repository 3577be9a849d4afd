// The latency bench's player page (LatencyBench, LatencyPage). Selenium runs this in a document of Vigil's own origin
// that has no script of its own (the /health answer), so every request is same-origin and nothing but hls.js plays:
// N muted <video> tiles in a grid, each with hls.js on one camera's live playlist and the bearer token. It keeps, per
// tile, what the bench reads back: when the tile started playing, a sample every second of the latency
// (Date.now() - hls.playingDate) and of hls.js's own view (latency to the playlist's edge, target latency, drift,
// forward buffer, playback rate), and for each part or segment buffered while sampling how long after the capture of
// its last frame it was loaded and buffered. Times from performance.now() are milliseconds since navigation start.
window.latencyBench = (function () {
  const bench = {tiles: [], sampling: null};

  /** Loads hls.js from Vigil's WebJar; calls done(true) or done(an error message). */
  bench.load = function (src, done) {
    if (window.Hls) {
      done(true);
      return;
    }
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => done(window.Hls && window.Hls.isSupported() ? true : 'hls.js loaded but not supported here');
    script.onerror = () => done('cannot load ' + src);
    document.head.appendChild(script);
  };

  /** spec: {token, columns, config: hls.js settings, extra: JSON text merged over them, tiles: [{camera, url}]} */
  bench.start = function (spec) {
    document.head.querySelectorAll('style').forEach((s) => s.remove());
    document.body.innerHTML = '';
    document.body.style.cssText = 'margin:0;background:#000;overflow:hidden';
    const grid = document.createElement('div');
    grid.style.cssText = 'display:grid;width:100vw;height:100vh;grid-template-columns:repeat(' + spec.columns
        + ',minmax(0,1fr));grid-auto-rows:minmax(0,1fr)';
    document.body.appendChild(grid);
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(1000000);
    const config = Object.assign({}, spec.config, spec.extra ? JSON.parse(spec.extra) : {});
    for (const t of spec.tiles) {
      const video = document.createElement('video');
      video.muted = true;
      video.autoplay = true;
      video.playsInline = true;
      video.style.cssText = 'width:100%;height:100%;object-fit:contain;display:block';
      grid.appendChild(video);
      const hls = new Hls(Object.assign({}, config, {
        xhrSetup: (xhr) => xhr.setRequestHeader('Authorization', 'Bearer ' + spec.token),
      }));
      const tile = {
        camera: t.camera, hls, video, created: performance.now(), playingAt: null, datedAt: null,
        stalls: 0, waiting: 0, errors: [], fatal: null, buffered: [], samples: [],
        startup: {playlists: 0, emptyPlaylists: 0, firstFragments: null, firstLoaded: null, loadedBeforePlaying: 0,
          firstLoadedStart: null, firstLoadedIndependent: null},
      };
      hls.on(Hls.Events.ERROR, (event, data) => {
        if (data.details === Hls.ErrorDetails.BUFFER_STALLED_ERROR) {
          tile.stalls++;
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
      hls.on(Hls.Events.LEVEL_LOADED, (event, data) => {
        tile.startup.playlists++;
        if (tile.startup.firstFragments === null && data.details.fragments.length) {
          tile.startup.firstFragments = performance.now();
        }
      });
      hls.on(Hls.Events.ERROR, (event, data) => {
        if (data.details === Hls.ErrorDetails.LEVEL_EMPTY_ERROR && tile.playingAt === null) {
          tile.startup.emptyPlaylists++;
        }
      });
      hls.on(Hls.Events.FRAG_LOADED, (event, data) => {
        if (tile.playingAt !== null || data.frag.sn === 'initSegment') {
          return;
        }
        tile.startup.loadedBeforePlaying++;
        if (tile.startup.firstLoaded === null) {
          tile.startup.firstLoaded = performance.now();
          tile.startup.firstLoadedStart = data.part ? data.part.start : data.frag.start;
          tile.startup.firstLoadedIndependent = data.part ? data.part.independent === true : true;
        }
      });
      hls.on(Hls.Events.FRAG_BUFFERED, (event, data) => {
        // only while sampling, and only fragments dated by the playlist
        if (bench.sampling === null || data.frag.programDateTime == null || data.frag.sn === 'initSegment') {
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
      video.addEventListener('playing', () => {
        if (tile.playingAt === null) {
          tile.playingAt = performance.now();
          const date = hls.playingDate;
          Object.assign(tile.startup, {
            latency: date ? Date.now() - date.getTime() : null,
            hlsLatency: hls.latency,
            target: hls.targetLatency,
            liveSyncPosition: hls.liveSyncPosition,
            currentTime: video.currentTime,
            bufferedFrom: video.buffered.length ? video.buffered.start(0) : null,
            bufferedTo: video.buffered.length ? video.buffered.end(video.buffered.length - 1) : null,
          });
        }
      });
      video.addEventListener('waiting', () => tile.waiting++);
      hls.loadSource(t.url);
      hls.attachMedia(video);
      video.play().catch(() => {});
      bench.tiles.push(tile);
    }
    const watch = setInterval(() => {
      let pending = false;
      for (const tile of bench.tiles) {
        if (tile.datedAt === null) {
          if (tile.playingAt !== null && tile.hls.playingDate) {
            tile.datedAt = performance.now();
          } else {
            pending = true;
          }
        }
      }
      if (!pending) {
        clearInterval(watch);
      }
    }, 10);
  };

  /** Per tile: camera, ms from navigation start to created, first playing event and first playingDate; errors. */
  bench.status = function () {
    return bench.tiles.map((t) => ({
      camera: t.camera, created: t.created, playing: t.playingAt, dated: t.datedAt, fatal: t.fatal,
      errors: t.errors.slice(), currentTime: t.video.currentTime, readyState: t.video.readyState,
      startup: t.startup,
    }));
  };

  function quality(video) {
    const q = video.getVideoPlaybackQuality ? video.getVideoPlaybackQuality() : null;
    return q ? {dropped: q.droppedVideoFrames, total: q.totalVideoFrames} : {dropped: 0, total: 0};
  }

  /** Samples every tile every `everyMillis` ms, `count` times; sampled() says when done. */
  bench.sample = function (count, everyMillis) {
    const startedAt = performance.now();
    bench.sampling = {startedAt, endedAt: null, taken: 0};
    for (const tile of bench.tiles) {
      tile.buffered = [];
      tile.stallsBefore = tile.stalls;
      tile.waitingBefore = tile.waiting;
      tile.qualityBefore = quality(tile.video);
    }
    const timer = setInterval(() => {
      const now = Date.now();
      for (const tile of bench.tiles) {
        const date = tile.hls.playingDate;
        const video = tile.video;
        const ranges = video.buffered;
        tile.samples.push({
          latency: date ? now - date.getTime() : null,
          hlsLatency: tile.hls.latency,
          target: tile.hls.targetLatency,
          drift: tile.hls.drift,
          buffer: ranges.length ? ranges.end(ranges.length - 1) - video.currentTime : 0,
          rate: video.playbackRate,
          currentTime: video.currentTime,
          readyState: video.readyState,
        });
      }
      bench.sampling.taken++;
      if (bench.sampling.taken >= count) {
        clearInterval(timer);
        bench.sampling.endedAt = performance.now();
      }
    }, everyMillis);
  };

  bench.sampled = function () {
    return bench.sampling !== null && bench.sampling.endedAt !== null;
  };

  /** What the sampling window saw: per tile its samples and buffered fragments; the requests of all tiles. */
  bench.results = function () {
    const from = bench.sampling.startedAt;
    const to = bench.sampling.endedAt;
    const requests = performance.getEntriesByType('resource')
        .filter((e) => e.startTime >= from && e.startTime <= to)
        .map((e) => ({
          kind: e.name.indexOf('.m3u8') >= 0 ? 'playlist' : e.name.indexOf('/init') >= 0 ? 'init' : 'media',
          blocking: e.name.indexOf('_HLS_msn=') >= 0,
          duration: e.responseEnd - e.startTime,
          waiting: e.responseStart > 0 ? e.responseStart - e.startTime : null,
        }));
    return {
      seconds: (to - from) / 1000,
      requests,
      tiles: bench.tiles.map((t) => {
        const q = quality(t.video);
        return {
          camera: t.camera,
          samples: t.samples,
          buffered: t.buffered,
          stalls: t.stalls - t.stallsBefore,
          waiting: t.waiting - t.waitingBefore,
          dropped: q.dropped - t.qualityBefore.dropped,
          frames: q.total - t.qualityBefore.total,
          fatal: t.fatal,
          errors: t.errors.slice(),
        };
      }),
    };
  };

  bench.stop = function () {
    for (const t of bench.tiles) {
      t.hls.destroy();
      t.video.removeAttribute('src');
      t.video.load();
    }
    bench.tiles = [];
  };

  return bench;
})();
