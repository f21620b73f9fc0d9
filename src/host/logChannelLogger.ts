import type * as vscode from 'vscode';
import type { Logger } from '../shared/logger';

/** The Logger port over the extension's one `LogOutputChannel`. */
export class LogChannelLogger implements Logger {
  constructor(private readonly channel: vscode.LogOutputChannel) {}

  trace(message: string): void {
    this.channel.trace(message);
  }

  debug(message: string): void {
    this.channel.debug(message);
  }

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string | Error): void {
    this.channel.error(message);
  }
}
