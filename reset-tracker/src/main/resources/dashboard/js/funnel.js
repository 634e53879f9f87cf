// affected -> notified -> reminded -> remediated / forced / locked, for one tenant or all of them.

import { Chart } from './chart-theme.js';
import { count } from './format.js';
import { FUNNEL } from './labels.js';

const COLOURS = ['#64748b', '#38bdf8', '#a78bfa', '#34d399', '#fbbf24', '#f472b6'];
const ALL = '';

let chart;
let latest = [];

function create(canvas) {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: Object.values(FUNNEL).map(([ja, en]) => [ja, en]),
      datasets: [{ data: [], backgroundColor: COLOURS, borderRadius: 6, barPercentage: 0.8 }],
    },
    options: {
      indexAxis: 'y',
      scales: { x: { beginAtZero: true, ticks: { callback: (value) => count(value) } }, y: { grid: { display: false } } },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => count(item.parsed.x) } } },
    },
  });
}

function selector() {
  return document.getElementById('funnel-tenant');
}

function fillSelector(tenants) {
  const select = selector();
  if (select.options.length > 0) return;
  select.append(new Option('全テナント All tenants', ALL));
  for (const tenant of tenants) select.append(new Option(tenant.name, tenant.tenant));
  select.addEventListener('change', () => draw());
}

function draw() {
  const chosen = selector().value;
  const shown = latest.filter((tenant) => chosen === ALL || tenant.tenant === chosen);
  chart.data.datasets[0].data = Object.keys(FUNNEL)
    .map((stage) => shown.reduce((sum, tenant) => sum + (tenant.funnel?.[stage] ?? 0), 0));
  chart.update();
}

export function renderFunnel(tenants) {
  latest = tenants;
  chart ??= create(document.getElementById('funnel-chart'));
  fillSelector(tenants);
  draw();
}
