// Wires the page together and keeps it live: polls the tracker's API (no reloads), shows when the
// data is stale. ?refresh=<ms> changes the interval (default 3 s).

import { api, SignInNeeded } from './api.js';
import { session, signInForm } from './session.js';
import { refreshBurndown } from './burndown.js';
import { renderFunnel } from './funnel.js';
import { initStragglers, refreshStragglers } from './stragglers.js';
import { renderTenants } from './tenants.js';
import { initReconcile, refreshReconcile } from './reconcile.js';
import { when } from './format.js';

const refreshMs = Number(new URLSearchParams(location.search).get('refresh')) || 3000;
/** Slower views (history per tenant, straggler page) refresh every this many ticks. */
const SLOW_EVERY = 3;
let tick = 0;

function showLive(ok, asOf) {
  const live = document.getElementById('live');
  live.classList.toggle('ok', ok);
  live.classList.toggle('stale', !ok);
  live.querySelector('.live-text').textContent = ok
    ? `ライブ Live · 基準 ${when(asOf)}`
    : '更新できません Not updating — retrying';
}

async function refresh() {
  try {
    const tenants = await api.tenants();
    renderTenants(tenants);
    renderFunnel(tenants);
    initStragglers(tenants);
    if (tick % SLOW_EVERY === 0) {
      await Promise.all([refreshBurndown(tenants), refreshStragglers(), refreshReconcile()]);
    }
    const latest = tenants.map((t) => t.asOf).sort().at(-1);
    showLive(true, latest);
    document.body.dataset.refreshed = String(tick);
  } catch (error) {
    if (error instanceof SignInNeeded) {
      await signIn();
    } else {
      showLive(false);
    }
  } finally {
    tick += 1;
    setTimeout(refresh, refreshMs);
  }
}

function showWho(current) {
  const who = document.getElementById('who');
  who.hidden = false;
  who.querySelector('.who-name').textContent =
    current.tenant ? `${current.name} (${current.tenant})` : `${current.name} (${current.role})`;
}

async function signIn() {
  document.getElementById('who').hidden = true;
  const current = await signInForm();
  showWho(current);
  initReconcile(current);
}

document.getElementById('sign-out').addEventListener('click', async () => {
  await session.signOut();
  location.reload();
});

const current = await session.current();
if (current) {
  showWho(current);
  initReconcile(current);
} else {
  await signIn();
}
refresh();
