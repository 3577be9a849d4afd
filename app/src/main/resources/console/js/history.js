// History: a camera and a UTC day, its timeline of recorded spans and gaps with the camera's activity strip and events
// on its main stream's row (marks.js, as on Investigate; the event pointed at or clicked named under the bar, a click
// playing from its start), playback from any point (with the shown frame's wall-clock time from
// EXT-X-PROGRAM-DATE-TIME), and for auditors a selected range to export as a clip with its signed manifest, to hold, or
// to share. A camera with a sub stream shows both streams' spans and plays the multivariant playlist of the range,
// hls.js picking the variant.
import {api, may} from './api.js';
import {drawMarks, eventLabels, marksOf} from './marks.js';
import {attach} from './player.js';
import {rangeHtml, rangeControls} from './range.js';
import {cameraUrl, hasSub, variantName} from './streams.js';
import {iso, TimelineBar} from './timeline.js';

const DAY_MILLIS = 24 * 3600e3;

export async function historyPage(section, params) {
  const cameras = await api('/api/cameras');
  const today = new Date().toISOString().slice(0, 10);
  section.innerHTML = `
    <form class="toolbar" id="history-form">
      <label for="history-camera">Camera</label>
      <select id="history-camera">${cameras.map((c) => `<option value="${c.id}">${escape(c.name || c.id)}</option>`).join('')}</select>
      <label for="history-day">Day (UTC)</label>
      <input id="history-day" type="date" value="${params.get('day') || today}">
      <a href="#/investigate" id="history-investigate">Several cameras together</a>
    </form>
    <div id="history-timeline"></div>
    <p class="hint" role="status" id="history-event"></p>
    <div class="player" ${may('history') ? '' : 'hidden'}>
      <video id="history-video" controls muted playsinline></video>
      <p>Shown: <time id="history-clock" data-epoch-ms="">not playing</time>
        <span class="hint" id="history-variant" title="The stream playing"></span></p>
    </div>${rangeHtml()}`;
  if (params.get('camera')) {
    section.querySelector('#history-camera').value = params.get('camera');
  }
  const video = section.querySelector('#history-video');
  const clock = section.querySelector('#history-clock');
  const message = section.querySelector('#range-message');
  let player = null;
  let day = null;
  const bar = new TimelineBar(section.querySelector('#history-timeline'), {onPick: (t) => play(t), drawRow: drawMarks});
  eventLabels(section.querySelector('#history-timeline'), section.querySelector('#history-event'));

  const camera = () => section.querySelector('#history-camera').value;
  const streams = () => (hasSub(cameras.find((c) => c.id === camera())) ? ['main', 'sub'] : ['main']);

  async function load() {
    const start = Date.parse(section.querySelector('#history-day').value + 'T00:00:00Z');
    day = {start, end: start + DAY_MILLIS};
    section.querySelector('#history-investigate').href = '#/investigate?cameras=' + encodeURIComponent(camera());
    const shown = streams();
    const [timelines, marks] = await Promise.all([
      Promise.all(shown.map((stream) =>
        api(cameraUrl(camera(), 'timeline', {start: iso(day.start), end: iso(day.end), stream})))),
      marksOf(camera(), day.start, day.end),
    ]);
    bar.show(day, timelines.map((timeline, i) => ({
      stream: shown[i],
      camera: camera(),
      spans: timeline.spans.map((s) => ({start: Date.parse(s.start), end: Date.parse(s.end)})),
      ...(i === 0 ? marks : {}), // the camera's events, and its main stream's activity, on the main stream's row
    })));
    section.querySelector('#history-timeline').dataset.gaps = String(timelines[0].gaps.length);
  }

  function play(t) {
    if (!may('history')) {
      message.textContent = 'Your role sees the timeline only.';
      return;
    }
    if (player) {
      player.destroy();
    }
    const end = Math.min(day.end, Date.now());
    const range = {start: iso(t), end: day.end <= Date.now() ? iso(end) : null};
    const both = streams().length > 1;
    const variant = section.querySelector('#history-variant');
    variant.textContent = both ? '' : 'main';
    variant.dataset.playlist = both ? 'master' : 'playlist';
    player = attach(video, cameraUrl(camera(), both ? 'master.m3u8' : 'playlist.m3u8', range), {
      startAt: t,
      onVariant: (v) => { variant.textContent = variantName(v); },
    });
  }

  video.addEventListener('timeupdate', () => {
    const shown = player && player.playingDate();
    if (shown) {
      const millis = shown.getTime();
      clock.textContent = iso(Math.round(millis / 1000) * 1000);
      clock.dateTime = new Date(millis).toISOString();
      clock.dataset.epochMs = String(Math.round(millis));
      bar.setPlayhead(millis);
    }
  });

  rangeControls(section, {
    cameraIds: () => [camera()],
    shownAt: () => (player && player.playingDate() ? player.playingDate().getTime() : null),
    bar,
  });
  section.querySelector('#history-camera').addEventListener('change', load);
  section.querySelector('#history-day').addEventListener('change', load);
  await load();
  const timer = setInterval(() => { if (day && day.end > Date.now()) load().catch(() => {}); }, 10000);
  return () => {
    clearInterval(timer);
    if (player) player.destroy();
  };
}

function escape(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
}
