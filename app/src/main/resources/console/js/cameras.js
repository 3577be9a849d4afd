// Cameras (installers): the list with live state, what each camera's main stream records (codec, resolution, frame
// rate, bit rate) and stores (used, kept since, its quota and when that is full at the current rate: facts.js), every
// camera's footage against the global quota, and for rtsps:// cameras their certificate (certificate.js); and a form to
// add or change one. Quotas are typed and shown as the server writes them (500MB, 2GB, 1.5TB); the server parses and
// validates, its field errors are shown next to their fields. Cameras of the cameras file are not offered for change:
// the API refuses it. The password field is write-only: it is never filled in. A camera's sub stream (optional: its
// URL, retention and quota) goes as streams.sub; its field errors come keyed streams.sub.url and so on.
import {api} from './api.js';
import {CERTIFICATE_DIALOG, certificateRow, confirmCertificate} from './certificate.js';
import {dateTime, loadSiteZone} from './clock.js';
import {storageCell, streamCell, totalText} from './facts.js';
import {hasSub, statusOf} from './streams.js';

const FIELDS = ['id', 'name', 'url', 'username', 'password', 'transport', 'engine', 'retentionDays', 'quota', 'tlsFingerprint'];
/** The sub stream's fields: streams.sub.url is the form's #camera-streams-sub-url, and so on. */
const SUB_FIELDS = ['url', 'retentionDays', 'quota'];
const COLUMNS = 9;
const QUOTA_HINT = 'e.g. 500MB, 2GB, 1.5TB; empty: none';

export async function camerasPage(section) {
  await loadSiteZone();
  section.innerHTML = `
    <p id="storage-total" class="hint" role="status"></p>
    <table class="list" id="camera-list">
      <caption>Cameras</caption>
      <thead><tr><th scope="col">Id</th><th scope="col">Name</th><th scope="col">URL</th><th scope="col">State</th>
        <th scope="col">Stream</th><th scope="col">Storage</th><th scope="col">Last segment</th>
        <th scope="col">Engine</th><th scope="col">Actions</th></tr></thead>
      <tbody></tbody>
    </table>
    <form id="camera-form" class="form" novalidate>
      <h2 id="camera-form-title">Add a camera</h2>
      ${field('id', 'Id (a-z, 0-9, -)')}
      ${field('name', 'Name')}
      ${field('url', 'RTSP URL (main stream)', 'rtsp://192.0.2.10:554/stream1')}
      ${field('username', 'Username')}
      ${field('password', 'Password', '', 'password')}
      <label for="camera-transport">Transport</label>
      <select id="camera-transport" name="transport"><option value="tcp">TCP</option><option value="udp">UDP</option></select>
      <span class="field-error" id="camera-transport-error"></span>
      <label for="camera-engine">Engine</label>
      <select id="camera-engine" name="engine" aria-describedby="camera-engine-error"><option value="native">Native</option><option value="ffmpeg">FFmpeg</option></select>
      <span class="field-error" id="camera-engine-error"></span>
      ${field('retentionDays', 'Retention (days)', '', 'number')}
      ${field('quota', 'Quota (optional)', QUOTA_HINT)}
      ${field('tlsFingerprint', 'Certificate fingerprint (SHA-256)', 'optional, rtsps:// only: AB:CD:…')}
      <h3>Sub stream <span class="hint">(optional: the camera's low-resolution stream, for the wall)</span></h3>
      ${field('streams-sub-url', 'Sub stream RTSP URL', 'rtsp://192.0.2.10:554/stream2; empty: none')}
      ${field('streams-sub-retentionDays', 'Sub stream retention (days)', '', 'number')}
      ${field('streams-sub-quota', 'Sub stream quota (optional)', QUOTA_HINT)}
      <label><input type="checkbox" id="camera-enabled" checked> Enabled</label>
      <p class="error" id="camera-form-error" role="alert"></p>
      <button type="submit" id="camera-save">Add camera</button>
      <button type="button" id="camera-cancel" hidden>Cancel</button>
    </form>
    ${CERTIFICATE_DIALOG}`;
  const form = section.querySelector('#camera-form');
  const dialog = section.querySelector('#certificate-dialog');
  let editing = null;

  async function refresh() {
    const [cameras, total] = await Promise.all([api('/api/cameras'), api('/api/storage')]);
    const now = Date.now();
    section.querySelector('#storage-total').textContent = totalText(total, now);
    const body = section.querySelector('#camera-list tbody');
    body.innerHTML = '';
    for (const c of cameras) {
      const tr = document.createElement('tr');
      tr.dataset.camera = c.id;
      tr.dataset.source = c.source;
      const state = c.enabled === false ? 'DISABLED' : (c.status && c.status.state) || '';
      const last = c.status && c.status.lastSegmentAt ? dateTime(Date.parse(c.status.lastSegmentAt)) : '';
      // The engine recording it now, and why that is not the one set (engine fallback).
      const engine = c.status && c.status.engine ? c.status.engine.toLowerCase() : '';
      const reason = c.status && c.status.engineReason ? c.status.engineReason : '';
      for (const text of [c.id, c.name || '', c.url, '', '', '', last, reason ? `${engine || '–'} (${reason})` : engine]) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.appendChild(td);
      }
      const pill = document.createElement('span');
      pill.className = 'badge';
      pill.dataset.state = state;
      pill.textContent = state;
      tr.children[3].appendChild(pill);
      streamCell(tr.children[4], c.status);
      const main = c.streams && c.streams.main;
      storageCell(tr.children[5], main && main.storage, c.quota, now);
      if (hasSub(c)) {
        const sub = document.createElement('div');
        sub.className = 'hint sub-stream';
        const subState = statusOf(c, 'sub').state;
        sub.textContent = 'sub: ' + c.streams.sub.url + (subState ? ` (${subState})` : '');
        tr.children[2].appendChild(sub);
      }
      tr.children[3].className = 'state';
      tr.children[7].className = 'engine';
      const actions = document.createElement('td');
      actions.className = 'actions';
      if (c.source === 'file') {
        actions.innerHTML = '<span class="hint">managed in cameras.yml</span>';
      } else {
        actions.innerHTML = `<button type="button" data-act="edit">Edit</button>
          <button type="button" data-act="toggle">${c.enabled === false ? 'Enable' : 'Disable'}</button>
          <button type="button" data-act="delete">Delete</button>`;
        actions.addEventListener('click', (e) => act(e.target.dataset.act, c));
      }
      tr.appendChild(actions);
      body.appendChild(tr);
      const certificate = certificateRow(c, COLUMNS, act);
      if (certificate) {
        tr.classList.add('has-certificate');
        body.appendChild(certificate);
      }
    }
  }

  async function act(what, c) {
    try {
      if (what === 'edit') {
        edit(c);
      } else if (what === 'toggle') {
        await api(`/api/cameras/${c.id}`, {method: 'PUT', body: {enabled: c.enabled === false}});
      } else if (what === 'trust') {
        const fingerprint = c.status.tlsFingerprint;
        if (await confirmCertificate(dialog, {title: `Trust the certificate of ${c.id}?`, fingerprint,
          text: `Compare this fingerprint with the one the camera's own web page shows${c.tlsFingerprint ? ' (it replaces the pinned one)' : ''}. `
            + 'Once pinned, Vigil sends the camera\'s credentials only to a camera presenting this very certificate.',
          confirm: 'Trust this certificate'})) {
          await api(`/api/cameras/${c.id}`, {method: 'PUT', body: {tlsFingerprint: fingerprint}});
        }
      } else if (what === 'unpin') {
        if (await confirmCertificate(dialog, {title: `Remove the pinned certificate of ${c.id}?`, fingerprint: c.tlsFingerprint,
          text: 'Vigil will then trust the camera only with a certificate a known authority vouches for.',
          confirm: 'Remove the pin'})) {
          await api(`/api/cameras/${c.id}`, {method: 'PUT', body: {tlsFingerprint: ''}});
        }
      } else if (what === 'delete' && confirm(`Delete camera ${c.id}? Its recordings are kept until retention removes them.`)) {
        await api(`/api/cameras/${c.id}`, {method: 'DELETE'});
      }
      await refresh();
    } catch (e) {
      section.querySelector('#camera-form-error').textContent = e.message;
    }
  }

  function edit(c) {
    editing = c || null;
    form.reset();
    clearErrors();
    section.querySelector('#camera-form-title').textContent = c ? `Change camera ${c.id}` : 'Add a camera';
    section.querySelector('#camera-save').textContent = c ? 'Save' : 'Add camera';
    section.querySelector('#camera-cancel').hidden = !c;
    section.querySelector('#camera-id').readOnly = !!c;
    if (c) {
      for (const f of FIELDS.filter((f) => f !== 'password')) {
        const input = section.querySelector('#camera-' + f);
        input.value = c[f] === undefined || c[f] === null ? '' : c[f];
      }
      const sub = hasSub(c) ? c.streams.sub : {};
      for (const f of SUB_FIELDS) {
        section.querySelector('#camera-streams-sub-' + f).value = sub[f] === undefined || sub[f] === null ? '' : sub[f];
      }
      section.querySelector('#camera-password').placeholder = c.hasPassword ? 'unchanged' : '';
      section.querySelector('#camera-enabled').checked = c.enabled !== false;
    }
  }

  function clearErrors() {
    section.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
    section.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    section.querySelector('#camera-form-error').textContent = '';
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors();
    const body = {enabled: section.querySelector('#camera-enabled').checked};
    for (const f of FIELDS) {
      const v = section.querySelector('#camera-' + f).value.trim();
      if (v !== '' || (f === 'password' && !editing)) {
        if (v !== '') body[f] = f === 'retentionDays' ? Number(v) : v;
      }
    }
    if (editing && editing.quota && body.quota === undefined) {
      body.quota = ''; // the quota was cleared: none
    }
    if (editing && editing.tlsFingerprint && body.tlsFingerprint === undefined) {
      body.tlsFingerprint = ''; // the pinned fingerprint was cleared: unpin
    }
    const sub = subStream();
    if (sub && sub.problem) {
      section.querySelector('#camera-streams-sub-url-error').textContent = sub.problem;
      section.querySelector('#camera-streams-sub-url').setAttribute('aria-invalid', 'true');
      section.querySelector('#camera-form-error').textContent = 'Please correct the marked fields.';
      return;
    }
    if (sub) {
      body.streams = {sub};
    }
    try {
      if (editing) {
        delete body.id;
        await api(`/api/cameras/${editing.id}`, {method: 'PUT', body});
      } else {
        await api('/api/cameras', {method: 'POST', body});
      }
      edit(null);
      await refresh();
    } catch (err) {
      const fields = Object.entries(err.fields || {});
      const unplaced = [];
      for (const [name, problem] of fields) {
        const id = 'camera-' + name.replace(/\./g, '-'); // streams.sub.url: #camera-streams-sub-url
        const slot = section.querySelector('#' + CSS.escape(id + '-error'));
        const input = section.querySelector('#' + CSS.escape(id));
        if (slot) slot.textContent = problem;
        else unplaced.push(`${name}: ${problem}`);
        if (input) input.setAttribute('aria-invalid', 'true');
      }
      section.querySelector('#camera-form-error').textContent = !fields.length ? err.message
        : ['Please correct the marked fields.', ...unplaced].join(' ');
    }
  });
  /**
   * streams.sub for the request: the sub stream as the form says, {url: ''} to remove the one the camera has, or null
   * to leave it as it is (no sub stream before, none now).
   */
  function subStream() {
    const value = (f) => section.querySelector('#camera-streams-sub-' + f).value.trim();
    if (value('url') === '') {
      if (editing && hasSub(editing)) {
        return {url: ''};
      }
      return value('retentionDays') === '' && value('quota') === ''
        ? null : {problem: 'A sub stream needs its URL (or leave its retention and quota empty).'};
    }
    const sub = {url: value('url')};
    if (value('retentionDays') !== '') {
      sub.retentionDays = Number(value('retentionDays'));
    }
    if (value('quota') !== '' || (editing && hasSub(editing) && editing.streams.sub.quota)) {
      sub.quota = value('quota'); // empty: the quota was cleared
    }
    return sub;
  }

  section.querySelector('#camera-cancel').addEventListener('click', () => edit(null));
  await refresh();
  const timer = setInterval(() => refresh().catch(() => {}), 5000);
  return () => clearInterval(timer);
}

function field(name, label, placeholder = '', type = 'text') {
  return `<label for="camera-${name}">${label}</label>
    <input id="camera-${name}" name="${name}" type="${type}" placeholder="${placeholder}" aria-describedby="camera-${name}-error"
      ${type === 'password' ? 'autocomplete="new-password"' : ''}>
    <span class="field-error" id="camera-${name}-error"></span>`;
}
