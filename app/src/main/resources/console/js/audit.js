// The audit log (auditors): newest first, one line per event with its time in the site's zone, filters kept in the
// URL's hash (#/audit?user=&action=&camera=&from=&to=, so a reload or a bookmark keeps them), "More" while the API
// says another page follows (its `next`), and the whole filtered log as CSV.
import {api, save} from './api.js';
import {dateTime, loadSiteZone, timeOfDay, zone} from './clock.js';

/** Every AuditAction, in its order (a browser test keeps them equal). */
const ACTIONS = ['LIVE_VIEW', 'PLAYBACK', 'CLIP_EXPORT', 'SNAPSHOT', 'VERIFY', 'SHARE_CREATE', 'SHARE_USE', 'SHARE_REVOKE',
  'HOLD_CREATE', 'HOLD_RELEASE', 'CAMERA_CREATE', 'CAMERA_UPDATE', 'CAMERA_DELETE', 'USER_CREATE', 'USER_UPDATE',
  'USER_DELETE', 'RETENTION_RUN', 'EVENT_CREATE', 'EVENT_DELETE', 'INCIDENT_OPEN', 'INCIDENT_CLOSE', 'INCIDENT_EXPORT',
  'TOKEN_CREATE', 'TOKEN_REVOKE', 'ALERT_FIRE', 'ALERT_RECOVER', 'ALERT_DELIVERY', 'ALERT_TEST', 'ALERT_RULE_CREATE',
  'ALERT_RULE_DELETE', 'ALERT_TARGET_CREATE', 'ALERT_TARGET_DELETE', 'ARCHIVE_CHECK', 'LOGIN', 'LOGIN_FAILED', 'CROSS_SITE'];
/** The filters: the hash's key, the API's parameter, the field's label. */
const FILTERS = [['user', 'user', 'User'], ['action', 'action', 'Action'], ['camera', 'cameraId', 'Camera'],
  ['from', 'from', 'From'], ['to', 'to', 'To']];

/** A footage range on one line: "2026-12-07 10:00:00 EST to 10:05:00" (the end's date when it differs). */
function range(e) {
  if (!e.rangeStart) return '';
  const start = Date.parse(e.rangeStart);
  if (!e.rangeEnd) return dateTime(start);
  const end = Date.parse(e.rangeEnd);
  const sameDay = dateTime(start).slice(0, 10) === dateTime(end).slice(0, 10);
  return `${dateTime(start)} to ${sameDay ? timeOfDay(end, true) : dateTime(end)}`;
}

/** The cells of an event's line: [heading, text, title (the full text or more), class]. */
function cells(e) {
  return [
    ['Time', dateTime(Date.parse(e.at)), e.at, 'time'],
    ['User', e.username || '(nobody signed in)', [e.role, e.clientAddress && 'from ' + e.clientAddress].filter((x) => x).join(', '), 'user'],
    ['Action', e.action, '', 'action'],
    ['Camera', e.cameraId || '', '', 'camera'],
    ['Range', range(e), e.rangeStart ? `${e.rangeStart} to ${e.rangeEnd || ''}` : '', 'range'],
    ['Result', e.outcome === 'OK' ? 'OK' : `${e.outcome} (${e.httpStatus})`, 'HTTP ' + e.httpStatus, 'result'],
    ['Detail', e.detail || '', e.detail || '', 'detail'],
  ];
}

export async function auditPage(section, params) {
  section.innerHTML = `
    <form class="toolbar" id="audit-form">
      <label for="audit-user">User</label> <input id="audit-user" size="12">
      <label for="audit-action">Action</label>
      <select id="audit-action"><option value="">any</option>${ACTIONS.map((a) => `<option value="${a}">${a}</option>`).join('')}</select>
      <label for="audit-camera">Camera</label> <input id="audit-camera" size="10">
      <label for="audit-from">From</label> <input id="audit-from" placeholder="2026-12-01T00:00:00Z" size="21">
      <label for="audit-to">To</label> <input id="audit-to" placeholder="2026-12-02T00:00:00Z" size="21">
      <button type="submit">Search</button>
      <button type="button" id="audit-clear">Clear</button>
      <button type="button" id="audit-csv">Download CSV</button>
      <span class="hint" id="audit-zone"></span>
    </form>
    <p class="error" id="audit-error" role="alert"></p>
    <table class="list audit" id="audit-list">
      <thead><tr>${cells({at: new Date(0).toISOString()}).map(([h]) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
      <tbody></tbody>
    </table>
    <button type="button" id="audit-more" hidden>More</button>`;
  const $ = (id) => section.querySelector('#' + id);
  await loadSiteZone();
  $('audit-zone').textContent = 'Newest first; times in ' + zone() + '.';
  for (const [key] of FILTERS) {
    $('audit-' + key).value = params.get(key) || '';
  }
  let next = null;

  /** The API's query for the filters in the hash (what the page was opened with). */
  function query() {
    const q = new URLSearchParams({order: 'newest'});
    for (const [key, name] of FILTERS) {
      const v = (params.get(key) || '').trim();
      if (v) q.set(name, v);
    }
    return q;
  }

  async function load(append) {
    const q = query();
    if (append && next != null) q.set('after', String(next));
    $('audit-error').textContent = '';
    try {
      const page = await api('/api/audit?' + q);
      const body = $('audit-list').querySelector('tbody');
      if (!append) body.innerHTML = '';
      for (const e of page.events) {
        const tr = document.createElement('tr');
        tr.dataset.id = String(e.id);
        for (const [, text, title, cls] of cells(e)) {
          const td = document.createElement('td');
          td.className = cls;
          td.textContent = text;
          if (title) td.title = title;
          tr.appendChild(td);
        }
        body.appendChild(tr);
      }
      // the API sends next: null (or, from another version, leaves it out) when no page follows
      next = page.next == null ? null : page.next;
      $('audit-more').hidden = next === null;
    } catch (e) {
      $('audit-error').textContent = e.message;
    }
  }

  $('audit-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const h = new URLSearchParams();
    for (const [key] of FILTERS) {
      const v = $('audit-' + key).value.trim();
      if (v) h.set(key, v);
    }
    const hash = '#/audit' + (h.toString() ? '?' + h : '');
    if (location.hash === hash) {
      load(false);
    } else {
      location.hash = hash; // the router opens the page again with these filters
    }
  });
  $('audit-clear').addEventListener('click', () => {
    FILTERS.forEach(([key]) => { $('audit-' + key).value = ''; });
    $('audit-form').requestSubmit();
  });
  $('audit-more').addEventListener('click', () => load(true));
  $('audit-csv').addEventListener('click', async () => {
    const q = query();
    q.set('format', 'csv');
    try {
      const csv = await api('/api/audit?' + q, {as: 'blob'});
      save(csv.blob, csv.headers, 'vigil-audit.csv');
    } catch (e) {
      $('audit-error').textContent = e.message;
    }
  });
  await load(false);
  return () => {};
}
