// Numbers and times as operators read them: Japanese grouping, Tokyo time.

const integer = new Intl.NumberFormat('ja-JP');
const percent = new Intl.NumberFormat('ja-JP', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit',
});
const DAY_MS = 24 * 60 * 60 * 1000;

export const count = (n) => integer.format(n ?? 0);
export const share = (ratio) => percent.format(ratio ?? 0);
export const when = (iso) => (iso ? dateTime.format(new Date(iso)) : '—');

/** "6/12 14:00 (3.2日)": when, and in how many days counted from the campaign's present, not the browser's clock. */
export function eta(iso, nowIso) {
  if (!iso) return '算出中 Estimating';
  const days = (Date.parse(iso) - Date.parse(nowIso)) / DAY_MS;
  if (days <= 0) return `完了 Done ${when(iso)}`;
  return `${when(iso)} (${days.toFixed(1)}日)`;
}

/** Tokyo calendar date of an instant, as ISO yyyy-mm-dd (the reminder counters' keys). */
export function tokyoDate(iso) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date(iso));
}
