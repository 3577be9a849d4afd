// The console: sign-in, then one page at a time by the URL's hash (#/wall, #/history, #/investigate, #/cameras,
// #/audit, #/alerts, #/users).
import {current, may, onSignOut, signIn, signOut} from './api.js';
import {wallPage} from './wall.js';
import {historyPage} from './history.js';
import {investigatePage} from './investigate.js';
import {camerasPage} from './cameras.js';
import {auditPage} from './audit.js';
import {usersPage} from './users.js';
import {alertsPage} from './alerts.js';

const pages = {wall: wallPage, history: historyPage, investigate: investigatePage, cameras: camerasPage, audit: auditPage,
  alerts: alertsPage, users: usersPage};
const main = document.getElementById('page');
const login = document.getElementById('login');
const bar = document.querySelector('header.bar');
let leave = null;

function showLogin() {
  if (leave) {
    leave();
    leave = null;
  }
  bar.hidden = true;
  [...main.children].filter((c) => c !== login).forEach((c) => c.remove());
  login.hidden = false;
  document.getElementById('login-username').focus();
}

async function route() {
  if (!current()) {
    showLogin();
    return;
  }
  login.hidden = true;
  bar.hidden = false;
  document.getElementById('who').textContent = current().username + ' (' + current().role + ')';
  document.querySelectorAll('nav a').forEach((a) => {
    const needs = a.dataset.needs;
    a.hidden = needs ? !needs.split(' ').some(may) : false;
  });
  let name = (location.hash.match(/^#\/(\w+)/) || [])[1] || 'wall';
  const link = document.querySelector('nav a[data-page="' + name + '"]');
  if (!pages[name] || (link && link.hidden)) {
    name = 'wall';
  }
  document.querySelectorAll('nav a').forEach((a) => a.setAttribute('aria-current', a.dataset.page === name ? 'page' : 'false'));
  if (leave) {
    leave();
  }
  [...main.children].filter((c) => c !== login).forEach((c) => c.remove());
  const section = document.createElement('section');
  section.id = name;
  section.className = 'page';
  main.appendChild(section);
  leave = await pages[name](section, new URLSearchParams(location.hash.split('?')[1] || ''));
}

document.getElementById('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const error = document.getElementById('login-error');
  error.textContent = '';
  try {
    await signIn(document.getElementById('login-username').value, document.getElementById('login-password').value);
    document.getElementById('login-password').value = '';
    route();
  } catch (err) {
    error.textContent = err.status === 429 ? err.message : 'Wrong username or password.';
  }
});
document.getElementById('sign-out').addEventListener('click', () => signOut());
onSignOut(showLogin);
window.addEventListener('hashchange', route);
route();
