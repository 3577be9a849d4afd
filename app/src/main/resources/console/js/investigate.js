// Investigate: 1, 2, 4 or 9 cameras played together on one clock (sync.js), each in a tile that plays from its first
// footage at or after the time chosen or says it has none (playback.js), one timeline with a row per camera (its
// spans, gaps, activity and events, marks.js), times in the site's time zone or UTC (clock.js), speed 0.5x to 16x,
// frame step, previous and next event, a bookmark at the shown time, a range dragged out on the timeline for the range
// actions (range.js) and a snapshot of the hovered camera and time. #/investigate?cameras=a,b&at=<RFC 3339> plays
// from then.
import {api, may} from './api.js';
import {dateTime, dayOf, loadSiteZone, setUtc, site, startOfDay, ticks, utcShown} from './clock.js';
import {bookmark, nextEvent, previousEvent} from './events.js';
import {drawMarks, eventLabels, marksOf} from './marks.js';
import {footageFrom, openTile, playbackTile, tileStream} from './playback.js';
import {rangeControls, rangeHtml} from './range.js';
import {cameraUrl} from './streams.js';
import {SyncGroup} from './sync.js';
import {thumbnails} from './thumbs.js';
import {iso, TimelineBar} from './timeline.js';

const LAYOUTS = [1, 2, 4, 9];
const SPEEDS = [0.5, 1, 2, 4, 8, 16];
const DAY_MILLIS = 24 * 3600e3;
const PLAYHEAD_EVERY_MILLIS = 250;

export async function investigatePage(section, params) {
  const [cameras] = await Promise.all([api('/api/cameras'), loadSiteZone()]);
  const wanted = (params.get('cameras') || '').split(',').filter((id) => cameras.some((c) => c.id === id));
  let layout = LAYOUTS.find((n) => n >= wanted.length) || 9;
  let chosen = wanted.length ? wanted.slice(0, 9) : cameras.slice(0, 4).map((c) => c.id);
  layout = wanted.length ? layout : LAYOUTS.find((n) => n >= chosen.length) || 1;
  const at = params.get('at') ? Date.parse(params.get('at')) : NaN;
  const options = (selected) => ['<option value="">(none)</option>', ...cameras.map((c) =>
    `<option value="${c.id}"${c.id === selected ? ' selected' : ''}>${escape(c.name || c.id)}</option>`)].join('');
  section.innerHTML = `
    <div class="toolbar">
      <span role="group" aria-label="Cameras together" id="inv-layouts">${LAYOUTS.map((n) =>
        `<button type="button" data-layout="${n}" aria-pressed="false">${n}</button>`).join('')}</span>
      <span id="inv-slots"></span>
      <label for="inv-day">Day</label> <input id="inv-day" type="date">
      <label><input type="checkbox" id="inv-utc"> UTC</label>
      <span class="hint">site time zone <span id="inv-zone">${escape(site())}</span></span>
    </div>
    <div class="thumb-host"><div id="inv-timeline"></div><img id="inv-thumb" class="thumb" alt="" hidden></div>
    <div class="toolbar" id="inv-controls">
      <span id="inv-player-controls" ${may('history') ? '' : 'hidden'}>
      <button type="button" id="inv-play" aria-label="Play or pause">Play</button>
      <button type="button" id="inv-step" aria-label="One frame forward">Frame &rsaquo;</button>
      <span role="group" aria-label="Speed" id="inv-speeds">${SPEEDS.map((s) =>
        `<button type="button" data-speed="${s}" aria-pressed="${s === 1}">${s}&times;</button>`).join('')}</span></span>
      <button type="button" id="inv-prev-event">&lsaquo; Event</button>
      <button type="button" id="inv-next-event">Event &rsaquo;</button>
      <span ${may('events-write') ? '' : 'hidden'}><label for="inv-note">Note</label> <input id="inv-note" size="24">
        <button type="button" id="inv-bookmark">Bookmark</button></span>
      <span>Shown: <time id="inv-clock" data-epoch-ms="">not playing</time></span>
      <span class="hint" id="inv-spread" data-spread-millis=""></span>
      <span role="status" id="inv-message"></span>
    </div>
    <p class="hint" role="status" id="inv-event"></p>
    <div class="wall investigate" id="inv-grid" ${may('history') ? '' : 'hidden'}></div>${rangeHtml()}`;
  const $ = (selector) => section.querySelector(selector);
  const grid = $('#inv-grid');
  const clock = $('#inv-clock');
  const message = $('#inv-message');
  const cameraOf = (id) => cameras.find((c) => c.id === id);
  const showThumb = thumbnails($('#inv-thumb'), cameraOf);
  let day = null;
  let group = null;
  let players = [];
  let plays = 0;
  let speed = 1;
  let eventLists = [];
  let lastPlayhead = 0;
  $('#inv-utc').checked = utcShown();
  const bar = new TimelineBar($('#inv-timeline'), {
    onPick: (t) => play(t),
    onSelect: (selection) => select(selection),
    onHover: (hover) => showThumb(hover),
    drawRow: drawMarks,
    clock: {label: (t) => dateTime(t), ticks: (start, end) => ticks(start, end)},
  });
  eventLabels($('#inv-timeline'), $('#inv-event'));
  const select = rangeControls(section, {cameraIds: () => shown(), shownAt: () => (group ? group.now() : null), bar});
  const shown = () => chosen.filter(Boolean);

  function drawSlots() {
    chosen = Array.from({length: layout}, (_, i) => chosen[i] || '');
    $('#inv-slots').innerHTML = chosen.map((id, i) => `<label for="inv-slot-${i}">Camera ${i + 1}</label>
      <select id="inv-slot-${i}" data-slot="${i}">${options(id)}</select>`).join(' ');
    section.querySelectorAll('#inv-layouts button').forEach((b) =>
      b.setAttribute('aria-pressed', String(Number(b.dataset.layout) === layout)));
    grid.style.setProperty('--columns', String(Math.ceil(Math.sqrt(layout))));
    grid.style.setProperty('--rows', String(Math.ceil(layout / Math.ceil(Math.sqrt(layout)))));
    grid.dataset.size = String(layout);
  }

  async function load() {
    const start = startOfDay($('#inv-day').value);
    day = {start, end: start + DAY_MILLIS};
    const ids = shown();
    const range = {start: iso(day.start), end: iso(day.end)};
    const [timelines, marks] = await Promise.all([
      Promise.all(ids.map((id) => api(cameraUrl(id, 'timeline', range)))),
      Promise.all(ids.map((id) => marksOf(id, day.start, day.end))),
    ]);
    eventLists = marks.map((m) => m.events);
    bar.show(day, ids.map((id, i) => ({stream: 'main', camera: id, label: (cameraOf(id) || {}).name || id,
      spans: timelines[i].spans.map((s) => ({start: Date.parse(s.start), end: Date.parse(s.end)})), ...marks[i]})));
  }

  function stop() {
    plays++; // a play still asking where its footage starts opens nothing
    if (group) group.destroy();
    players.forEach((p) => p.destroy());
    group = null;
    players = [];
  }

  async function play(t) {
    if (!may('history')) {
      message.textContent = 'Your role sees the timeline only.';
      return;
    }
    stop();
    const run = plays;
    grid.innerHTML = '';
    const end = day.end <= Date.now() ? day.end : null;
    const several = shown().length > 1;
    const tiles = shown().map((id) => ({camera: cameraOf(id), tile: playbackTile(grid, cameraOf(id))}));
    const starts = await Promise.all(tiles.map(({camera}) =>
      footageFrom(camera.id, tileStream(camera, several), t, end)));
    if (run !== plays) return; // played again, or left, meanwhile
    const members = tiles.map(({camera, tile}, i) => openTile(tile, camera, {t, end, several, startsAt: starts[i]}))
      .filter(Boolean);
    players = members.map((m) => m.player);
    const fps = (cameraOf(shown()[0]).status || {}).framesPerSecond;
    group = new SyncGroup(members, {frameMillis: 1000 / (fps > 0 ? fps : 25), onSpread: showClock});
    group.setRate(speed);
    $('#inv-play').textContent = 'Pause';
  }

  function showClock(spread) {
    const now = group ? group.now() : null;
    $('#inv-spread').dataset.spreadMillis = spread === null ? '' : String(Math.round(spread));
    $('#inv-spread').textContent = spread === null ? '' : `cameras within ${Math.round(spread)} ms`;
    if (now === null) return;
    clock.textContent = dateTime(now);
    clock.dateTime = new Date(now).toISOString();
    clock.dataset.epochMs = String(Math.round(now));
    if (performance.now() - lastPlayhead > PLAYHEAD_EVERY_MILLIS) {
      lastPlayhead = performance.now();
      bar.setPlayhead(now);
    }
    $('#inv-play').textContent = group.paused() ? 'Play' : 'Pause';
  }

  const jump = (find) => () => {
    const t = find(eventLists, group && group.now() !== null ? group.now() : bar.cursor);
    if (t !== null) {
      bar.setCursor(t);
      play(t);
    }
  };

  $('#inv-layouts').addEventListener('click', (e) => {
    const n = Number(e.target.dataset.layout);
    if (n) {
      layout = n;
      drawSlots();
      load();
    }
  });
  $('#inv-slots').addEventListener('change', (e) => {
    chosen[Number(e.target.dataset.slot)] = e.target.value;
    load();
  });
  $('#inv-day').addEventListener('change', load);
  $('#inv-utc').addEventListener('change', async (e) => {
    // the day shown is a day of the zone shown: the one holding the shown time, in the other zone
    setUtc(e.target.checked);
    $('#inv-day').value = dayOf(group && group.now() !== null ? group.now() : bar.cursor);
    showClock(null);
    await load();
  });
  $('#inv-play').addEventListener('click', () => {
    if (!group) play(bar.cursor);
    else if (group.paused()) group.play();
    else group.pause();
  });
  $('#inv-step').addEventListener('click', () => group && group.stepFrame());
  $('#inv-speeds').addEventListener('click', (e) => {
    const s = Number(e.target.dataset.speed);
    if (s) {
      speed = s;
      section.querySelectorAll('#inv-speeds button').forEach((b) =>
        b.setAttribute('aria-pressed', String(Number(b.dataset.speed) === s)));
      if (group) group.setRate(s);
    }
  });
  $('#inv-prev-event').addEventListener('click', jump(previousEvent));
  $('#inv-next-event').addEventListener('click', jump(nextEvent));
  $('#inv-bookmark').addEventListener('click', async () => {
    const t = group && group.now() !== null ? group.now() : bar.cursor;
    try {
      const event = await bookmark(shown(), t, $('#inv-note').value.trim());
      message.textContent = `Bookmarked ${dateTime(t)} (event ${event.id}).`;
      await load();
    } catch (e) {
      message.textContent = 'Bookmark failed: ' + e.message;
    }
  });

  drawSlots();
  $('#inv-day').value = dayOf(isNaN(at) ? Date.now() : at);
  await load();
  if (!isNaN(at)) {
    bar.setCursor(at);
    play(at);
  }
  const timer = setInterval(() => { if (day && day.end > Date.now()) load().catch(() => {}); }, 10000);
  return () => {
    clearInterval(timer);
    stop();
    showThumb.destroy();
  };
}

function escape(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
}
