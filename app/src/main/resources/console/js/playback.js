// A tile of the Investigate page: a camera's footage from a time, on the group's clock (sync.js). Before it opens the
// ranged playlist it asks the timeline of the stream it plays where footage begins at or after that time (the index
// alone: no footage is read). None before the range's end says so in the tile in words ("No footage from 10:05:00"),
// never a blank picture; footage that begins later (the camera was added, or was down, after that time) is where the
// tile starts: its player begins at its first segment, and SyncGroup holds it on that frame, its caption saying
// "footage from 10:05:12", until the shared clock gets there. A playlist the server refuses also says so in words
// (404 NO_RECORDINGS: "No footage in this range").
import {api} from './api.js';
import {dateTime, timeOfDay} from './clock.js';
import {attach} from './player.js';
import {cameraUrl, hasSub} from './streams.js';
import {iso} from './timeline.js';

/** How far past now an open range's timeline is asked: the segment being recorded ends a little after now. */
const OPEN_END_MILLIS = 60e3;

/** The stream a tile plays: several cameras, each its sub stream where it has one (as the wall); one, its main one. */
export function tileStream(camera, several) {
  return several && hasSub(camera) ? 'sub' : 'main';
}

/**
 * Epoch millis where the stream's footage at or after t begins before end (epoch millis; null: open, today): t when it
 * recorded then, the start of its first span after t otherwise, null when it has none; t if the timeline cannot be read.
 */
export async function footageFrom(cameraId, stream, t, end) {
  const until = end ?? Math.max(t, Date.now()) + OPEN_END_MILLIS;
  try {
    const timeline = await api(cameraUrl(cameraId, 'timeline', {start: iso(t), end: iso(until), stream}));
    const first = timeline.spans.find((s) => Date.parse(s.end) > t);
    return first ? Math.max(t, Date.parse(first.start)) : null;
  } catch (e) {
    return t;
  }
}

/** A tile for the camera, appended to grid: its video, the words over it, its name and the time it shows. */
export function playbackTile(grid, camera) {
  const tile = document.createElement('figure');
  tile.className = 'tile playback';
  tile.dataset.camera = camera.id;
  tile.innerHTML = `<video muted playsinline></video><div class="overlay" role="status" hidden></div>
    <figcaption><span class="name"></span><span class="from"></span><time class="clock"></time></figcaption>`;
  tile.querySelector('.name').textContent = camera.name || camera.id;
  grid.appendChild(tile);
  return tile;
}

/**
 * Opens the tile's footage from t to end (epoch millis; null: open) where it starts at startsAt (footageFrom): a member
 * for SyncGroup ({video, player, startsAt, onTick}), or null when there is none, the tile saying so.
 */
export function openTile(tile, camera, {t, end, several, startsAt}) {
  if (startsAt === null) {
    say(tile, `No footage from ${timeOfDay(t, true)}`);
    return null;
  }
  const video = tile.querySelector('video');
  // one camera: hls.js picks from both streams
  const file = !several && hasSub(camera) ? 'master.m3u8' : 'playlist.m3u8';
  const range = {start: iso(t), end: end === null ? null : iso(end), stream: tileStream(camera, several)};
  const player = attach(video, cameraUrl(camera.id, file, range), {
    startAt: t,
    onFatal: (data) => say(tile, (data.response && data.response.code === 404) || data.details === 'levelEmptyError'
      ? 'No footage in this range' : `Playback stopped (${data.details})`),
  });
  tile.dataset.startsAt = String(startsAt);
  return {video, player, startsAt: startsAt > t ? startsAt : null, onTick: (date, waitsFor) => show(tile, date, waitsFor)};
}

/** Words over the tile instead of a picture. */
function say(tile, words) {
  const overlay = tile.querySelector('.overlay');
  overlay.textContent = words;
  overlay.hidden = false;
  tile.dataset.footage = 'none';
}

/** The frame time shown (a Date, or null), and while the tile waits for the clock, where its footage starts. */
function show(tile, date, waitsFor) {
  const from = tile.querySelector('.from');
  from.textContent = waitsFor == null ? '' : `footage from ${timeOfDay(waitsFor, true)}`;
  if (waitsFor == null) delete tile.dataset.waitsFor; else tile.dataset.waitsFor = String(waitsFor);
  const label = tile.querySelector('.clock');
  if (!date) {
    delete tile.dataset.playingDate;
    label.textContent = '';
    return;
  }
  tile.dataset.playingDate = String(Math.round(date.getTime()));
  label.textContent = dateTime(date.getTime());
}
