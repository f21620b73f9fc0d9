import * as assert from 'node:assert/strict';
import { parse as parseDotenv } from 'dotenv';
import { parseEnvFile } from '../../../src/core/code/envFile';

function values(text: string): Record<string, string> {
  return Object.fromEntries(parseEnvFile(text).entries.map((e) => [e.key, e.value]));
}

describe('parseEnvFile', () => {
  it('reads plain, double-quoted, single-quoted and backtick values', () => {
    assert.deepEqual(values('A=plain\nB="double"\nC=\'single\'\nD=`back`'), {
      A: 'plain',
      B: 'double',
      C: 'single',
      D: 'back',
    });
  });

  it('keeps escaped quotes as dotenv does (the backslash stays)', () => {
    assert.deepEqual(values('A="say \\"hi\\""\nB=\'it\\\'s\''), { A: 'say \\"hi\\"', B: "it\\'s" });
  });

  it('expands \\n only in double-quoted values', () => {
    assert.deepEqual(values('A="x\\ny"\nB=\'x\\ny\''), { A: 'x\ny', B: 'x\\ny' });
  });

  it('reads multi-line quoted values and gives their first and last lines', () => {
    const parsed = parseEnvFile('KEY="-----BEGIN-----\nabc\n-----END-----"\nNEXT=1');
    assert.deepEqual(
      parsed.entries.map((e) => [e.key, e.value, e.line, e.endLine]),
      [
        ['KEY', '-----BEGIN-----\nabc\n-----END-----', 0, 2],
        ['NEXT', '1', 3, 3],
      ],
    );
    assert.deepEqual(parsed.problems, []);
  });

  it('skips comment lines and drops inline comments, but keeps # inside quotes', () => {
    const parsed = parseEnvFile('# heading\n  # indented\nA=1 # note\nB="2 # kept"');
    assert.deepEqual(values('# heading\n  # indented\nA=1 # note\nB="2 # kept"'), { A: '1', B: '2 # kept' });
    assert.deepEqual(parsed.problems, []);
  });

  it('accepts export prefixes and spaces around =', () => {
    assert.deepEqual(values('export A=1\nexport   B = two'), { A: '1', B: 'two' });
  });

  it('handles CRLF and gives the same line numbers as LF', () => {
    const parsed = parseEnvFile('A=1\r\n\r\nB="x\r\ny"\r\nC=3\r\n');
    assert.deepEqual(
      parsed.entries.map((e) => [e.key, e.value, e.line]),
      [
        ['A', '1', 0],
        ['B', 'x\ny', 2],
        ['C', '3', 4],
      ],
    );
  });

  it('reports empty values as problems, since a secret needs a value', () => {
    const parsed = parseEnvFile('EMPTY=\nQUOTED=""\nOK=1');
    assert.deepEqual(values('EMPTY=\nQUOTED=""\nOK=1'), { OK: '1' });
    assert.deepEqual(
      parsed.problems.map((p) => [p.line, p.key]),
      [
        [0, 'EMPTY'],
        [1, 'QUOTED'],
      ],
    );
  });

  it('reports lines that are not assignments, with their line numbers', () => {
    const parsed = parseEnvFile('A=1\njust some words\nNOEQUALS\n\nB=2');
    assert.deepEqual(
      parsed.problems.map((p) => [p.line, p.reason]),
      [
        [1, 'not a KEY=VALUE assignment'],
        [2, 'not a KEY=VALUE assignment'],
      ],
    );
  });

  it('reports keys that are not variable names', () => {
    const parsed = parseEnvFile('a.b=1\nx-y=2\n1ABC=3\n_OK=4');
    assert.deepEqual(
      parsed.problems.map((p) => p.key),
      ['a.b', 'x-y', '1ABC'],
    );
    assert.deepEqual(values('_OK=4'), { _OK: '4' });
  });

  it('keeps every occurrence of a duplicate key in order, so that planning can pick the last', () => {
    assert.deepEqual(
      parseEnvFile('A=1\nB=2\nA=3').entries.map((e) => [e.key, e.value, e.line]),
      [
        ['A', '1', 0],
        ['B', '2', 1],
        ['A', '3', 2],
      ],
    );
  });

  it('agrees with dotenv.parse on every value of tricky files', () => {
    const files = [
      'A=1\nB="two"\nC=\'three\'\nD=`four`\nexport E=5\nF = six # c\n',
      'M="multi\nline"\nN=\'also\nmulti\'\nO=`tick\nmulti`\n',
      'Q="a \\"quoted\\" word"\nR=\'x\\\'y\'\nS="esc\\nnl"\n',
      'T=1\r\nU="2\r\n3"\r\n',
      '# c\n\nV=1\n  W=  spaced  \nX="  kept  "\n',
      'DUP=1\nDUP=2\nY=http://x/#frag\nZ="#notcomment"\n',
    ];
    for (const file of files) {
      const expected = Object.fromEntries(Object.entries(parseDotenv(file)).filter(([, v]) => v !== ''));
      assert.deepEqual(values(file), expected, JSON.stringify(file));
    }
  });
});
