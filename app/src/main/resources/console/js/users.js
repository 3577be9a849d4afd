// Users (admins): the list (name, role, camera allow-list, who manages the row), adding a user, changing a role and
// allow-list, setting a new password (one's own too: the console then signs in again with it) and removing a user.
// Passwords are write-only: sent, never shown or read back. The API's refusals are shown in words by the form.
import {api, current, signIn} from './api.js';

const ROLES = ['viewer', 'auditor', 'installer', 'admin'];
const FIELD_NAMES = {username: 'Name', password: 'Password', role: 'Role', cameras: 'Cameras', body: 'The request'};

/** "every camera", "no camera" or "back, front". */
function cameraList(cameras) {
  if (cameras === null || cameras === undefined) return 'every camera';
  return cameras.length ? cameras.join(', ') : 'no camera';
}

/** The API's refusal in words: each field's problem ("Password must have at least 12 characters."), or its message. */
export function explain(e) {
  const fields = Object.entries(e.fields || {});
  if (!fields.length) return e.message;
  return fields.map(([f, problem]) => `${FIELD_NAMES[f] || f} ${problem}.`).join(' ');
}

function cameraFields(prefix) {
  return `
      <label for="${prefix}-all"><input type="checkbox" id="${prefix}-all" checked> Every camera</label>
      <label for="${prefix}-cameras">Only cameras</label>
      <input id="${prefix}-cameras" placeholder="camera ids, e.g. front, back" disabled>`;
}

function roleSelect(id) {
  return `<select id="${id}">${ROLES.map((r) => `<option value="${r}">${r}</option>`).join('')}</select>`;
}

export async function usersPage(section) {
  section.innerHTML = `
    <h2>Users</h2>
    <table class="list" id="users-list">
      <thead><tr><th scope="col">User</th><th scope="col">Role</th><th scope="col">Cameras</th>
        <th scope="col">Managed by</th><th scope="col">Actions</th></tr></thead>
      <tbody></tbody>
    </table>
    <p class="error" id="users-error" role="alert"></p>
    <form class="form user-form" id="user-edit" hidden autocomplete="off">
      <h3 id="user-edit-title"></h3>
      <label for="user-edit-role">Role</label> ${roleSelect('user-edit-role')}
      ${cameraFields('user-edit')}
      <button type="submit" id="user-edit-save">Save role and cameras</button>
      <label for="user-edit-password">New password</label>
      <input id="user-edit-password" type="password" autocomplete="new-password">
      <button type="button" id="user-edit-set-password">Set password</button>
      <p class="error" id="user-edit-error" role="alert"></p>
      <p class="hint" id="user-edit-status" role="status"></p>
      <button type="button" id="user-edit-close">Close</button>
    </form>
    <form class="form user-form" id="user-create" autocomplete="off">
      <h3>Add a user</h3>
      <label for="user-create-username">Name</label> <input id="user-create-username" autocomplete="off">
      <label for="user-create-role">Role</label> ${roleSelect('user-create-role')}
      <label for="user-create-password">Password</label>
      <input id="user-create-password" type="password" autocomplete="new-password">
      ${cameraFields('user-create')}
      <p class="error" id="user-create-error" role="alert"></p>
      <button type="submit" id="user-create-submit">Add user</button>
    </form>`;
  const $ = (id) => section.querySelector('#' + id);
  let editing = null;

  for (const prefix of ['user-create', 'user-edit']) {
    $(prefix + '-all').addEventListener('change', () => {
      $(prefix + '-cameras').disabled = $(prefix + '-all').checked;
    });
  }

  /** The allow-list the form asks for: null for every camera, else the ids typed (none: no camera). */
  function cameras(prefix) {
    if ($(prefix + '-all').checked) return null;
    return $(prefix + '-cameras').value.split(/[\s,]+/).filter((id) => id);
  }

  function showCameras(prefix, list) {
    $(prefix + '-all').checked = list === null || list === undefined;
    $(prefix + '-cameras').disabled = $(prefix + '-all').checked;
    $(prefix + '-cameras').value = list ? list.join(', ') : '';
  }

  function refused(prefix, e) {
    $(prefix + '-error').textContent = explain(e);
    for (const f of Object.keys(e.fields || {})) {
      const input = $(prefix + '-' + f);
      if (input) input.setAttribute('aria-invalid', 'true');
    }
  }

  function clear(prefix) {
    $(prefix + '-error').textContent = '';
    section.querySelectorAll(`#${prefix} [aria-invalid]`).forEach((i) => i.removeAttribute('aria-invalid'));
  }

  async function refresh() {
    const users = await api('/api/users');
    const body = $('users-list').querySelector('tbody');
    body.innerHTML = '';
    for (const u of users) {
      const tr = document.createElement('tr');
      tr.dataset.user = u.username;
      const me = current() && current().username === u.username;
      for (const [field, text] of [['username', u.username + (me ? ' (you)' : '')], ['role', u.role],
        ['cameras', cameraList(u.cameras)], ['managed-by', u.managedBy]]) {
        const td = document.createElement('td');
        td.dataset.field = field;
        td.textContent = text;
        tr.appendChild(td);
      }
      const actions = document.createElement('td');
      actions.className = 'actions';
      for (const [what, label] of [['edit', me ? 'Change my password' : 'Change'], ['delete', 'Delete']]) {
        const b = document.createElement('button');
        b.type = 'button';
        b.dataset.action = what;
        b.textContent = label;
        b.addEventListener('click', () => act(what, u));
        actions.appendChild(b);
      }
      tr.appendChild(actions);
      body.appendChild(tr);
    }
    return users;
  }

  async function act(what, u) {
    $('users-error').textContent = '';
    if (what === 'edit') {
      edit(u);
      return;
    }
    if (!confirm(`Delete user ${u.username}? They are signed out at once and their share links are revoked.`)) return;
    try {
      await api('/api/users/' + encodeURIComponent(u.username), {method: 'DELETE'});
      if (editing && editing.username === u.username) edit(null);
      await refresh();
    } catch (e) {
      $('users-error').textContent = explain(e);
    }
  }

  function edit(u) {
    editing = u;
    $('user-edit').hidden = !u;
    clear('user-edit');
    $('user-edit-status').textContent = '';
    $('user-edit-password').value = '';
    if (!u) return;
    const me = current() && current().username === u.username;
    $('user-edit-title').textContent = me ? `Your account: ${u.username}` : `Change user ${u.username}`;
    $('user-edit').dataset.user = u.username;
    $('user-edit-role').value = u.role;
    showCameras('user-edit', u.cameras);
    $('user-edit-password').focus();
  }

  $('user-edit').addEventListener('submit', async (e) => {
    e.preventDefault();
    clear('user-edit');
    $('user-edit-status').textContent = '';
    try {
      const changed = await api('/api/users/' + encodeURIComponent(editing.username), {method: 'PUT',
        body: {role: $('user-edit-role').value, cameras: cameras('user-edit')}});
      await refresh();
      edit(changed);
      $('user-edit-status').textContent = `Saved: ${changed.username} is ${changed.role}, ${cameraList(changed.cameras)}.`;
    } catch (err) {
      refused('user-edit', err);
    }
  });

  $('user-edit-set-password').addEventListener('click', async () => {
    clear('user-edit');
    $('user-edit-status').textContent = '';
    const password = $('user-edit-password').value;
    const username = editing.username;
    const me = current() && current().username === username;
    try {
      await api('/api/users/' + encodeURIComponent(username), {method: 'PUT', body: {password}});
      $('user-edit-password').value = '';
      if (me) {
        // a new password ends every session of the user, this one too: sign in again with it
        await signIn(username, password);
      }
      $('user-edit-status').textContent = me
        ? 'Your password is changed; other sessions of yours are signed out.'
        : `New password set for ${username}; their sessions are signed out.`;
    } catch (err) {
      refused('user-edit', err);
    }
  });

  $('user-edit-close').addEventListener('click', () => edit(null));

  $('user-create').addEventListener('submit', async (e) => {
    e.preventDefault();
    clear('user-create');
    try {
      await api('/api/users', {method: 'POST', body: {username: $('user-create-username').value.trim(),
        password: $('user-create-password').value, role: $('user-create-role').value, cameras: cameras('user-create')}});
      $('user-create').reset();
      showCameras('user-create', null);
      await refresh();
    } catch (err) {
      refused('user-create', err);
    }
  });

  try {
    await refresh();
  } catch (e) {
    $('users-error').textContent = explain(e);
  }
  return () => {};
}
