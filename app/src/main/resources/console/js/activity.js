// The activity strip under each camera's row: how much the scene changed, from the bytes recorded (GET
// /api/cameras/{id}/activity: each bucket's bit rate over the camera's recent median, null where nothing was
// recorded). A bar's height is the level, capped at LEVEL_CAP; no bar where there is no footage.
import {api} from './api.js';
import {cameraUrl} from './streams.js';
import {iso} from './timeline.js';

/** Levels at or above this draw a full-height bar: a scene changing four times as much as usual. */
export const LEVEL_CAP = 4;
/** One bucket a minute over a day: what the timeline's closer zooms need, within the API's 2000. */
export const DAY_BUCKETS = 1440;

/** [{start, end, level, bitsPerSecond}] of a camera's main stream over [start, end); level null where nothing was recorded. */
export async function activityOf(cameraId, start, end, buckets = DAY_BUCKETS) {
  const answer = await api(cameraUrl(cameraId, 'activity', {start: iso(start), end: iso(end), buckets: String(buckets)}));
  const series = answer.buckets.map((b) => ({start: Date.parse(b.start), end: Date.parse(b.end), level: b.level,
    bitsPerSecond: b.bitsPerSecond}));
  series.asked = {start: iso(start), end: iso(end), buckets, at: Date.now()}; // what the strip shows, for a reader to ask again
  return series;
}

/** The height of a level's bar, in percent of the strip: 0 for none, full at LEVEL_CAP. */
export function barHeight(level) {
  return level == null ? 0 : Math.round(Math.min(level, LEVEL_CAP) / LEVEL_CAP * 100);
}

/** Draws a row's activity inside the window w ({start, end}) as a strip at the foot of the row; pct(t) places a time. */
export function drawActivity(rowElement, buckets, w, pct) {
  if (!buckets || !buckets.length) return;
  const strip = document.createElement('div');
  strip.className = 'activity';
  if (buckets.asked) {
    strip.dataset.start = buckets.asked.start;
    strip.dataset.end = buckets.asked.end;
    strip.dataset.buckets = String(buckets.asked.buckets);
    strip.dataset.askedAt = String(buckets.asked.at);
  }
  for (const b of buckets) {
    if (b.level == null || b.end <= w.start || b.start >= w.end) continue;
    const a = Math.max(b.start, w.start);
    const z = Math.min(b.end, w.end);
    const bar = document.createElement('div');
    bar.className = 'level';
    bar.style.left = pct(a) + '%';
    bar.style.width = Math.max(0.1, pct(z) - pct(a)) + '%';
    bar.style.height = barHeight(b.level) + '%';
    bar.dataset.start = String(b.start);
    bar.dataset.level = String(b.level);
    bar.dataset.bitsPerSecond = String(b.bitsPerSecond);
    bar.title = `activity ${b.level.toFixed(2)}× the usual`;
    strip.appendChild(bar);
  }
  rowElement.appendChild(strip);
}
