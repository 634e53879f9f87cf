// The header totals and one card per tenant: share remediated, counts by state, mail outcomes,
// reminders due next and the estimated completion.

import { api } from './api.js';
import { el, setFigure } from './dom.js';
import { count, eta, share, tokyoDate, when } from './format.js';
import { both, DELIVERIES, STATES, stateTone } from './labels.js';

const cards = new Map();

function label([ja, en]) {
  return [el('span', { class: 'ja' }, ja), el('span', { class: 'en' }, en)];
}

function figure(field, names, extraClass) {
  return el('div', { class: extraClass }, el('dt', { title: both(names) }, label(names)),
    el('dd', { 'data-field': field }, '–'));
}

function buildCard(tenant) {
  const card = el('article', { class: 'card', 'data-tenant': tenant.tenant },
    el('header', {},
      el('h3', {}, tenant.name),
      el('p', { class: 'name-ja' }, tenant.nameJa && tenant.nameJa !== tenant.name ? tenant.nameJa : '\u00a0')),
    el('div', { class: 'share' },
      el('span', { class: 'big', 'data-field': 'ratio' }, '–'),
      el('small', {}, '是正済み Remediated', el('br'), el('b', { 'data-field': 'remediated' }, '–'), ' / ',
        el('b', { 'data-field': 'total' }, '–'))),
    el('div', { class: 'bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100' }, el('span')),
    el('dl', { class: 'states' }, Object.entries(STATES).map(([state, names]) =>
      el('div', { 'data-state': state, class: stateTone(state) }, el('dd', { 'data-field': `state-${state}` }, '–'),
        el('dt', { title: both(names) }, label(names))))),
    el('dl', { class: 'mail' }, Object.entries(DELIVERIES).map(([status, names]) =>
      figure(status.toLowerCase(), names, status.toLowerCase()))),
    el('dl', { class: 'foot' },
      figure('reminders', ['次回督促', 'Reminders due next']),
      figure('eta', ['完了予定', 'ETA to 100%']),
      el('div', {}, el('dt', {}, label(['報告書', 'Report'])),
        el('dd', { class: 'reports' },
          el('a', { href: api.reportUrl(tenant.tenant, 'csv'), download: `resetflow-report-${tenant.tenant}.csv` }, 'CSV'),
          el('a', { href: api.reportUrl(tenant.tenant, 'json'), download: `resetflow-report-${tenant.tenant}.json` }, 'JSON')))));
  cards.set(tenant.tenant, card);
  return card;
}

function nextReminders(tenant) {
  const today = tokyoDate(tenant.asOf);
  const due = tenant.remindersDue ?? [];
  if (due.length === 0) return ['0', 'なし None'];
  const overdue = due.filter((day) => day.date < today).reduce((sum, day) => sum + day.count, 0);
  const upcoming = due.find((day) => day.date >= today);
  const parts = [];
  if (overdue > 0) parts.push(`遅延 ${count(overdue)}件`);
  if (upcoming) {
    const day = upcoming.date === today ? '本日' : `${Number(upcoming.date.slice(5, 7))}/${Number(upcoming.date.slice(8))}`;
    parts.push(`${day} ${count(upcoming.count)}件`);
  }
  return [String(overdue + (upcoming ? upcoming.count : 0)), parts.join(' · ')];
}

function updateCard(card, tenant) {
  const field = (name) => card.querySelector(`[data-field="${name}"]`);
  setFigure(field('ratio'), tenant.remediatedRatio, share(tenant.remediatedRatio));
  setFigure(field('remediated'), tenant.remediated, count(tenant.remediated));
  setFigure(field('total'), tenant.total, count(tenant.total));
  const bar = card.querySelector('.bar');
  bar.setAttribute('aria-valuenow', String(Math.round(tenant.remediatedRatio * 100)));
  bar.firstElementChild.style.width = `${(tenant.remediatedRatio * 100).toFixed(2)}%`;
  for (const state of Object.keys(STATES)) {
    const value = tenant.countsByState[state] ?? 0;
    setFigure(field(`state-${state}`), value, count(value));
    card.querySelector(`[data-state="${state}"]`).classList.toggle('zero', value === 0);
  }
  for (const status of Object.keys(DELIVERIES)) {
    const value = tenant.deliveries?.[status] ?? 0;
    setFigure(field(status.toLowerCase()), value, count(value));
  }
  const [reminderValue, reminderText] = nextReminders(tenant);
  setFigure(field('reminders'), reminderValue, reminderText);
  setFigure(field('eta'), tenant.estimatedCompletion ?? '', eta(tenant.estimatedCompletion, tenant.asOf));
  field('eta').title = `基準 as of ${when(tenant.asOf)}`;
}

function updateOverall(tenants) {
  const sum = (pick) => tenants.reduce((total, tenant) => total + pick(tenant), 0);
  const total = sum((t) => t.total);
  const remediated = sum((t) => t.remediated);
  const overall = document.getElementById('overall');
  const field = (name) => overall.querySelector(`[data-field="${name}"]`);
  setFigure(field('total'), total, count(total));
  setFigure(field('remediated'), remediated, count(remediated));
  setFigure(field('ratio'), total === 0 ? 0 : remediated / total, share(total === 0 ? 0 : remediated / total));
  for (const status of ['SENT', 'DEFERRED', 'BOUNCED']) {
    const value = sum((t) => t.deliveries?.[status] ?? 0);
    setFigure(field(status.toLowerCase()), value, count(value));
  }
}

export function renderTenants(tenants) {
  const container = document.getElementById('tenants');
  for (const tenant of tenants) {
    const card = cards.get(tenant.tenant) ?? container.appendChild(buildCard(tenant));
    updateCard(card, tenant);
  }
  updateOverall(tenants);
}
