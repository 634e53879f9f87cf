package io.resetflow.tracker.report;

import java.util.HashMap;
import java.util.Map;

/** The report's labels in Japanese and English; a key without a label is shown as it is, in both. */
final class ReportLabels {

    private static final Map<String, String[]> LABELS = new HashMap<>();

    static {
        label("accepted", "対象メールボックス", "Mailboxes accepted");
        label("duplicates", "重複行", "Duplicate rows");
        label("tracked", "追跡中", "Tracked");
        label("remediated", "対処済み", "Remediated");
        label("escalated", "エスカレーション", "Escalated");
        label("open", "未対処", "Still open");
        label("remediatedShare", "対処率", "Share remediated");
        label("customer", "利用者によるパスワード変更", "Reset by the customer");
        label("operator", "ISP担当者による変更", "Reset by an ISP operator");
        label("forced", "強制リセット", "Forced reset by the ISP");
        label("locked", "アカウント停止", "Account locked");
        label("reachedByOtherChannel", "他の手段で連絡済み", "Reached by another channel");
        label("rowsRead", "読み込んだ行", "Rows read");
        label("validRows", "有効な行", "Valid rows");
        label("rejected", "除外した行", "Rows rejected");
        label("unreadableRows", "読めない行", "Unreadable rows");
        label("pendingAtIntake", "取込待ち", "Pending at intake");
        label("AFFECTED", "影響あり（未通知）", "Affected (not yet notified)");
        label("NOTIFIED", "通知済み", "Notified");
        label("REMINDED", "再通知済み", "Reminded");
        label("DEADLINE_PASSED", "期限超過", "Deadline passed");
        label("FORCE_RESET_REQUESTED", "強制リセット依頼中", "Forced reset requested");
        label("RESET_COMPLETED", "パスワード変更済み", "Password reset");
        label("UNDELIVERABLE", "配信不能", "Undeliverable");
        label("LOCK_REQUESTED", "停止依頼中", "Lock requested");
        label("LOCKED", "停止済み", "Locked");
        label("ESCALATED", "エスカレーション", "Escalated");
        label("ACTIVE", "利用中", "Active");
        label("INACTIVE", "休眠", "Inactive");
        label("FORMER", "解約済み", "Former");
        label("UNKNOWN_LIFECYCLE", "不明", "Unknown");
        label("PLAINTEXT", "平文", "Plaintext");
        label("HASHED", "ハッシュ化", "Hashed");
        label("ENCRYPTED", "暗号化", "Encrypted");
        label("UNKNOWN", "不明", "Unknown");
        label("CONTACT_ADDRESS", "連絡先アドレス", "Contact address");
        label("MAILBOX", "当該メールボックス", "The mailbox itself");
        label("SENT", "送信済み", "Sent");
        label("DEFERRED", "保留", "Deferred");
        label("BOUNCED", "不達", "Bounced");
        label("FAILED", "失敗", "Failed");
        label("INITIAL_NOTICE", "初回通知", "Initial notice");
        label("REMINDER", "再通知", "Reminder");
        label("FINAL_NOTICE", "最終通知", "Final notice");
        label("FORCE_PASSWORD_RESET", "強制パスワードリセット", "Force password reset");
        label("LOCK_ACCOUNT", "アカウント停止", "Lock account");
        label("REACH_BY_OTHER_CHANNEL", "他の手段での連絡", "Reach by another channel");
        label("ACCEPTED", "受付", "Accepted");
        label("DONE", "完了", "Done");
        label("CANNOT_ACT", "対応不可", "Cannot act");
        label("reissued", "再発行", "Re-issued");
        label("cancelled", "取消", "Cancelled");
        label("firstNoticeSent", "最初の通知送信", "First notice sent");
        label("allInitialNoticesOut", "全初回通知の送信完了", "All initial notices out");
        label("remediated50", "50%対処", "50% remediated");
        label("remediated90", "90%対処", "90% remediated");
        label("remediated99", "99%対処", "99% remediated");
        label("remediated100", "100%対処", "100% remediated");
        label("lastMailbox", "最後のメールボックス対処", "Last mailbox remediated");
        label("breachCutoff", "漏えい基準時刻", "Breach cut-off");
        label("campaignStart", "対応開始", "Campaign start");
        label("reminders", "再通知", "Reminders after");
        label("deadline", "期限", "Deadline after");
        label("quietHours", "送信停止時間帯", "Quiet hours");
        label("dailySendCap", "1日の送信上限", "Daily send cap");
        label("sendRatePerSecond", "送信速度（通/秒）", "Send rate (mails/s)");
        label("commandAnswerTimeout", "ISP回答期限", "ISP answer timeout");
        label("commandAttempts", "依頼回数上限", "Command attempts");
        label("inactiveAccounts", "休眠アカウントの扱い", "Inactive accounts");
    }

    private ReportLabels() {
    }

    private static void label(String key, String ja, String en) {
        LABELS.put(key, new String[] {ja, en});
    }

    static String ja(String key) {
        String[] label = LABELS.get(key);
        return label == null ? key : label[0];
    }

    static String en(String key) {
        String[] label = LABELS.get(key);
        return label == null ? key : label[1];
    }
}
