import * as vscode from 'vscode';

/**
 * Sets the extension host's log level to trace, so that every line the
 * extension logs (the debug line of each request too) reaches its log file;
 * resolves to a function that puts the level back as it was.
 */
export async function logAtTraceLevel(): Promise<() => Promise<void>> {
  const before = (await vscode.commands.executeCommand<string>('_extensionTests.getLogLevel')) ?? 'info';
  await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'trace');
  return async () => {
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', before);
  };
}
