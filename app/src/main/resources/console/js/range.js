// A selected range of footage and what an auditor does with it, on the history and investigate pages: RFC 3339 UTC
// start and end fields (typed, marked at the shown time, or dragged out on the timeline), and for every camera
// shown an exported clip with its signed manifest and signature, a hold, or a share link (its absolute URL, as the
// server answers it); each action shown only to a role that may use it.
import {api, may, save} from './api.js';
import {iso} from './timeline.js';

export const rangeHtml = () => `
    <fieldset id="history-range" ${may('history') ? '' : 'hidden'}>
      <legend>Selected range</legend>
      <label for="range-start">Start</label> <input id="range-start" size="24">
      <button type="button" id="mark-start">Start at cursor</button>
      <label for="range-end">End</label> <input id="range-end" size="24">
      <button type="button" id="mark-end">End at cursor</button>
      <div class="actions">
        <button type="button" id="export-clip">Export clip</button>
        <span ${may('holds') ? '' : 'hidden'}><label for="hold-reason">Hold reason</label> <input id="hold-reason" size="24">
        <button type="button" id="create-hold">Hold</button></span>
        <span ${may('shares') ? '' : 'hidden'}><label for="share-expiry">Link valid</label>
        <select id="share-expiry"><option value="PT1H">1 hour</option><option value="PT24H" selected>24 hours</option><option value="P7D">7 days</option></select>
        <button type="button" id="create-share">Share link</button></span>
      </div>
      <p id="range-message" role="status"></p>
      <input id="share-url" readonly hidden aria-label="Share link" size="80">
    </fieldset>`;

/**
 * Wires the range fields of rangeHtml in section: cameraIds() the cameras acted on, shownAt() the time shown (epoch
 * millis, or null: the timeline's cursor then), bar the timeline that shows the range. Returns select({start, end}),
 * which fills the fields (a range dragged out on the timeline).
 */
export function rangeControls(section, {cameraIds, shownAt, bar}) {
  const $ = (selector) => section.querySelector(selector);
  const message = $('#range-message');
  const range = () => {
    const start = Date.parse($('#range-start').value);
    const end = Date.parse($('#range-end').value);
    if (isNaN(start) || isNaN(end) || end <= start) {
      message.textContent = 'Select a range: a start and a later end (RFC 3339, UTC).';
      return null;
    }
    bar.setSelection({start, end});
    return {start: iso(start), end: iso(end)};
  };
  const mark = (field) => () => {
    const shown = shownAt();
    $(field).value = iso(shown !== null ? shown : bar.cursor);
    range();
  };
  /** Runs act(range, cameraId) for every camera; says done(results) or why it failed. */
  const each = (what, act, done) => async () => {
    const r = range();
    if (!r) return;
    message.textContent = what + '…';
    try {
      const results = [];
      for (const id of cameraIds()) {
        results.push(await act(r, id));
      }
      message.textContent = done(results);
    } catch (e) {
      message.textContent = what + ' failed: ' + e.message;
    }
  };
  $('#mark-start').addEventListener('click', mark('#range-start'));
  $('#mark-end').addEventListener('click', mark('#range-end'));
  $('#export-clip').addEventListener('click', each('Exporting', async (r, id) => {
    const base = `/api/cameras/${encodeURIComponent(id)}`;
    const clip = await api(`${base}/clip.mp4?start=${r.start}&end=${r.end}`, {as: 'blob'});
    save(clip.blob, clip.headers, id + '.mp4');
    const manifest = await api(`${base}/clip.manifest?start=${r.start}&end=${r.end}`, {as: 'blob'});
    save(manifest.blob, manifest.headers, id + '-clip-manifest.json');
    save(new Blob([(manifest.headers.get('X-Vigil-Signature') || '') + '\n']), null, id + '-clip-manifest.sig');
    return clip.blob.size;
  }, (sizes) => `Exported ${(sizes.reduce((a, b) => a + b, 0) / 1e6).toFixed(1)} MB with its signed manifest`
      + (sizes.length > 1 ? ` (${sizes.length} cameras).` : '.')));
  $('#create-hold').addEventListener('click', each('Holding', (r, id) => api('/api/holds', {method: 'POST',
    body: {cameraId: id, start: r.start, end: r.end, reason: $('#hold-reason').value}}),
  (holds) => `Held (hold ${holds.map((h) => h.id).join(', ')}).`));
  $('#create-share').addEventListener('click', each('Sharing', (r, id) => api('/api/shares', {method: 'POST',
    body: {cameraId: id, start: r.start, end: r.end, expiresIn: $('#share-expiry').value}}), (shares) => {
    const url = $('#share-url');
    url.value = shares.map((s) => s.playlistUrl).join(' '); // absolute: the server's public URL
    url.hidden = false;
    url.select();
    return `Share link${shares.length > 1 ? 's' : ''} valid until ${shares[0].expires}.`;
  }));
  return (selection) => {
    $('#range-start').value = iso(selection.start);
    $('#range-end').value = iso(selection.end);
    range();
  };
}
