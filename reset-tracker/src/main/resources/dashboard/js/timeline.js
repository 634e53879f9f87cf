// One mailbox's remediation: what it is and every step it took, in a dialog.

import { api } from './api.js';
import { el } from './dom.js';
import { when } from './format.js';
import { both, REASONS, STATES, stateTone } from './labels.js';

const $ = (id) => document.getElementById(id);

function fact(label, value) {
  return [el('dt', {}, label), el('dd', {}, value ?? '—')];
}

export async function showTimeline(mailboxId, maskedAddress) {
  const mailbox = await api.mailbox(mailboxId);
  $('timeline-facts').replaceChildren(
    ...fact('アドレス Address', maskedAddress),
    ...fact('ブランド Brand', mailbox.brand),
    ...fact('状態 State', both(STATES[mailbox.state] ?? [mailbox.state, ''])),
    ...fact('契約 Lifecycle', mailbox.lifecycle),
    ...fact('期限 Deadline', when(mailbox.deadlineAt)),
    ...fact('次回予定 Next step', when(mailbox.nextTimerAt)),
    ...fact('ID', mailbox.mailboxId));
  $('timeline-events').replaceChildren(...mailbox.timeline.map((entry) =>
    el('li', { class: stateTone(entry.state) },
      el('strong', {}, both(STATES[entry.state] ?? [entry.state, ''])),
      ` — ${both(REASONS[entry.reason] ?? [entry.reason, ''])}`,
      el('time', { datetime: entry.at }, when(entry.at)))));
  const dialog = $('timeline');
  if (!dialog.open) dialog.showModal();
}
