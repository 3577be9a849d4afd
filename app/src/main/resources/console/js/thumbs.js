// The snapshot shown while hovering the timeline: the hovered camera's frame at the hovered time (snapshot.jpg?at=,
// its sub stream's where it has one), fetched with the bearer token after the pointer rests a moment, kept by camera
// and 2 s of time (at most 200), made at the width shown (snapshot.jpg?width=: a few kilobytes, not a frame).
import {api, may} from './api.js';
import {dateTime} from './clock.js';
import {cameraUrl, hasSub} from './streams.js';
import {iso} from './timeline.js';

const BUCKET_MILLIS = 2000;
const KEPT = 200;
const REST_MILLIS = 150;
/** The thumbnail's CSS width (.thumb), in CSS pixels. */
const SHOWN_WIDTH = 160;

/** A hover handler for TimelineBar showing snapshots in img; cameraOf(id) the camera; destroy() frees them. */
export function thumbnails(img, cameraOf) {
  const kept = new Map();
  let timer = null;
  const show = (hover) => {
    clearTimeout(timer);
    if (!hover || !hover.row || !hover.row.camera || !may('history')) {
      img.hidden = true;
      return;
    }
    timer = setTimeout(async () => {
      const camera = cameraOf(hover.row.camera);
      const key = camera.id + '@' + Math.round(hover.t / BUCKET_MILLIS);
      try {
        if (!kept.has(key)) {
          const width = Math.round(SHOWN_WIDTH * Math.min(2, window.devicePixelRatio || 1));
          const url = cameraUrl(camera.id, 'snapshot.jpg', {at: iso(hover.t), width, stream: hasSub(camera) ? 'sub' : null});
          kept.set(key, URL.createObjectURL((await api(url, {as: 'blob'})).blob));
          if (kept.size > KEPT) {
            const [oldest, src] = kept.entries().next().value;
            URL.revokeObjectURL(src);
            kept.delete(oldest);
          }
        }
        img.src = kept.get(key);
        img.alt = `${camera.name || camera.id} at ${dateTime(hover.t)}`;
        img.dataset.camera = camera.id;
        img.style.left = hover.x + 'px';
        img.hidden = false;
      } catch (e) {
        img.hidden = true; // nothing recorded there
      }
    }, REST_MILLIS);
  };
  show.destroy = () => {
    clearTimeout(timer);
    kept.forEach((src) => URL.revokeObjectURL(src));
  };
  return show;
}
