// History: a camera and a UTC day, its timeline of recorded spans and gaps, playback from any point (with the
// shown frame's wall-clock time from EXT-X-PROGRAM-DATE-TIME), and for auditors a selected range to export as
// a clip with its signed manifest, to hold, or to share. A camera with a sub stream shows both streams' spans and plays
// the multivariant playlist of the range, hls.js picking the variant.
import {api, may, save} from './api.js';
import {attach} from './player.js';
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
    </form>
    <div id="history-timeline"></div>
    <div class="player">
      <video id="history-video" controls muted playsinline></video>
      <p>Shown: <time id="history-clock" data-epoch-ms="">not playing</time>
        <span class="hint" id="history-variant" title="The stream playing"></span></p>
    </div>
    <fieldset id="history-range" ${may('history') ? '' : 'hidden'}>
      <legend>Selected range</legend>
      <label for="range-start">Start</label> <input id="range-start" size="22">
      <button type="button" id="mark-start">Start at cursor</button>
      <label for="range-end">End</label> <input id="range-end" size="22">
      <button type="button" id="mark-end">End at cursor</button>
      <div class="actions">
        <button type="button" id="export-clip">Export clip</button>
        <label for="hold-reason">Hold reason</label> <input id="hold-reason" size="24">
        <button type="button" id="create-hold">Hold</button>
        <label for="share-expiry">Link valid</label>
        <select id="share-expiry"><option value="PT1H">1 hour</option><option value="PT24H" selected>24 hours</option><option value="P7D">7 days</option></select>
        <button type="button" id="create-share">Share link</button>
      </div>
      <p id="range-message" role="status"></p>
      <input id="share-url" readonly hidden aria-label="Share link" size="80">
    </fieldset>`;
  if (params.get('camera')) {
    section.querySelector('#history-camera').value = params.get('camera');
  }
  const video = section.querySelector('#history-video');
  const clock = section.querySelector('#history-clock');
  const message = section.querySelector('#range-message');
  let player = null;
  let day = null;
  const bar = new TimelineBar(section.querySelector('#history-timeline'), {onPick: (t) => play(t)});

  const camera = () => section.querySelector('#history-camera').value;
  const streams = () => (hasSub(cameras.find((c) => c.id === camera())) ? ['main', 'sub'] : ['main']);

  async function load() {
    const start = Date.parse(section.querySelector('#history-day').value + 'T00:00:00Z');
    day = {start, end: start + DAY_MILLIS};
    const shown = streams();
    const timelines = await Promise.all(shown.map((stream) =>
      api(cameraUrl(camera(), 'timeline', {start: iso(day.start), end: iso(day.end), stream}))));
    bar.show(day, timelines.map((timeline, i) => ({
      stream: shown[i],
      spans: timeline.spans.map((s) => ({start: Date.parse(s.start), end: Date.parse(s.end)})),
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

  const range = () => {
    const start = Date.parse(section.querySelector('#range-start').value);
    const end = Date.parse(section.querySelector('#range-end').value);
    if (isNaN(start) || isNaN(end) || end <= start) {
      message.textContent = 'Select a range: a start and a later end (RFC 3339, UTC).';
      return null;
    }
    bar.setSelection({start, end});
    return {start: iso(start), end: iso(end)};
  };
  const mark = (field) => () => {
    const shown = player && player.playingDate();
    section.querySelector(field).value = iso(shown ? shown.getTime() : bar.cursor);
    range();
  };
  section.querySelector('#mark-start').addEventListener('click', mark('#range-start'));
  section.querySelector('#mark-end').addEventListener('click', mark('#range-end'));
  section.querySelector('#export-clip').addEventListener('click', async () => {
    const r = range();
    if (!r) return;
    message.textContent = 'Exporting…';
    try {
      const base = `/api/cameras/${encodeURIComponent(camera())}`;
      const clip = await api(`${base}/clip.mp4?start=${r.start}&end=${r.end}`, {as: 'blob'});
      save(clip.blob, clip.headers, camera() + '.mp4');
      const manifest = await api(`${base}/clip.manifest?start=${r.start}&end=${r.end}`, {as: 'blob'});
      save(manifest.blob, manifest.headers, camera() + '-clip-manifest.json');
      const signature = manifest.headers.get('X-Vigil-Signature') || '';
      save(new Blob([signature + '\n']), null, camera() + '-clip-manifest.sig');
      message.textContent = `Exported ${(clip.blob.size / 1e6).toFixed(1)} MB with its signed manifest.`;
    } catch (e) {
      message.textContent = 'Export failed: ' + e.message;
    }
  });
  section.querySelector('#create-hold').addEventListener('click', async () => {
    const r = range();
    if (!r) return;
    try {
      const hold = await api('/api/holds', {method: 'POST', body: {cameraId: camera(), start: r.start, end: r.end,
        reason: section.querySelector('#hold-reason').value}});
      message.textContent = `Held (hold ${hold.id}).`;
    } catch (e) {
      message.textContent = 'Hold failed: ' + e.message;
    }
  });
  section.querySelector('#create-share').addEventListener('click', async () => {
    const r = range();
    if (!r) return;
    try {
      const share = await api('/api/shares', {method: 'POST', body: {cameraId: camera(), start: r.start, end: r.end,
        expiresIn: section.querySelector('#share-expiry').value}});
      const url = section.querySelector('#share-url');
      url.value = location.origin + share.playlistUrl;
      url.hidden = false;
      url.select();
      message.textContent = `Share link valid until ${share.expires}.`;
    } catch (e) {
      message.textContent = 'Share failed: ' + e.message;
    }
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
