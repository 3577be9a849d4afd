// Times as the console shows them: in the site's time zone (vigil.console.time-zone, read from
// /console/settings.json; UTC by default) or in UTC on a toggle (remembered), as "2026-12-07 00:24:02 EST"; and the
// hour and minute ticks of a timeline window, on that zone's round times.

const UTC = 'UTC';
let siteZone = UTC;
let showUtc = localStorage.getItem('vigil.clock.utc') === 'true';
const formats = new Map();

/** Reads the site's time zone once; keeps UTC if the settings cannot be read. */
export async function loadSiteZone() {
  try {
    const r = await fetch('/console/settings.json', {headers: {'X-Requested-With': 'XMLHttpRequest'}});
    const settings = r.ok ? await r.json() : {};
    if (settings.timeZone) {
      new Intl.DateTimeFormat('en-US', {timeZone: settings.timeZone}); // throws on a zone this browser lacks
      siteZone = settings.timeZone;
    }
  } catch (e) {
    siteZone = UTC;
  }
  return siteZone;
}

export function site() {
  return siteZone;
}

/** The zone times are shown in now: the site's, or UTC when toggled. */
export function zone() {
  return showUtc ? UTC : siteZone;
}

export function setUtc(on) {
  showUtc = on;
  localStorage.setItem('vigil.clock.utc', String(on));
}

export function utcShown() {
  return showUtc;
}

function format(timeZone) {
  if (!formats.has(timeZone)) {
    formats.set(timeZone, new Intl.DateTimeFormat('en-US', {timeZone, year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short'}));
  }
  return formats.get(timeZone);
}

function parts(millis, timeZone) {
  const p = {};
  for (const {type, value} of format(timeZone).formatToParts(new Date(millis))) {
    p[type] = value;
  }
  return p;
}

/** "2026-12-07 00:24:02 EST": the instant (epoch millis, seconds truncated) in the shown zone, or another. */
export function dateTime(millis, timeZone = zone()) {
  const p = parts(millis, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${p.timeZoneName}`;
}

/** "00:24" or "00:24:02": the time of day in the shown zone. */
export function timeOfDay(millis, seconds = false, timeZone = zone()) {
  const p = parts(millis, timeZone);
  return `${p.hour}:${p.minute}` + (seconds ? `:${p.second}` : '');
}

/** Milliseconds the zone is ahead of UTC at that instant (EST: -5 h). */
export function offsetMillis(millis, timeZone = zone()) {
  const p = parts(millis, timeZone);
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute),
    Number(p.second));
  return local - (Math.floor(millis / 1000) * 1000);
}

/** The instant a day ("2026-12-07") begins in the shown zone. */
export function startOfDay(day, timeZone = zone()) {
  const midnightUtc = Date.parse(day + 'T00:00:00Z');
  const guess = midnightUtc - offsetMillis(midnightUtc, timeZone);
  return midnightUtc - offsetMillis(guess, timeZone); // again at the guess: right across a change of offset
}

/** The day ("2026-12-07") an instant falls on in the shown zone. */
export function dayOf(millis, timeZone = zone()) {
  const p = parts(millis, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

const TICK_STEPS_MILLIS = [60e3, 5 * 60e3, 15 * 60e3, 3600e3, 3 * 3600e3];

/**
 * Ticks over [start, end): at round times of the zone, one step of 1, 5, 15 min, 1 or 3 h, the finest giving at most
 * maxTicks; each {at, label, hour} (hour: on a whole hour, drawn taller).
 */
export function ticks(start, end, maxTicks = 12, timeZone = zone()) {
  const step = TICK_STEPS_MILLIS.find((s) => (end - start) / s <= maxTicks) || 6 * 3600e3;
  const offset = offsetMillis(start, timeZone);
  const out = [];
  for (let t = Math.ceil((start + offset) / step) * step - offset; t < end; t += step) {
    const local = t + offset;
    out.push({at: t, label: timeOfDay(t, false, timeZone), hour: ((local % 3600e3) + 3600e3) % 3600e3 === 0});
  }
  return out;
}
