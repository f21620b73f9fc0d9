#!/usr/bin/env node
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { closeChromium, launchChromium } from '../support/chromium';
import { remotePathUri, startCodeServer, workbenchUrl, type CodeServer } from '../support/codeServer';
import { createCodeServerProfile, removeCodeServerProfile } from '../support/codeServerProfile';
import { repoRoot } from '../support/repoRoot';
import { REPORT_LINE_MARKER } from '../support/runMocha';

/*
 * Stands in for the VS Code executable that @vscode/test-electron's
 * runTests() launches: it takes the same --extensionDevelopmentPath and
 * --extensionTestsPath flags, starts code-server on a free port in a
 * throw-away profile, opens the workbench in headless Chromium with those
 * paths in the URL payload, prints the extension host's output and exits
 * with the test run's exit code. Other VS Code flags are ignored; so are
 * --user-data-dir/--extensions-dir, because each run starts fresh.
 *
 * The terminal gets the test report (the lines the extension host marks with
 * REPORT_LINE_MARKER); everything the workbench, the extension host and
 * code-server log goes to the layer's log file, whose path a failed run prints.
 */

const defaultTimeoutMs = 10 * 60_000;
/** The integration layer's log file: the whole output of the workbench, the extension host and code-server. */
const logFile = path.join(repoRoot(), 'test-results', 'integration.log');

function appendToLog(text: string): void {
  appendFileSync(logFile, text.endsWith('\n') ? text : `${text}\n`);
}

function flagValues(args: readonly string[], name: string): string[] {
  const prefix = `--${name}=`;
  return args.filter((arg) => arg.startsWith(prefix)).map((arg) => arg.slice(prefix.length));
}

function overallTimeoutMs(): number {
  const configured = Number(process.env.FLUXBASE_TEST_TIMEOUT_MS);
  return Number.isInteger(configured) && configured > 0 ? configured : defaultTimeoutMs;
}

/** Resolves with the exit code the workbench reports, or 1 when the run times out or code-server or the page dies. */
async function runInWorkbench(server: CodeServer, browser: BrowserContext, url: string): Promise<number> {
  let reportExit: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => (reportExit = resolve));
  let finished = false;
  const failWith = (message: string): void => {
    if (finished) {
      return;
    }
    console.error(`codeServerShim: ${message}`);
    reportExit(1);
  };
  // The workbench forwards its own log and the extension host's console as (level, printf-style arguments).
  await browser.exposeFunction('codeAutomationLog', (level: unknown, args: unknown) => {
    const line = Array.isArray(args) ? format(...(args as unknown[])) : format(args);
    const reportAt = line.indexOf(REPORT_LINE_MARKER);
    if (reportAt !== -1) {
      console.log(line.slice(reportAt + REPORT_LINE_MARKER.length));
    }
    appendToLog(`[${String(level)}] ${line.replace(REPORT_LINE_MARKER, '')}`);
  });
  await browser.exposeFunction('codeAutomationExit', (code: unknown) => {
    reportExit(typeof code === 'number' ? code : 1);
  });
  const timeoutMs = overallTimeoutMs();
  const timer = setTimeout(() => failWith(`the test run did not finish within ${timeoutMs} ms`), timeoutMs);
  void server.exited.then((how) =>
    failWith(`code-server exited (${how}) before the tests finished\n${server.output()}`),
  );
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.on('crash', () => failWith('the workbench page crashed'));
  try {
    await page.goto(url, { timeout: 120_000 });
    return await exitCode;
  } finally {
    finished = true;
    clearTimeout(timer);
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const developmentPaths = flagValues(args, 'extensionDevelopmentPath');
  const [testsPath] = flagValues(args, 'extensionTestsPath');
  if (developmentPaths.length === 0 || !testsPath) {
    console.error('usage: codeServerShim --extensionDevelopmentPath=<dir> --extensionTestsPath=<module> [folder]');
    return 2;
  }
  const profile = createCodeServerProfile();
  const folder = args.find((arg) => !arg.startsWith('-')) ?? profile.workspace;
  const payload: [string, string][] = [
    ...developmentPaths.map((dir): [string, string] => ['extensionDevelopmentPath', remotePathUri(dir)]),
    ['extensionTestsPath', remotePathUri(testsPath)],
  ];
  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  let code = 1;
  mkdirSync(path.dirname(logFile), { recursive: true });
  writeFileSync(logFile, '');
  try {
    server = await startCodeServer({ profile, workspace: folder });
    browser = await launchChromium(profile.browserDir);
    code = await runInWorkbench(server, browser, workbenchUrl(server, folder, payload));
    return code;
  } finally {
    await closeChromium(browser);
    await server?.stop();
    removeCodeServerProfile(profile);
    if (server) {
      appendToLog(`--- code-server's last output lines\n${server.output()}`);
    }
    if (code !== 0) {
      console.error(`The output of the workbench, the extension host and code-server: ${logFile}`);
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('codeServerShim:', error);
    process.exit(1);
  },
);
