// What a camera's row on the timeline carries besides its spans, on the History and Investigate pages alike: its
// activity strip (activity.js) and its events (events.js), fetched together for the day shown and drawn by the bar's
// drawRow; and a line in words naming the event last pointed at or clicked on the bar (a click on one also plays from
// its start: TimelineBar picks an event's own start).
import {activityOf, drawActivity} from './activity.js';
import {drawEvents, eventsOf} from './events.js';

/** {events, activity} of a camera over [start, end); either empty when its request fails. */
export async function marksOf(cameraId, start, end) {
  const [events, activity] = await Promise.all([
    eventsOf(cameraId, start, end).catch(() => []),
    activityOf(cameraId, start, end).catch(() => []),
  ]);
  return {events, activity};
}

/** TimelineBar's drawRow for rows carrying marks ({events, activity}): the activity strip, the events over it. */
export function drawMarks(element, row, w, pct) {
  drawActivity(element, row.activity, w, pct);
  drawEvents(element, row.events, w, pct);
}

/** Names in output (a status element) the event the pointer is over, or was clicked, on the bar inside container. */
export function eventLabels(container, output) {
  const name = (e) => {
    const event = e.target.closest ? e.target.closest('.event') : null;
    if (event) {
      output.textContent = event.title;
      output.dataset.eventId = event.dataset.eventId;
    }
  };
  container.addEventListener('pointerover', name);
  container.addEventListener('click', name);
}
