// Alerts (admins, auditors, installers): the alerts sent, newest first, one line each: when (the site's zone, with the
// date), firing or recovery as a coloured pill, the summary the webhook got, its cameras (for roles that see history,
// each a link to that camera's day) or service fault, and how each delivery stands ("webhook https://…:443 —
// DELIVERED after 1 attempt"). "More" only while the API's `next` says a page follows; #/alerts?limit=N sets the
// page's size (1 to 200, else 50). Above it, what is configured (/api/alerts/settings): each target by its origin and
// every rule in words; an admin may send a test alert to every target and watch its delivery in the list.
import {api, may} from './api.js';
import {dateTime, dayOf, loadSiteZone, timeOfDay, zone} from './clock.js';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;
const HEADINGS = ['Time', 'Kind', 'Summary', 'Cameras', 'Delivery'];

/** "1 attempt", "8 attempts". */
function attempts(n) {
  return n === 1 ? '1 attempt' : `${n} attempts`;
}

/** A time of today as "12:00:35", of another day with its date, both in the shown zone. */
function when(millis) {
  return dayOf(millis) === dayOf(Date.now()) ? timeOfDay(millis, true) : dateTime(millis);
}

/** Why the last attempt did not deliver: "answered HTTP 500", the error Vigil noted, or none yet (it is under way). */
function lastAnswer(d) {
  if (d.lastStatus != null) return `answered HTTP ${d.lastStatus}`;
  return d.lastError || 'no answer yet';
}

/**
 * One delivery in words: "webhook https://hooks.example.com:443 — DELIVERED after 1 attempt", "… — FAILED after 8
 * attempts: answered HTTP 500", "… — PENDING, next attempt 12:00:35 (1 attempt made: answered HTTP 500)".
 */
export function deliveryText(d) {
  const target = `${d.targetName} ${d.targetOrigin}`;
  if (d.state === 'DELIVERED') return `${target} — DELIVERED after ${attempts(d.attempts)}`;
  if (d.state === 'FAILED') return `${target} — FAILED after ${attempts(d.attempts)}: ${lastAnswer(d)}`;
  const made = d.attempts > 0 ? ` (${attempts(d.attempts)} made: ${lastAnswer(d)})` : '';
  return `${target} — PENDING, next attempt ${when(Date.parse(d.nextAttemptAt))}${made}`;
}

/** A duration in words: "30 s", "2 min", "1 h 30 min". */
function duration(millis) {
  const s = Math.round(millis / 1000);
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 120 ? `${m} min` : `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
}

/** A rule in words: "camera-down: a camera OFFLINE or UNAUTHORIZED for 30 s fires, its return recovers". */
export function ruleText(r) {
  if (r.kind === 'CAMERA') {
    return `${r.name}: a camera ${(r.states || []).join(' or ')} for ${duration(r.delayMillis)} fires`
      + (r.recovery ? ', its return to RECORDING recovers' : '');
  }
  if (r.kind === 'FAULT') {
    return `${r.name}: a service fault (store, spool, retention, cluster) seen for ${duration(r.delayMillis)} fires`
      + (r.recovery ? ', its end recovers' : '');
  }
  const cameras = (r.cameraIds || []).length ? r.cameraIds.join(', ') : 'any camera';
  return `${r.name}: an event "${r.label}" on ${cameras} fires, at most once a camera per ${duration(r.cooldownMillis)}`;
}

/** The settings block: targets and rules, or that alerts are off. */
function showSettings(el, settings) {
  el.innerHTML = '';
  const targets = document.createElement('p');
  targets.id = 'alerts-targets';
  targets.textContent = settings.enabled
    ? 'Targets: ' + settings.targets.map((t) => `${t.name} ${t.shown}`).join('; ')
    : 'Alerts are off: no target is configured.';
  el.appendChild(targets);
  const rules = document.createElement('ul');
  rules.id = 'alerts-rules';
  for (const r of settings.rules || []) {
    const li = document.createElement('li');
    li.dataset.rule = r.name;
    li.textContent = ruleText(r);
    rules.appendChild(li);
  }
  el.appendChild(rules);
}

/** The page's size from the hash's limit: a whole number from 1 to 200, else 50. */
function limitOf(params) {
  const n = Number(params.get('limit'));
  return Number.isInteger(n) && n >= 1 && n <= MAX_LIMIT ? n : DEFAULT_LIMIT;
}

function cell(tr, cls, text, title) {
  const td = document.createElement('td');
  td.className = cls;
  if (text !== undefined) td.textContent = text;
  if (title) td.title = title;
  tr.appendChild(td);
  return td;
}

/** The cameras cell: each camera a link to its History on the alert's day when the role sees history; or the fault. */
function about(td, a) {
  if (a.fault) {
    td.textContent = 'service: ' + a.fault.key;
    td.title = a.fault.summary;
    return;
  }
  (a.cameras || []).forEach((c, i) => {
    if (i > 0) td.append(', ');
    const since = `${c.cameraId}: ${c.state} since ${dateTime(Date.parse(c.since))}`;
    if (may('history')) {
      const link = document.createElement('a');
      link.href = `#/history?camera=${encodeURIComponent(c.cameraId)}&day=${new Date(Date.parse(c.since)).toISOString().slice(0, 10)}`;
      link.textContent = c.cameraId;
      link.title = since + ' (its History that day)';
      td.appendChild(link);
    } else {
      const span = document.createElement('span');
      span.textContent = c.cameraId;
      span.title = since;
      td.appendChild(span);
    }
  });
}

function row(a) {
  const tr = document.createElement('tr');
  tr.dataset.id = a.id;
  tr.dataset.kind = a.kind;
  cell(tr, 'time', dateTime(Date.parse(a.at)), `${a.at}, decided by node ${a.node}`);
  const pill = document.createElement('span');
  pill.className = 'pill';
  pill.dataset.kind = a.kind;
  pill.textContent = a.kind === 'FIRING' ? 'Firing' : 'Recovery';
  cell(tr, 'kind', undefined, 'rule ' + a.rule).appendChild(pill);
  cell(tr, 'summary', a.summary, a.summary);
  about(cell(tr, 'cameras'), a);
  const deliveries = cell(tr, 'delivery');
  const list = a.deliveries || []; // the API leaves an empty list out
  if (!list.length) deliveries.textContent = 'no target';
  for (const d of list) {
    const line = document.createElement('div');
    line.dataset.state = d.state;
    line.textContent = deliveryText(d);
    line.title = line.textContent;
    deliveries.appendChild(line);
  }
  return tr;
}

export async function alertsPage(section, params) {
  section.innerHTML = `
    <h2>Alerts</h2>
    <p class="hint" id="alerts-about">Alerts are POSTed, signed, to the webhook named by <code>VIGIL_ALERTS_WEBHOOK_URL</code>
      (<code>vigil.alerts.webhook-url</code>) and e-mailed through the SMTP server of <code>vigil.alerts.email.host</code>: a camera OFFLINE or UNAUTHORIZED for <code>vigil.alerts.down-delay</code>
      (30 s by default) fires one, its return to RECORDING one recovery; a service fault likewise. The README's "Alerts" section
      has every setting. <span id="alerts-zone"></span></p>
    <div id="alerts-settings"></div>
    <p><button type="button" id="alerts-test" hidden>Send a test alert</button> <span id="alerts-test-result"></span></p>
    <p class="error" id="alerts-error" role="alert"></p>
    <p class="empty" id="alerts-empty" hidden>No alert sent yet. Alerts are on when <code>VIGIL_ALERTS_WEBHOOK_URL</code>
      names a webhook: then a camera down longer than <code>vigil.alerts.down-delay</code> sends one. Without it they
      are off: set <code>VIGIL_ALERTS_WEBHOOK_URL</code> to a webhook that accepts POSTs (see the README's "Alerts"
      section).</p>
    <table class="list alerts" id="alerts-list">
      <thead><tr>${HEADINGS.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
      <tbody></tbody>
    </table>
    <button type="button" id="alerts-more" hidden>More</button>`;
  const $ = (id) => section.querySelector('#' + id);
  await loadSiteZone();
  $('alerts-zone').textContent = 'Newest first; times in ' + zone() + '.';
  const limit = limitOf(params);
  let next = null;

  async function load(append) {
    const q = new URLSearchParams({limit: String(limit)});
    if (append && next) q.set('after', next);
    $('alerts-error').textContent = '';
    try {
      const page = await api('/api/alerts?' + q);
      const body = $('alerts-list').querySelector('tbody');
      if (!append) body.innerHTML = '';
      (page.alerts || []).forEach((a) => body.appendChild(row(a))); // none: the API leaves the list out
      next = page.next || null;
      $('alerts-more').hidden = next === null;
      const none = body.children.length === 0;
      $('alerts-empty').hidden = !none;
      $('alerts-list').hidden = none;
    } catch (e) {
      $('alerts-error').textContent = e.message;
    }
  }

  $('alerts-more').addEventListener('click', () => load(true));
  try {
    const settings = await api('/api/alerts/settings');
    showSettings($('alerts-settings'), settings);
    $('alerts-test').hidden = !(settings.enabled && may('alerts-write'));
  } catch (e) {
    $('alerts-error').textContent = e.message;
  }
  $('alerts-test').addEventListener('click', async () => {
    $('alerts-test-result').textContent = '';
    try {
      const sent = await api('/api/alerts/test', {method: 'POST'});
      const n = (sent.deliveries || []).length;
      $('alerts-test-result').textContent = `Test alert sent to ${n} target${n === 1 ? '' : 's'}: its delivery is below.`;
      await load(false);
    } catch (e) {
      $('alerts-error').textContent = e.message;
    }
  });
  await load(false);
  return () => {};
}
