// A camera's streams: every camera has a main stream (full resolution) and may have a sub stream (the camera's own
// low-resolution encoding, `streams.sub` in its JSON). The wall plays the sub stream where there is one, a full view
// or history the multivariant (master) playlist listing both, so hls.js picks; these say which and where.

/** Whether the camera has a sub stream. */
export function hasSub(camera) {
  return !!(camera && camera.streams && camera.streams.sub);
}

/** A stream's status: the sub stream's own, or the main stream's (the camera's top-level status). */
export function statusOf(camera, stream) {
  if (stream === 'sub' && hasSub(camera)) {
    return camera.streams.sub.status || {};
  }
  return (camera && camera.status) || {};
}

/** States in which a stream shows no picture for a while: a wall tile then plays the other stream, if it records. */
const DOWN = new Set(['OFFLINE', 'UNAUTHORIZED', 'ERROR']);

/**
 * The stream a wall tile plays: the sub stream when the camera has one, unless the sub stream is down while the main
 * stream records (a picture beats a message); the main stream otherwise.
 */
export function wallStream(camera) {
  if (!hasSub(camera)) {
    return 'main';
  }
  const sub = statusOf(camera, 'sub').state;
  const main = statusOf(camera, 'main').state;
  return DOWN.has(sub) && main === 'RECORDING' ? 'main' : 'sub';
}

/** `/api/cameras/{id}/{file}` with the query's non-empty parameters; `stream=main` is the default and left out. */
export function cameraUrl(id, file, query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '' && !(name === 'stream' && value === 'main')) {
      params.set(name, value);
    }
  }
  const search = params.toString();
  return `/api/cameras/${encodeURIComponent(id)}/${file}` + (search ? '?' + search : '');
}

/** The stream a playlist URI names (`stream=sub`), main when it names none. */
export function streamOfUri(uri) {
  const match = /[?&]stream=(\w+)/.exec(String(uri || ''));
  return match ? match[1] : 'main';
}

/** What a variant hls.js plays is, in words: its stream and its height ("sub 360p"), or its stream alone. */
export function variantName({height, uri}) {
  const stream = streamOfUri(uri);
  return height > 0 ? `${stream} ${height}p` : stream;
}
