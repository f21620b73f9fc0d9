import * as assert from 'node:assert/strict';
import {
  HistoryPanelController,
  type HistoryPanelControllerDeps,
} from '../../../src/core/history/historyPanelController';
import type { HostToWebviewMessage } from '../../../src/shared/historyProtocol';
import { FakeHistorySource, RecordingLogger, RecordingPage, ScriptedConfirm } from './fakeHistoryPorts';
import { stripeRef, stripeSecret, versionRow } from './historyFixtures';

export type HistoryMessage = Extract<HostToWebviewMessage, { type: 'history' }>;

export function threeVersions() {
  return [
    versionRow(3, '2026-04-30T12:00:00Z', 'user-2'),
    versionRow(2, '2026-04-20T12:00:00Z'),
    versionRow(1, '2026-04-01T12:00:00Z', 'user-1'),
  ];
}

export function setup(
  options: {
    signIn?: (connectionId: string) => Promise<unknown>;
    copyToClipboard?: (text: string) => Promise<void>;
    usage?: HistoryPanelControllerDeps['usage'];
  } = {},
) {
  const source = new FakeHistorySource(stripeSecret(), threeVersions());
  const page = new RecordingPage();
  const confirm = new ScriptedConfirm();
  const logger = new RecordingLogger();
  const controller = new HistoryPanelController(stripeRef, {
    source,
    page,
    logger,
    confirmRollback: confirm.confirm,
    now: () => new Date('2026-05-01T12:00:00Z'),
    formatExactTime: (date) => date.toISOString(),
    ...options,
  });
  return { source, page, confirm, logger, controller };
}

export function lastHistory(page: RecordingPage): HistoryMessage {
  const state = page.lastState;
  assert.equal(state?.type, 'history', `expected a history state, got ${JSON.stringify(state)}`);
  return state as HistoryMessage;
}

export function currentOf(message: HistoryMessage): number[] {
  return message.view.versions.filter((row) => row.isCurrent).map((row) => row.version);
}

/** Lets queued promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await Promise.resolve();
  }
}
