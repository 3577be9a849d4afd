// The camera wall: live tiles (tile.js) in a 1/4/9/16 grid (remembered) that fits the window, paged, their cameras'
// states refreshed every few seconds, each tile's clock ticked. Tiles play Low-Latency HLS (#/wall?hls=plain: plain
// HLS from the archive, for comparisons) of the camera's sub stream where it has one (#/wall?stream=main: every tile
// its main stream, for comparisons); Escape leaves a tile's full view.
import {api} from './api.js';
import {makeTile, TICK_MILLIS} from './tile.js';

const SIZES = [1, 4, 9, 16];
const STATUS_EVERY_MILLIS = 3000;
export async function wallPage(section, params = new URLSearchParams()) {
  let size = Number(localStorage.getItem('vigil.wall.size')) || 4;
  let page = 0;
  const lowLatency = params.get('hls') !== 'plain';
  /** Every tile plays its camera's main stream (?stream=main), not the wall stream. */
  const mainOnly = params.get('stream') === 'main';
  const tiles = new Map();
  section.innerHTML = `
    <div class="toolbar">
      <span id="wall-sizes" role="group" aria-label="Tiles per screen">
        ${SIZES.map((n) => `<button type="button" data-size="${n}" aria-pressed="${n === size}">${n}</button>`).join('')}
      </span>
      <button type="button" id="wall-prev" aria-label="Previous cameras">&lsaquo;</button>
      <span id="wall-page"></span>
      <button type="button" id="wall-next" aria-label="Next cameras">&rsaquo;</button>
      <span class="hint" id="wall-mode">${lowLatency ? 'Low-Latency HLS' : 'plain HLS'}${mainOnly ? ', main streams' : ''}</span>
    </div>
    <div class="wall" id="wall-grid" data-hls="${lowLatency ? 'low-latency' : 'plain'}"></div>`;
  const grid = section.querySelector('#wall-grid');

  // The grid is as wide as lets its rows of 16:9 tiles fit the height left below the toolbar.
  function fit() {
    const top = grid.getBoundingClientRect().top + window.scrollY;
    const below = parseFloat(getComputedStyle(section.parentElement).paddingBottom) || 0;
    grid.style.setProperty('--wall-height', Math.max(120, Math.floor(window.innerHeight - top - below) - 1) + 'px');
  }

  function layout(cameras) {
    const pages = Math.max(1, Math.ceil(cameras.length / size));
    page = Math.min(page, pages - 1);
    section.querySelector('#wall-page').textContent = cameras.length ? `${page + 1} / ${pages}` : 'no cameras yet';
    const columns = Math.ceil(Math.sqrt(size));
    grid.style.setProperty('--columns', String(columns));
    grid.style.setProperty('--rows', String(Math.ceil(size / columns)));
    grid.dataset.size = String(size);
    fit();
    const shown = cameras.slice(page * size, page * size + size);
    const ids = new Set(shown.map((c) => c.id));
    for (const [id, tile] of tiles) {
      if (!ids.has(id)) {
        tile.stop();
        tile.element.remove();
        tiles.delete(id);
      }
    }
    shown.forEach((camera, i) => {
      let tile = tiles.get(camera.id);
      if (!tile) {
        tile = makeTile(camera, lowLatency, mainOnly);
        tiles.set(camera.id, tile);
      }
      if (grid.children[i] !== tile.element) {
        grid.insertBefore(tile.element, grid.children[i] || null);
      }
      tile.update(camera);
    });
  }

  let cameras = [];
  async function refresh() {
    try {
      cameras = await api('/api/cameras');
      layout(cameras);
    } catch (e) {
      section.querySelector('#wall-page').textContent = 'cannot reach Vigil: ' + e.message;
    }
  }

  section.querySelector('#wall-sizes').addEventListener('click', (e) => {
    const n = Number(e.target.dataset.size);
    if (n) {
      size = n;
      localStorage.setItem('vigil.wall.size', String(n));
      section.querySelectorAll('#wall-sizes button').forEach((b) => b.setAttribute('aria-pressed', String(Number(b.dataset.size) === n)));
      layout(cameras);
    }
  });
  section.querySelector('#wall-prev').addEventListener('click', () => { page = Math.max(0, page - 1); layout(cameras); });
  section.querySelector('#wall-next').addEventListener('click', () => { page += 1; layout(cameras); });
  window.addEventListener('resize', fit);
  await refresh();
  const timer = setInterval(refresh, STATUS_EVERY_MILLIS);
  const ticker = setInterval(() => tiles.forEach((t) => t.tick()), TICK_MILLIS);
  const onKey = (e) => {
    if (e.key === 'Escape') {
      tiles.forEach((t) => t.setFull(false));
    }
  };
  document.addEventListener('keydown', onKey);
  return () => {
    clearInterval(timer);
    clearInterval(ticker);
    window.removeEventListener('resize', fit);
    document.removeEventListener('keydown', onKey);
    tiles.forEach((t) => t.stop());
  };
}
