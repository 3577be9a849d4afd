// What the Cameras page says of a camera's stream and storage, from GET /api/cameras and GET /api/storage: codec,
// resolution, frame rate and bit rate from its status; storage used, footage kept since when, its quota (as the server
// writes it: 500MB) and when that quota is full at the current rate. Times in the console's zone with a date
// (clock.js). Pure but for the DOM cells it fills.
import {dateTime} from './clock.js';

const CODECS = {h264: 'H.264', avc1: 'H.264', h265: 'H.265', hevc: 'H.265', hvc1: 'H.265', aac: 'AAC', mp4a: 'AAC'};

/** "H.264", "H.265 + AAC": a status codec ("h264+aac") in words. */
export function codecName(codec) {
  return (codec || '').split('+').filter(Boolean).map((c) => CODECS[c.toLowerCase()] || c).join(' + ');
}

/** "12.3 MB": bytes in decimal units, one decimal from MB on. */
export function bytesText(bytes) {
  const units = [['TB', 1e12], ['GB', 1e9], ['MB', 1e6], ['KB', 1e3]];
  for (const [unit, size] of units) {
    if (bytes >= size) {
      return `${(bytes / size).toFixed(size >= 1e6 ? 1 : 0)} ${unit}`;
    }
  }
  return `${bytes} B`;
}

/** "45 s", "12 min", "5.5 h", "3.2 d": a duration in its largest sensible unit. */
export function durationText(millis) {
  const s = millis / 1000;
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  if (s < 48 * 3600) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} d`;
}

/** "1.2 Mbit/s", "850 kbit/s". */
export function rateText(kbps) {
  return kbps >= 1000 ? `${(kbps / 1000).toFixed(1)} Mbit/s` : `${kbps} kbit/s`;
}

/** Fills td with the stream's facts; data-* carry the raw values for tests. */
export function streamCell(td, status) {
  const s = status || {};
  const fps = s.framesPerSecond === null || s.framesPerSecond === undefined ? '' : `${s.framesPerSecond} fps`;
  const parts = [codecName(s.codec), s.resolution || '', fps, s.bitrateKbps ? rateText(s.bitrateKbps) : '']
    .filter(Boolean);
  td.textContent = parts.length ? parts.join(' · ') : '–';
  td.className = 'stream-facts';
  td.dataset.codec = s.codec || '';
  td.dataset.resolution = s.resolution || '';
  td.dataset.fps = s.framesPerSecond === null || s.framesPerSecond === undefined ? '' : String(s.framesPerSecond);
  td.dataset.bitrateKbps = s.bitrateKbps ? String(s.bitrateKbps) : '';
}

/** What a quota's forecast says: "full 2026-12-09 14:02:10 EST (holds 3.2 d)", or why there is none. */
export function forecastText(storage, now = Date.now()) {
  if (!storage.quotaKeepsMillis) {
    return 'no forecast while not recording';
  }
  const full = storage.quotaFullAt ? Date.parse(storage.quotaFullAt) : null;
  const when = full === null ? 'not within 100 years' : full <= now ? 'full now' : `full ${dateTime(full)}`;
  return `${when} (holds ${durationText(storage.quotaKeepsMillis)} at this rate)`;
}

/** Fills td with the stream's storage: used, footage kept and since when, quota and its forecast. */
export function storageCell(td, storage, quota, now = Date.now()) {
  const st = storage || {usedBytes: 0, footageMillis: 0};
  // the oldest footage is known to its minute: shown without seconds
  const since = st.oldest ? dateTime(Date.parse(st.oldest)).replace(/:\d\d (\S+)$/, ' $1') : '';
  const lines = [st.oldest
    ? `${bytesText(st.usedBytes)} · ${durationText(st.footageMillis)} of footage since ${since}`
    : 'nothing stored yet'];
  if (quota) {
    lines.push(`quota ${quota}: ${forecastText(st, now)}`);
  }
  td.replaceChildren(...lines.map((text, i) => {
    const line = document.createElement('div');
    line.textContent = text;
    line.className = i === 0 ? 'used' : 'quota hint';
    return line;
  }));
  td.className = 'storage';
  td.dataset.usedBytes = String(st.usedBytes);
  td.dataset.footageMillis = String(st.footageMillis);
  td.dataset.quota = quota || '';
  td.dataset.quotaFullAt = st.quotaFullAt || '';
  td.dataset.quotaKeepsMillis = st.quotaKeepsMillis ? String(st.quotaKeepsMillis) : '';
}

/** The line above the list: every camera's footage against the global quota (GET /api/storage). */
export function totalText(total, now = Date.now()) {
  const used = `All cameras: ${bytesText(total.usedBytes)} stored`;
  if (!total.quota) {
    return used + ', no global quota.';
  }
  return `${used} of the global quota ${total.quota}: ${forecastText(total, now)}.`;
}
