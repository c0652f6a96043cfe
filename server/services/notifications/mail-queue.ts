// Queues the e-mails of notifications their recipients want at once. Called after the
// transaction that created them has committed (never inside one: see DEVELOPERS.md).
export async function queueNotificationMails(notificationIds: string[]): Promise<void> {
  if (notificationIds.length === 0) return;
  // E-mail is not sent yet: the notifications are in the app.
}
