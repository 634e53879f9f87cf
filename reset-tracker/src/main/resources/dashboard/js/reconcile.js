// Operations' reconciliation panel: the last result (verdict, figures, the first mismatches) and a
// button that starts one. The figures are the API's, kept in data-value like every figure of the page.

import { api } from './api.js';
import { session } from './session.js';
import { el, setFigure } from './dom.js';
import { count, when } from './format.js';

const $ = (id) => document.getElementById(id);

export function initReconcile(current) {
  if (current.role !== 'operations') return;
  $('reconcile').hidden = false;
  $('reconcile-now').addEventListener('click', async () => {
    $('reconcile-now').disabled = true;
    await fetch('/api/reconcile', { method: 'POST', headers: session.csrfHeaders() });
    refreshReconcile();
  });
}

function fact(field, ja, en, value, text) {
  const dd = el('dd', { 'data-field': field });
  setFigure(dd, value, text ?? String(value));
  return [el('dt', {}, `${ja} `, el('small', {}, en)), dd];
}

export async function refreshReconcile() {
  if ($('reconcile').hidden) return;
  const status = await api.reconcile();
  const verdict = $('reconcile-verdict');
  $('reconcile-now').disabled = status.running;
  const result = status.result;
  if (status.running) {
    verdict.textContent = '照合中… Reconciling…';
  } else if (status.lastFailure) {
    verdict.textContent = `照合できません Could not reconcile: ${status.lastFailure}`;
  }
  if (!result) return;
  verdict.dataset.clean = String(result.clean);
  verdict.classList.toggle('clean', result.clean);
  verdict.classList.toggle('dirty', !result.clean);
  if (!status.running && !status.lastFailure) {
    verdict.textContent = result.clean
      ? '一致 CLEAN: every mailbox accounted for'
      : `不一致 ${count(result.mismatchCount)} MISMATCHES`;
  }
  $('reconcile-facts').replaceChildren(
    ...fact('reconciledTo', '照合時点', 'Reconciled to', result.reconciledTo, when(result.reconciledTo)),
    ...fact('mailboxes', 'メールボックス', 'Mailboxes', result.mailboxes, count(result.mailboxes)),
    ...fact('recordsRead', '読んだレコード', 'Records read', result.recordsRead, count(result.recordsRead)),
    ...fact('took', '所要', 'Took', result.tookMillis, `${(result.tookMillis / 1000).toFixed(1)} s`),
  );
  $('reconcile-mismatches').replaceChildren(...result.mismatches.slice(0, 10).map((m) =>
    el('li', { 'data-kind': m.kind }, `${m.kind} ${m.tenant ?? ''} ${m.mailboxId ?? ''}: ${m.detail}`)));
}
