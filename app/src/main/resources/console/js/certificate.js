// The certificate of an rtsps:// camera on the Cameras page (trust on first use): the pinned fingerprint, the one
// seen at the last connection and what they mean, and the confirm step that shows the full fingerprint before it
// is pinned or unpinned. certificateVerdict is pure; the server alone decides what is trusted.

const TLS_REFUSAL = /^TLS certificate (not trusted|refused)/;

/**
 * What to say about a camera's certificate, from the camera as GET /api/cameras shows it: null for a camera
 * without TLS, else {trust, label, text, pinned, seen} where trust is one of
 * pinned (the certificate seen is the pinned one), mismatch (it is not), pinned-unseen, untrusted (refused:
 * unpinned and not vouched for), authority (unpinned, accepted through the default trust store), unseen.
 */
export function certificateVerdict(camera) {
  if (!/^rtsps:\/\//i.test(camera.url || '')) {
    return null;
  }
  const status = camera.status || {};
  const pinned = camera.tlsFingerprint || null;
  const seen = status.tlsFingerprint || null;
  const verdict = (trust, label, text) => ({trust, label, text, pinned, seen});
  if (pinned && seen === pinned) {
    return verdict('pinned', 'Pinned', 'The certificate seen is the pinned one: the camera is trusted with this certificate only.');
  }
  if (pinned && seen) {
    return verdict('mismatch', 'Not the pinned certificate', 'Refused: the camera presented another certificate than '
      + 'the pinned one, so no credentials are sent. Trust the new one only if the camera\'s own page shows it.');
  }
  if (pinned) {
    return verdict('pinned-unseen', 'Pinned', 'No certificate seen since the service started.');
  }
  if (!seen) {
    return verdict('unseen', 'Not pinned', 'No certificate seen yet.');
  }
  const refused = (status.state === 'ERROR' || status.state === 'CONNECTING') && TLS_REFUSAL.test(status.lastError || '');
  if (refused) {
    return verdict('untrusted', 'Not trusted', 'Refused: the certificate is not trusted (self-signed, or no known '
      + 'authority vouches for it), so no credentials are sent. Compare the fingerprint seen with the one on the '
      + 'camera\'s own web page; if they are equal, trust it.');
  }
  return verdict('authority', 'Not pinned', 'Accepted: a certificate authority this server knows vouches for it.');
}

/**
 * The table row under a camera's row that shows its certificate (or null for a camera without TLS); its buttons
 * call act('trust' | 'unpin', camera). Cameras from cameras.yml are pinned in the file, so they get a hint instead.
 */
export function certificateRow(camera, columns, act) {
  const v = certificateVerdict(camera);
  if (!v) {
    return null;
  }
  const tr = document.createElement('tr');
  tr.className = 'certificate';
  tr.dataset.certificateFor = camera.id;
  tr.dataset.trust = v.trust;
  const td = document.createElement('td');
  td.colSpan = columns;
  const titleId = `certificate-${camera.id}-title`;
  td.innerHTML = `<p class="verdict"><strong id="${titleId}"></strong>
      <span class="badge" data-trust="${v.trust}"></span> <span class="explanation"></span></p>
    <dl class="fingerprints">
      <dt>Pinned (SHA-256)</dt><dd><code class="fingerprint" data-role="pinned"></code></dd>
      <dt>Seen at the last connection</dt><dd><code class="fingerprint" data-role="seen"></code></dd>
    </dl>`;
  td.querySelector('strong').textContent = `Certificate of ${camera.id}`;
  td.querySelector('.badge').textContent = v.label;
  td.querySelector('.explanation').textContent = v.text;
  td.querySelector('[data-role=pinned]').textContent = v.pinned || 'none';
  td.querySelector('[data-role=seen]').textContent = v.seen || 'none yet';
  if (camera.source === 'file') {
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = 'This camera is managed by cameras.yml: pin its certificate there (tls-fingerprint).';
    td.appendChild(hint);
  } else {
    const buttons = document.createElement('p');
    buttons.className = 'actions';
    if (v.seen && v.seen !== v.pinned) {
      buttons.appendChild(button('trust', 'Trust this certificate', titleId, () => act('trust', camera)));
    }
    if (v.pinned) {
      buttons.appendChild(button('unpin', 'Remove the pin', titleId, () => act('unpin', camera)));
    }
    td.appendChild(buttons);
  }
  tr.appendChild(td);
  return tr;
}

function button(act, text, describedBy, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.dataset.act = act;
  b.textContent = text;
  b.setAttribute('aria-describedby', describedBy);
  b.addEventListener('click', onClick);
  return b;
}

/**
 * Asks before pinning (or unpinning) with the full fingerprint in view, so the installer can compare it with the
 * camera's own web page. Resolves true if confirmed. The dialog lives outside the list, which is redrawn meanwhile.
 */
export function confirmCertificate(dialog, {title, text, fingerprint, confirm}) {
  dialog.querySelector('#certificate-dialog-title').textContent = title;
  dialog.querySelector('#certificate-dialog-text').textContent = text;
  dialog.querySelector('#certificate-dialog-fingerprint').textContent = fingerprint;
  dialog.querySelector('#certificate-confirm').textContent = confirm;
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'), {once: true});
    dialog.showModal();
    dialog.querySelector('#certificate-cancel').focus();
  });
}

export const CERTIFICATE_DIALOG = `
  <dialog id="certificate-dialog" aria-labelledby="certificate-dialog-title" aria-describedby="certificate-dialog-text">
    <form method="dialog">
      <h2 id="certificate-dialog-title"></h2>
      <p id="certificate-dialog-text"></p>
      <p>SHA-256 fingerprint:<br><code class="fingerprint" id="certificate-dialog-fingerprint"></code></p>
      <p class="actions">
        <button type="submit" value="confirm" id="certificate-confirm"></button>
        <button type="submit" value="cancel" id="certificate-cancel">Cancel</button>
      </p>
    </form>
  </dialog>`;
