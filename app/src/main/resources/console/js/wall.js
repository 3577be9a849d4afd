// The camera wall: live tiles in a 1/4/9/16 grid (remembered), each with the camera's name, state badge and
// last-segment age. A tile whose camera is not RECORDING, or whose picture stops moving, says so over the
// picture instead of freezing on an old frame.
import {api} from './api.js';
import {attach} from './player.js';

const SIZES = [1, 4, 9, 16];
const STATUS_EVERY_MILLIS = 3000;
const STALL_MILLIS = 8000;

export async function wallPage(section) {
  let size = Number(localStorage.getItem('vigil.wall.size')) || 4;
  let page = 0;
  const tiles = new Map();
  section.innerHTML = `
    <div class="toolbar">
      <span id="wall-sizes" role="group" aria-label="Tiles per screen">
        ${SIZES.map((n) => `<button type="button" data-size="${n}" aria-pressed="${n === size}">${n}</button>`).join('')}
      </span>
      <button type="button" id="wall-prev" aria-label="Previous cameras">&lsaquo;</button>
      <span id="wall-page"></span>
      <button type="button" id="wall-next" aria-label="Next cameras">&rsaquo;</button>
    </div>
    <div class="wall" id="wall"></div>`;
  const grid = section.querySelector('#wall');

  function layout(cameras) {
    const pages = Math.max(1, Math.ceil(cameras.length / size));
    page = Math.min(page, pages - 1);
    section.querySelector('#wall-page').textContent = cameras.length ? `${page + 1} / ${pages}` : 'no cameras yet';
    grid.style.setProperty('--columns', String(Math.ceil(Math.sqrt(size))));
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
        tile = makeTile(camera);
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
  await refresh();
  const timer = setInterval(refresh, STATUS_EVERY_MILLIS);
  const onKey = (e) => {
    if (e.key === 'Escape') {
      grid.querySelectorAll('.tile.full').forEach((t) => t.classList.remove('full'));
    }
  };
  document.addEventListener('keydown', onKey);
  return () => {
    clearInterval(timer);
    document.removeEventListener('keydown', onKey);
    tiles.forEach((t) => t.stop());
  };
}

function makeTile(camera) {
  const element = document.createElement('figure');
  element.className = 'tile';
  element.dataset.camera = camera.id;
  element.tabIndex = 0;
  element.innerHTML = `
    <video muted playsinline autoplay></video>
    <div class="overlay" role="status"></div>
    <figcaption><span class="name"></span> <span class="badge"></span> <span class="age"></span></figcaption>`;
  const video = element.querySelector('video');
  const overlay = element.querySelector('.overlay');
  let player = null;
  let lastTime = -1;
  let lastMoved = Date.now();
  let state = null;

  const toggleFull = () => element.classList.toggle('full');
  element.addEventListener('click', toggleFull);
  element.addEventListener('keydown', (e) => { if (e.key === 'Enter') toggleFull(); });
  video.addEventListener('timeupdate', () => {
    if (video.currentTime !== lastTime) {
      lastTime = video.currentTime;
      lastMoved = Date.now();
    }
  });

  function start() {
    if (!player) {
      lastMoved = Date.now();
      player = attach(video, `/api/cameras/${encodeURIComponent(camera.id)}/live.m3u8`, {
        live: true,
        onFatal: () => { stop(); },
      });
    }
  }

  function stop() {
    if (player) {
      player.destroy();
      player = null;
    }
  }

  function say(text) {
    overlay.textContent = text;
    overlay.hidden = !text;
    element.classList.toggle('down', !!text);
  }

  return {
    element,
    stop,
    update(c) {
      camera = c;
      const status = c.status || {};
      state = c.enabled === false ? 'DISABLED' : (status.state || 'CONNECTING');
      element.querySelector('.name').textContent = c.name || c.id;
      const badge = element.querySelector('.badge');
      badge.textContent = state;
      badge.dataset.state = state;
      const last = status.lastSegmentAt ? Date.parse(status.lastSegmentAt) : null;
      const age = last ? Math.max(0, Math.round((Date.now() - last) / 1000)) : null;
      element.querySelector('.age').textContent = age === null ? 'no video yet' : `last segment ${age} s ago`;
      if (state === 'RECORDING') {
        start();
        if (player && Date.now() - lastMoved > STALL_MILLIS) {
          say('STALLED: the picture stopped; reconnecting');
          stop();
          start();
        } else {
          say('');
        }
      } else {
        stop();
        const since = last ? ' since ' + new Date(last).toLocaleTimeString() : '';
        say(`${state}: no live video${since}` + (status.lastError ? ` (${status.lastError})` : ''));
      }
    },
  };
}
