/**
 * Notification text that cannot become a link.
 *
 * VS Code turns `[label](https://…)`, `[label](command:…)` and `[label](file:…)`
 * in a notification's message or progress title into an active link. The
 * extension never means to put one there, but its messages quote server text
 * (secret names, namespaces, connection names), so a name such as
 * `[Fix](command:…)` would otherwise arrive as a button of the server's
 * choosing. Separating `]` from `(` leaves the text readable and inert.
 */
export function inertNotificationText(message: string): string {
  return message.replace(/\](?=\()/g, '] ');
}
