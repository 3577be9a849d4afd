// Events and bookmarks on the timeline: fetched per camera for the day shown (GET /api/events, every page), drawn
// on that camera's row (a point event as a tick, a ranged one as a bar, its label, note and time on hover), the
// previous and next one from a time, and a bookmark posted on the cameras shown at the shown time.
import {api} from './api.js';
import {dateTime} from './clock.js';
import {iso} from './timeline.js';

/** How many pages of 500 a camera's day may take (50 000 events). */
const MAX_PAGES = 100;

/** {start, end (null for a point event), id, label, note, source} of a camera's events overlapping [start, end). */
export async function eventsOf(cameraId, start, end) {
  const events = [];
  let after = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({cameraId, start: iso(start), end: iso(end), limit: '500'});
    if (after) query.set('after', after);
    const answer = await api('/api/events?' + query);
    events.push(...answer.events.map((e) => ({id: e.id, label: e.label, note: e.note || '', source: e.source || '',
      start: Date.parse(e.start), end: e.end ? Date.parse(e.end) : null})));
    if (!answer.next) break;
    after = answer.next;
  }
  return events.sort((a, b) => a.start - b.start);
}

/** Posts a bookmark {cameraIds, at, label "Bookmark", note?}; the event as the server answers it. */
export function bookmark(cameraIds, at, note) {
  const body = {cameraIds, at: iso(at), label: 'Bookmark'};
  if (note) body.note = note;
  return api('/api/events', {method: 'POST', body});
}

/** The start of the first event after t (more than a second on), over every camera's events; null if none. */
export function nextEvent(eventLists, t) {
  const starts = eventLists.flat().map((e) => e.start).filter((s) => s > t + 1000);
  return starts.length ? Math.min(...starts) : null;
}

/** The start of the last event before t (more than a second back), over every camera's events; null if none. */
export function previousEvent(eventLists, t) {
  const starts = eventLists.flat().map((e) => e.start).filter((s) => s < t - 1000);
  return starts.length ? Math.max(...starts) : null;
}

/** What hovering an event says. */
export function describe(e) {
  const when = e.end === null ? dateTime(e.start) : `${dateTime(e.start)} to ${dateTime(e.end)}`;
  return `${e.label}${e.note ? ': ' + e.note : ''} (${when}${e.source ? ', ' + e.source : ''})`;
}

/** Draws a row's events inside the window w ({start, end}) into the row's element; pct(t) places a time. */
export function drawEvents(rowElement, events, w, pct) {
  for (const e of events || []) {
    const end = e.end === null ? e.start : e.end;
    if (end < w.start || e.start > w.end) continue;
    const d = document.createElement('div');
    d.className = e.end === null ? 'event point' : 'event ranged';
    d.style.left = pct(Math.max(e.start, w.start)) + '%';
    if (e.end !== null) {
      d.style.width = Math.max(0.3, pct(Math.min(end, w.end)) - pct(Math.max(e.start, w.start))) + '%';
    }
    d.title = describe(e);
    d.dataset.eventId = e.id;
    d.dataset.start = String(e.start);
    d.dataset.label = e.label;
    rowElement.appendChild(d);
  }
}
