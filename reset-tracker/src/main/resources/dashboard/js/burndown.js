// Outstanding mailboxes (total - remediated) over campaign time, one line per tenant.

import { api } from './api.js';
import { Chart } from './chart-theme.js';
import { count, when } from './format.js';
import { colourOf } from './labels.js';

let chart;

function create(canvas) {
  return new Chart(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: {
      parsing: false,
      normalized: true,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      elements: { point: { radius: 0 }, line: { borderWidth: 2, tension: 0.15 } },
      scales: {
        x: { type: 'linear', ticks: { callback: (value) => when(new Date(value).toISOString()), maxTicksLimit: 8 } },
        y: { beginAtZero: true, ticks: { callback: (value) => count(value) }, title: { display: true, text: '未是正 Outstanding' } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            title: (items) => when(new Date(items[0].parsed.x).toISOString()),
            label: (item) => `${item.dataset.label}: ${count(item.parsed.y)}`,
          },
        },
      },
    },
  });
}

export async function refreshBurndown(tenants) {
  chart ??= create(document.getElementById('burndown-chart'));
  const histories = await Promise.all(tenants.map((tenant) => api.history(tenant.tenant)));
  chart.data.datasets = histories.map((history, index) => ({
    label: tenants[index].name,
    borderColor: colourOf(index),
    backgroundColor: colourOf(index),
    data: history.points.map((point) => ({ x: Date.parse(point.at), y: point.total - point.remediated })),
  }));
  chart.update();
}
