// The audit log (auditors): filters, a page at a time, and the whole filtered log as CSV.
import {api, save} from './api.js';

const ACTIONS = ['LIVE_VIEW', 'PLAYBACK', 'CLIP_EXPORT', 'SNAPSHOT', 'VERIFY', 'SHARE_CREATE', 'SHARE_USE', 'SHARE_REVOKE',
  'HOLD_CREATE', 'HOLD_RELEASE', 'CAMERA_CREATE', 'CAMERA_UPDATE', 'CAMERA_DELETE', 'USER_CREATE', 'USER_UPDATE',
  'USER_DELETE', 'RETENTION_RUN', 'LOGIN', 'LOGIN_FAILED'];
const COLUMNS = ['at', 'username', 'role', 'action', 'cameraId', 'rangeStart', 'rangeEnd', 'clientAddress', 'outcome', 'detail'];

export async function auditPage(section) {
  section.innerHTML = `
    <form class="toolbar" id="audit-form">
      <label for="audit-from">From</label> <input id="audit-from" placeholder="2026-12-01T00:00:00Z" size="21">
      <label for="audit-to">To</label> <input id="audit-to" size="21">
      <label for="audit-user">User</label> <input id="audit-user" size="10">
      <label for="audit-camera">Camera</label> <input id="audit-camera" size="10">
      <label for="audit-action">Action</label>
      <select id="audit-action"><option value="">any</option>${ACTIONS.map((a) => `<option>${a}</option>`).join('')}</select>
      <button type="submit">Search</button>
      <button type="button" id="audit-csv">Download CSV</button>
    </form>
    <p class="error" id="audit-error" role="alert"></p>
    <table class="list" id="audit-list">
      <thead><tr>${COLUMNS.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead><tbody></tbody>
    </table>
    <button type="button" id="audit-more" hidden>More</button>`;
  let next = null;

  function query() {
    const q = new URLSearchParams();
    for (const [id, name] of [['from', 'from'], ['to', 'to'], ['user', 'user'], ['camera', 'cameraId'], ['action', 'action']]) {
      const v = section.querySelector('#audit-' + id).value.trim();
      if (v) q.set(name, v);
    }
    return q;
  }

  async function load(append) {
    const q = query();
    if (append && next !== null) q.set('after', String(next));
    section.querySelector('#audit-error').textContent = '';
    try {
      const page = await api('/api/audit?' + q);
      const body = section.querySelector('#audit-list tbody');
      if (!append) body.innerHTML = '';
      for (const e of page.events) {
        const tr = document.createElement('tr');
        for (const c of COLUMNS) {
          const td = document.createElement('td');
          td.textContent = e[c] === null || e[c] === undefined ? '' : String(e[c]);
          tr.appendChild(td);
        }
        body.appendChild(tr);
      }
      next = page.next;
      section.querySelector('#audit-more').hidden = next === null;
    } catch (e) {
      section.querySelector('#audit-error').textContent = e.message;
    }
  }

  section.querySelector('#audit-form').addEventListener('submit', (e) => { e.preventDefault(); load(false); });
  section.querySelector('#audit-more').addEventListener('click', () => load(true));
  section.querySelector('#audit-csv').addEventListener('click', async () => {
    const q = query();
    q.set('format', 'csv');
    try {
      const csv = await api('/api/audit?' + q, {as: 'blob'});
      save(csv.blob, csv.headers, 'vigil-audit.csv');
    } catch (e) {
      section.querySelector('#audit-error').textContent = e.message;
    }
  });
  await load(false);
  return () => {};
}
