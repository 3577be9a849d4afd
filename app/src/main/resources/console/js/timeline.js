// The timeline bar: recorded spans over a window of the day, zoomable from 24 h to 5 min, with a cursor
// (keyboard: arrows move it, Enter plays from it, + and - zoom) and the playhead of the video. One row of spans per
// stream shown (main, and sub for a camera that has one) or per camera, each named on the bar (rows.js). Optionally:
// drawRow adds to a row (a camera's activity and events: marks.js), onSelect hears a range dragged out on the bar,
// onHover the time under the pointer, and clock ({label(t), ticks(start, end)}) shows times and hour and minute ticks
// in a time zone. A click on an event drawn on a row picks that event's start.
import {drawRows} from './rows.js';

const ZOOMS_MILLIS = [24 * 3600e3, 6 * 3600e3, 3600e3, 15 * 60e3, 5 * 60e3];
/** A press that moves further than this before it is released drags out a range instead of picking a time. */
const DRAG_PIXELS = 4;

export class TimelineBar {
  constructor(container, {onPick, onSelect = null, onHover = null, drawRow = null, clock = null}) {
    this.container = container;
    this.onPick = onPick;
    this.onSelect = onSelect;
    this.onHover = onHover;
    this.drawRow = drawRow;
    this.clock = clock;
    this.drag = null;
    this.dragged = false;
    this.day = {start: 0, end: 0};
    this.rows = [];
    this.zoom = 0;
    this.cursor = null;
    this.playhead = null;
    this.selection = null;
    container.innerHTML = `
      <div class="timeline-head"><span class="timeline-from"></span>
        <span role="group" aria-label="Zoom" class="zoom">
          <button type="button" data-zoom="out" aria-label="Zoom out">&minus;</button>
          <button type="button" data-zoom="in" aria-label="Zoom in">+</button>
        </span><span class="timeline-to"></span></div>
      <div class="timeline" id="timeline" role="slider" tabindex="0" aria-label="Recorded time; arrows move, Enter plays">
        <div class="ticks"></div><div class="rows"></div><div class="selection"></div><div class="cursor"></div><div class="playhead"></div>
      </div>`;
    this.bar = container.querySelector('.timeline');
    this.bar.addEventListener('click', (e) => {
      if (this.dragged) {
        this.dragged = false; // the end of a drag, not a pick
        return;
      }
      const mark = e.target.closest('.event[data-start]'); // an event picks its own start
      this.setCursor(mark ? Number(mark.dataset.start) : this.timeAt(e.clientX));
      this.onPick(this.cursor);
    });
    this.bar.addEventListener('pointerdown', (e) => this.dragStart(e));
    this.bar.addEventListener('pointermove', (e) => this.dragMove(e));
    this.bar.addEventListener('pointerup', (e) => this.dragEnd(e));
    this.bar.addEventListener('pointerleave', () => { if (this.onHover) this.onHover(null); });
    this.bar.addEventListener('keydown', (e) => this.key(e));
    container.querySelector('.zoom').addEventListener('click', (e) => {
      const z = e.target.dataset.zoom;
      if (z) {
        this.zoomBy(z === 'in' ? 1 : -1);
      }
    });
  }

  /** rows: [{stream, spans}], the main stream's first; spans {start, end} in epoch millis, oldest first. */
  show(day, rows) {
    this.day = day;
    this.rows = rows;
    const spans = rows.length ? rows[0].spans : [];
    if (this.cursor === null || this.cursor < day.start || this.cursor >= day.end) {
      // start where the newest recording ends: on today, that is just now
      this.cursor = spans.length ? Math.max(day.start, spans[spans.length - 1].end - 1) : day.start;
    }
    this.draw();
  }

  /** The time under a pointer's x (client pixels), at a pixel's precision. */
  timeAt(clientX) {
    const r = this.bar.getBoundingClientRect();
    const w = this.window();
    return w.start + (Math.max(0, Math.min(r.width, clientX - r.left)) / r.width) * (w.end - w.start);
  }

  dragStart(e) {
    if (this.onSelect && e.button === 0) {
      this.drag = {x: e.clientX, from: this.timeAt(e.clientX), moved: false};
    }
  }

  dragMove(e) {
    if (this.drag && (this.drag.moved || Math.abs(e.clientX - this.drag.x) > DRAG_PIXELS)) {
      this.drag.moved = true;
      const to = this.timeAt(e.clientX);
      this.setSelection({start: Math.min(this.drag.from, to), end: Math.max(this.drag.from, to)});
    } else if (this.onHover && !this.drag) {
      const r = this.bar.getBoundingClientRect();
      const row = Math.floor(((e.clientY - r.top) / r.height) * Math.max(1, this.rows.length));
      this.onHover({t: this.timeAt(e.clientX), row: this.rows[Math.max(0, Math.min(this.rows.length - 1, row))],
        x: e.clientX - r.left});
    }
  }

  dragEnd(e) {
    const drag = this.drag;
    this.drag = null;
    if (drag && drag.moved) {
      this.dragged = true;
      const to = this.timeAt(e.clientX);
      const selection = {start: Math.round(Math.min(drag.from, to)), end: Math.round(Math.max(drag.from, to))};
      this.setSelection(selection);
      this.onSelect(selection);
    }
  }

  width() {
    return Math.min(ZOOMS_MILLIS[this.zoom], this.day.end - this.day.start);
  }

  /** The part of the day on screen: centred on the cursor, inside the day. */
  window() {
    const w = this.width();
    let start = (this.cursor ?? this.day.start) - w / 2;
    start = Math.max(this.day.start, Math.min(start, this.day.end - w));
    return {start, end: start + w};
  }

  zoomBy(step) {
    this.zoom = Math.max(0, Math.min(ZOOMS_MILLIS.length - 1, this.zoom + step));
    this.draw();
  }

  setCursor(t) {
    this.cursor = Math.max(this.day.start, Math.min(this.day.end - 1, Math.round(t)));
    this.draw();
  }

  setPlayhead(t) {
    this.playhead = t;
    this.draw();
  }

  setSelection(selection) {
    this.selection = selection;
    this.draw();
  }

  key(e) {
    const step = e.shiftKey ? 60e3 : 10e3;
    const moves = {ArrowLeft: -step, ArrowRight: step, PageUp: -600e3, PageDown: 600e3};
    if (moves[e.key] !== undefined) {
      this.setCursor(this.cursor + moves[e.key]);
    } else if (e.key === 'Home') {
      this.setCursor(this.day.start);
    } else if (e.key === 'End') {
      this.setCursor(this.day.end - 1);
    } else if (e.key === 'Enter' || e.key === ' ') {
      this.onPick(this.cursor);
    } else if (e.key === '+' || e.key === '=') {
      this.zoomBy(1);
    } else if (e.key === '-') {
      this.zoomBy(-1);
    } else {
      return;
    }
    e.preventDefault();
  }

  draw() {
    const w = this.window();
    const pct = (t) => ((t - w.start) / (w.end - w.start)) * 100;
    const rows = this.container.querySelector('.rows');
    rows.innerHTML = '';
    this.bar.dataset.rows = String(this.rows.length);
    this.bar.dataset.windowStart = String(w.start);
    this.bar.dataset.windowEnd = String(w.end);
    this.bar.style.setProperty('--rows', String(Math.max(1, this.rows.length)));
    drawRows(rows, this.rows, w, pct, {label: (t) => this.label(t), drawRow: this.drawRow});
    this.drawTicks(w, pct);
    const place = (el, t) => {
      el.hidden = t === null || t < w.start || t > w.end;
      if (!el.hidden) {
        el.style.left = pct(t) + '%';
      }
    };
    place(this.container.querySelector('.cursor'), this.cursor);
    place(this.container.querySelector('.playhead'), this.playhead);
    const sel = this.container.querySelector('.selection');
    sel.hidden = !this.selection;
    if (this.selection) {
      const a = Math.max(this.selection.start, w.start);
      const b = Math.min(this.selection.end, w.end);
      sel.style.left = pct(a) + '%';
      sel.style.width = Math.max(0, pct(b) - pct(a)) + '%';
    }
    this.container.querySelector('.timeline-from').textContent = this.label(Math.round(w.start / 1000) * 1000);
    this.container.querySelector('.timeline-to').textContent = this.label(Math.round(w.end / 1000) * 1000);
    this.bar.setAttribute('aria-valuemin', String(this.day.start));
    this.bar.setAttribute('aria-valuemax', String(this.day.end));
    this.bar.setAttribute('aria-valuenow', String(this.cursor));
    this.bar.setAttribute('aria-valuetext', this.label(this.cursor) + (this.recordedAt(this.cursor) ? ', recorded' : ', not recorded'));
  }

  /** A time as this bar shows it: in the clock's zone, or RFC 3339 UTC. */
  label(t) {
    return this.clock ? this.clock.label(t) : iso(t);
  }

  drawTicks(w, pct) {
    const ticks = this.container.querySelector('.ticks');
    ticks.innerHTML = '';
    for (const tick of this.clock ? this.clock.ticks(w.start, w.end) : []) {
      const d = document.createElement('div');
      d.className = tick.hour ? 'tick hour' : 'tick';
      d.style.left = pct(tick.at) + '%';
      d.textContent = tick.label;
      d.dataset.at = String(tick.at);
      ticks.appendChild(d);
    }
  }

  recordedAt(t) {
    return this.rows.some((row) => row.spans.some((s) => t >= s.start && t < s.end));
  }
}

export function iso(millis) {
  return millis === null || millis === undefined ? '' : new Date(millis).toISOString().replace('.000Z', 'Z');
}
