import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { inertNotificationText } from '../../src/core/notificationText';

/**
 * The link syntax of VS Code notifications, as its documentation describes it:
 * `[label](target)` with an http(s), command or file target, the target optionally
 * followed by a quoted title. A test oracle, not the extension's code.
 */
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)\3)?\)/gi;

function linksIn(message: string): string[] {
  return [...message.matchAll(NOTIFICATION_LINK)].map((match) => match[2] ?? '');
}

describe('notification text (issue 12: server text never becomes a link in a notification)', () => {
  const hostile = [
    'Deleted "[Fix now](command:fluxbaseSecrets.deleteSecret?%5B%5D)".',
    'Rolled back [x](https://attacker.example/?q=1 "title") on prod',
    'Updated [[nested]](file:///etc/passwd) and [a](command:workbench.action.terminal.new)',
    '"STRIPE_KEY" in namespace "[n](http://attacker.example)"',
  ];

  for (const message of hostile) {
    it(`leaves no link in ${JSON.stringify(message)}`, () => {
      assert.ok(linksIn(message).length > 0, 'the oracle sees the link before');
      assert.deepEqual(linksIn(inertNotificationText(message)), []);
    });
  }

  it('keeps every character of the message, in order', () => {
    for (const message of hostile) {
      assert.equal(inertNotificationText(message).replace(/\] \(/g, ']('), message);
    }
  });

  it('leaves ordinary messages exactly as they are', () => {
    const plain = 'Created "STRIPE_KEY" (global) on prod [2 of 3] (done).';
    assert.equal(inertNotificationText(plain), plain);
  });
});

describe('every notification the host shows goes through inertNotificationText', () => {
  const hostDir = path.join(__dirname, '..', '..', '..', 'src', 'host');
  const hostFiles = readdirSync(hostDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ file, text: readFileSync(path.join(hostDir, file), 'utf8') }));

  it('non-modal messages are literals or made inert', () => {
    const unsafe: string[] = [];
    for (const { file, text } of hostFiles) {
      for (const match of text.matchAll(/show(?:Information|Warning|Error)Message\(\s*([^,)]+)/g)) {
        const argument = (match[1] ?? '').trim();
        const isLiteral = /^'[^']*'$/.test(argument);
        const isModalCall = /\{\s*modal:\s*true/.test(text.slice(match.index, match.index + 300));
        if (!isLiteral && !isModalCall && !argument.startsWith('inertNotificationText(')) {
          unsafe.push(`${file}: ${argument}`);
        }
      }
    }
    assert.ok(hostFiles.length > 10, 'read the host sources');
    assert.deepEqual(unsafe, []);
  });

  it('progress notification titles are made inert', () => {
    const unsafe: string[] = [];
    for (const { file, text } of hostFiles) {
      for (const match of text.matchAll(/ProgressLocation\.Notification,\s*title(:\s*[^,}]+)?/g)) {
        if (!(match[1] ?? '').includes('inertNotificationText(')) {
          unsafe.push(`${file}: ${match[0]}`);
        }
      }
    }
    assert.deepEqual(unsafe, []);
  });
});
