// The straggler table: one tenant's mailboxes in one state, a page at a time (cursor paging), addresses
// masked by the server. A click on a row opens the mailbox's timeline.

import { api } from './api.js';
import { el } from './dom.js';
import { when } from './format.js';
import { both, OPEN_STATES, REASONS, STATES, stateTone } from './labels.js';
import { showTimeline } from './timeline.js';

const view = { tenant: null, state: 'NOTIFIED', limit: 25, cursors: [null], next: null };
const $ = (id) => document.getElementById(id);

function row(item) {
  const reason = REASONS[item.reason] ?? [item.reason, ''];
  const tr = el('tr', { tabindex: '0', 'data-mailbox': item.mailboxId },
    el('td', { class: 'address' }, item.maskedAddress ?? '—'),
    el('td', {}, item.brand ?? '—'),
    el('td', {}, el('span', { class: `pill ${stateTone(item.state)}` }, both(STATES[item.state] ?? [item.state, '']))),
    el('td', { class: 'num', 'data-field': 'days' }, item.daysOutstanding.toFixed(1)),
    el('td', {}, `${reason[0]} `, el('span', { class: 'muted' }, `${when(item.lastActionAt)}`)),
    el('td', { class: 'num' }, item.remindersSent),
    el('td', {}, when(item.nextTimerAt)));
  const open = () => showTimeline(item.mailboxId, item.maskedAddress);
  tr.addEventListener('click', open);
  tr.addEventListener('keydown', (event) => { if (event.key === 'Enter') open(); });
  return tr;
}

function updateReportLinks() {
  $('report-csv').href = api.reportUrl(view.tenant, 'csv');
  $('report-csv').download = `resetflow-report-${view.tenant}.csv`;
  $('report-json').href = api.reportUrl(view.tenant, 'json');
  $('report-json').download = `resetflow-report-${view.tenant}.json`;
}

export async function refreshStragglers() {
  if (!view.tenant) return;
  const after = view.cursors[view.cursors.length - 1];
  const page = await api.stragglers(view.tenant, view.state, view.limit, after);
  const rows = page.rows.map(row);
  $('straggler-rows').replaceChildren(...(rows.length > 0 ? rows
    : [el('tr', { class: 'empty' }, el('td', { colspan: '7' }, '該当なし No mailboxes in this state'))]));
  view.next = page.next;
  $('page-prev').disabled = view.cursors.length === 1;
  $('page-next').disabled = !page.next;
  $('page-info').textContent = `${view.cursors.length} ページ Page`;
}

function restart() {
  view.cursors = [null];
  updateReportLinks();
  refreshStragglers().catch(() => {});
}

export function initStragglers(tenants) {
  if (view.tenant || tenants.length === 0) return;
  view.tenant = tenants[0].tenant;
  const tenantSelect = $('straggler-tenant');
  tenants.forEach((tenant) => tenantSelect.append(new Option(tenant.name, tenant.tenant)));
  const stateSelect = $('straggler-state');
  OPEN_STATES.forEach((state) => stateSelect.append(new Option(both(STATES[state]), state, false, state === view.state)));
  tenantSelect.addEventListener('change', () => { view.tenant = tenantSelect.value; restart(); });
  stateSelect.addEventListener('change', () => { view.state = stateSelect.value; restart(); });
  $('straggler-limit').addEventListener('change', (event) => { view.limit = Number(event.target.value); restart(); });
  $('page-next').addEventListener('click', () => { if (view.next) { view.cursors.push(view.next); refreshStragglers(); } });
  $('page-prev').addEventListener('click', () => { if (view.cursors.length > 1) { view.cursors.pop(); refreshStragglers(); } });
  restart();
}
