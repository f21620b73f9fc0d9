import * as vscode from 'vscode';
import type { Clipboard, Notifier, ProgressReporter } from '../core/commands/hostPorts';
import { inertNotificationText } from '../core/notificationText';

/** Notifier over VS Code's (non-modal) notifications; their text can never hold a link (server names are quoted in it). */
export const vscodeNotifier: Notifier = {
  info: (message, ...actions) =>
    Promise.resolve(vscode.window.showInformationMessage(inertNotificationText(message), ...actions)),
  warn: (message, ...actions) =>
    Promise.resolve(vscode.window.showWarningMessage(inertNotificationText(message), ...actions)),
  error: (message, ...actions) =>
    Promise.resolve(vscode.window.showErrorMessage(inertNotificationText(message), ...actions)),
};

/** Clipboard over `vscode.env.clipboard`. */
export const vscodeClipboard: Clipboard = {
  writeText: (text) => Promise.resolve(vscode.env.clipboard.writeText(text)),
};

/** Progress as a notification with a spinner while the task runs; the cancellable one has a Cancel button and a bar. */
export const vscodeProgress: ProgressReporter = {
  withProgress: (title, task) =>
    Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: inertNotificationText(title) },
        task,
      ),
    ),
  withCancellableProgress: (title, task) =>
    Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: inertNotificationText(title), cancellable: true },
        (progress, token) => task((message, increment) => progress.report({ message, increment }), token),
      ),
    ),
};
