// Japanese and English names of what the page shows, and each tenant's colour.

export const STATES = {
  AFFECTED: ['未通知', 'Affected'],
  NOTIFIED: ['通知済み', 'Notified'],
  REMINDED: ['督促済み', 'Reminded'],
  UNDELIVERABLE: ['不達', 'Undeliverable'],
  DEADLINE_PASSED: ['期限超過', 'Deadline passed'],
  FORCE_RESET_REQUESTED: ['強制リセット依頼', 'Force reset req.'],
  LOCK_REQUESTED: ['ロック依頼', 'Lock requested'],
  RESET_COMPLETED: ['リセット完了', 'Reset completed'],
  LOCKED: ['ロック済み', 'Locked'],
  ESCALATED: ['エスカレーション', 'Escalated'],
};

/** States a mailbox can still be stuck in, most urgent last. */
export const OPEN_STATES = ['AFFECTED', 'NOTIFIED', 'REMINDED', 'UNDELIVERABLE', 'DEADLINE_PASSED',
  'FORCE_RESET_REQUESTED', 'LOCK_REQUESTED', 'ESCALATED'];

export const REASONS = {
  NEW: ['受付', 'Accepted'],
  NOTICE_SENT: ['通知送信', 'Notice sent'],
  REMINDER_SENT: ['督促送信', 'Reminder sent'],
  RESET_BY_CUSTOMER: ['お客様が変更', 'Reset by customer'],
  RESET_BY_OPERATOR: ['窓口で変更', 'Reset by operator'],
  RESET_FORCED_BY_ISP: ['ISPが強制変更', 'Forced by ISP'],
  LOCKED_FORMER_ACCOUNT: ['旧契約ロック', 'Former account locked'],
  LOCKED_BY_ISP: ['ISPがロック', 'Locked by ISP'],
  DEADLINE_REACHED: ['期限到来', 'Deadline reached'],
  BOUNCED: ['バウンス', 'Bounced'],
  DELIVERY_FAILED: ['配信失敗', 'Delivery failed'],
  OTHER_REASON: ['その他', 'Other'],
  COMMAND_UNANSWERED: ['ISP未回答', 'ISP did not answer'],
  ISP_CANNOT_ACT: ['ISP対応不可', 'ISP cannot act'],
  COMMAND_ACCEPTED: ['ISP受付', 'ISP accepted'],
  OTHER_CHANNEL_REQUESTED: ['別経路連絡依頼', 'Other channel requested'],
  REACHED_BY_OTHER_CHANNEL: ['別経路で連絡済み', 'Reached by other channel'],
  OTHER_CHANNEL_FAILED: ['別経路連絡不可', 'Other channel failed'],
  REDRIVEN: ['再送', 'Re-driven'],
};

export const FUNNEL = {
  affected: ['対象', 'Affected'],
  notified: ['通知済み', 'Notified'],
  reminded: ['督促済み', 'Reminded'],
  remediated: ['是正済み', 'Remediated'],
  forced: ['強制リセット', 'Forced'],
  locked: ['ロック', 'Locked'],
};

export const DELIVERIES = {
  SENT: ['送信', 'Sent'],
  DEFERRED: ['保留', 'Deferred'],
  BOUNCED: ['不達', 'Bounced'],
  FAILED: ['失敗', 'Failed'],
};

const PALETTE = ['#38bdf8', '#34d399', '#fbbf24', '#f472b6', '#a78bfa', '#fb923c', '#2dd4bf', '#e879f9'];

export function colourOf(index) {
  return PALETTE[index % PALETTE.length];
}

export function both([ja, en]) {
  return `${ja} ${en}`;
}

export function stateTone(state) {
  if (state === 'RESET_COMPLETED' || state === 'LOCKED') return 'done';
  if (state === 'UNDELIVERABLE' || state === 'FORCE_RESET_REQUESTED' || state === 'ESCALATED') return 'stuck';
  if (state === 'DEADLINE_PASSED' || state === 'LOCK_REQUESTED') return 'late';
  return 'open';
}
