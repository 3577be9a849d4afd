// The rows of the timeline bar: one per stream shown (main, and sub for a camera that has one) or per camera, each
// with its recorded spans inside the window on screen, named on the bar when there are several, and what drawRow adds
// to it (a camera's activity and events: marks.js).

/**
 * Draws rows ([{stream, camera?, label?, spans}], spans {start, end} in epoch millis) into rowsElement for the window
 * w ({start, end}); pct(t) places a time, label(t) names one, drawRow(element, row, w, pct) adds to a row.
 */
export function drawRows(rowsElement, rows, w, pct, {label, drawRow = null}) {
  rows.forEach((row, i) => {
    const spans = document.createElement('div');
    spans.className = 'spans';
    spans.dataset.stream = row.stream;
    if (row.camera) spans.dataset.camera = row.camera;
    spans.style.setProperty('--row', String(i));
    spans.style.setProperty('--rows', String(rows.length));
    if (rows.length > 1) {
      const name = document.createElement('span');
      name.className = 'row-label';
      name.textContent = row.label || row.stream;
      spans.appendChild(name);
    }
    for (const s of row.spans) {
      const a = Math.max(s.start, w.start);
      const b = Math.min(s.end, w.end);
      if (b > a) {
        const d = document.createElement('div');
        d.className = 'span';
        d.style.left = pct(a) + '%';
        d.style.width = Math.max(0.2, pct(b) - pct(a)) + '%';
        d.title = `${row.label || row.stream + ' stream'} recorded ${label(s.start)} to ${label(s.end)}`;
        d.dataset.start = String(s.start);
        d.dataset.end = String(s.end);
        spans.appendChild(d);
      }
    }
    if (drawRow) {
      drawRow(spans, row, w, pct);
    }
    rowsElement.appendChild(spans);
  });
}
