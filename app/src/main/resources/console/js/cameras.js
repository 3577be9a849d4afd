// Cameras (installers): the list with live state and, for rtsps:// cameras, their certificate (certificate.js), and
// a form to add or change one. The server validates; its field errors are shown next to their fields. The password
// field is write-only: it is never filled in.
import {api} from './api.js';
import {CERTIFICATE_DIALOG, certificateRow, confirmCertificate} from './certificate.js';

const FIELDS = ['id', 'name', 'url', 'username', 'password', 'transport', 'engine', 'retentionDays', 'maxBytes', 'tlsFingerprint'];
const COLUMNS = 7;

export async function camerasPage(section) {
  section.innerHTML = `
    <table class="list" id="camera-list">
      <caption>Cameras</caption>
      <thead><tr><th scope="col">Id</th><th scope="col">Name</th><th scope="col">URL</th><th scope="col">State</th>
        <th scope="col">Last segment</th><th scope="col">Engine</th><th scope="col">Actions</th></tr></thead>
      <tbody></tbody>
    </table>
    <form id="camera-form" class="form" novalidate>
      <h2 id="camera-form-title">Add a camera</h2>
      ${field('id', 'Id (a-z, 0-9, -)')}
      ${field('name', 'Name')}
      ${field('url', 'RTSP URL', 'rtsp://192.0.2.10:554/stream1')}
      ${field('username', 'Username')}
      ${field('password', 'Password', '', 'password')}
      <label for="camera-transport">Transport</label>
      <select id="camera-transport" name="transport"><option value="tcp">TCP</option><option value="udp">UDP</option></select>
      <span class="field-error" id="camera-transport-error"></span>
      <label for="camera-engine">Engine</label>
      <select id="camera-engine" name="engine" aria-describedby="camera-engine-error"><option value="native">Native</option><option value="ffmpeg">FFmpeg</option></select>
      <span class="field-error" id="camera-engine-error"></span>
      ${field('retentionDays', 'Retention (days)', '', 'number')}
      ${field('maxBytes', 'Quota (bytes, optional)', '', 'number')}
      ${field('tlsFingerprint', 'Certificate fingerprint (SHA-256)', 'optional, rtsps:// only: AB:CD:…')}
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
    const cameras = await api('/api/cameras');
    const body = section.querySelector('#camera-list tbody');
    body.innerHTML = '';
    for (const c of cameras) {
      const tr = document.createElement('tr');
      tr.dataset.camera = c.id;
      const state = c.enabled === false ? 'DISABLED' : (c.status && c.status.state) || '';
      const last = c.status && c.status.lastSegmentAt ? new Date(c.status.lastSegmentAt).toLocaleTimeString() : '';
      // The engine recording it now, and why that is not the one set (engine fallback).
      const engine = c.status && c.status.engine ? c.status.engine.toLowerCase() : '';
      const reason = c.status && c.status.engineReason ? c.status.engineReason : '';
      for (const text of [c.id, c.name || '', c.url, state, last, reason ? `${engine || '–'} (${reason})` : engine]) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.appendChild(td);
      }
      tr.children[3].className = 'badge';
      tr.children[3].dataset.state = state;
      tr.children[5].className = 'engine';
      const actions = document.createElement('td');
      actions.innerHTML = `<button type="button" data-act="edit">Edit</button>
        <button type="button" data-act="toggle">${c.enabled === false ? 'Enable' : 'Disable'}</button>
        <button type="button" data-act="delete">Delete</button>`;
      actions.addEventListener('click', (e) => act(e.target.dataset.act, c));
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
        if (v !== '') body[f] = f === 'retentionDays' || f === 'maxBytes' ? Number(v) : v;
      }
    }
    if (editing && editing.tlsFingerprint && body.tlsFingerprint === undefined) {
      body.tlsFingerprint = ''; // the pinned fingerprint was cleared: unpin
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
      for (const [name, problem] of fields) {
        const slot = section.querySelector(`#camera-${name}-error`);
        const input = section.querySelector(`#camera-${name}`);
        if (slot) slot.textContent = problem;
        if (input) input.setAttribute('aria-invalid', 'true');
      }
      section.querySelector('#camera-form-error').textContent = fields.length ? 'Please correct the marked fields.' : err.message;
    }
  });
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
