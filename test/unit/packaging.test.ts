import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { repoRoot } from '../support/repoRoot';

const run = promisify(execFile);
const packageTimeoutMs = 120_000;

/** One file of a zip: its name, and how to read its bytes. */
interface ZipEntry {
  name: string;
  read(): Buffer;
}

/** The entries of a zip file, from its central directory (no unzip tool needed); stored and deflated entries read. */
function zipEntries(zip: Buffer): ZipEntry[] {
  const endSignature = 0x06054b50;
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== endSignature) {
    end--;
  }
  assert.ok(end >= 0, 'the VSIX is a zip file');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, 'a central directory entry');
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({
      name,
      read: () => {
        assert.equal(zip.readUInt32LE(localHeader), 0x04034b50, `the local header of ${name}`);
        const start = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
        const data = zip.subarray(start, start + compressedSize);
        assert.ok(method === 0 || method === 8, `${name} is stored or deflated`);
        return method === 8 ? inflateRawSync(data) : Buffer.from(data);
      },
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The targets of the README's pictures, `![alt](target)`. */
function pictureTargets(markdown: string): string[] {
  return [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');
}

/** What may be in the VSIX: vsce's own two files, the bundle, media/ and the four documents vsce renames. */
const allowed = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/,
  /^extension\/changelog\.md$/,
  /^extension\/LICENSE\.txt$/,
  /^extension\/dist\/extension\.js$/,
  /^extension\/dist\/client\.js$/,
  /^extension\/dist\/yaml\.js$/,
  /^extension\/dist\/webview\.js$/,
  /^extension\/dist\/compare\.js$/,
  /^extension\/dist\/codicons\/[^/]+\.(css|ttf)$/,
  /^extension\/media\/.+$/,
];

interface Manifest {
  icon?: string;
  contributes: {
    commands: { command: string; title: string }[];
    configuration: { properties: Record<string, unknown> };
  };
}

function manifest(): Manifest {
  return JSON.parse(readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as Manifest;
}

function readme(): string {
  return readFileSync(path.join(repoRoot(), 'README.md'), 'utf8');
}

describe('the packaged extension (VSIX)', function () {
  this.timeout(packageTimeoutMs);
  let scratch = '';
  let zipped: ZipEntry[] = [];
  let entries: string[] = [];

  // vsce packages what dist/ holds now. A development build (with .map files next to the bundle) is the
  // harder case for the allowlist, so this does not rebuild for production; it builds only if dist/ is empty.
  before(async () => {
    const root = repoRoot();
    if (!existsSync(path.join(root, 'dist', 'extension.js'))) {
      await run(process.execPath, ['esbuild.mjs'], { cwd: root });
    }
    scratch = mkdtempSync(path.join(tmpdir(), 'fluxbase-vsix-'));
    const vsix = path.join(scratch, 'test.vsix');
    await run(process.execPath, [path.join('scripts', 'packageVsix.mjs'), vsix], { cwd: root });
    zipped = zipEntries(readFileSync(vsix));
    entries = zipped.map((entry) => entry.name);
  });

  after(() => {
    if (scratch) {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('holds only the bundle, media/, README, CHANGELOG, LICENSE and package.json: no sources, maps, tests or server', () => {
    const unexpected = entries.filter((name) => !allowed.some((pattern) => pattern.test(name)));
    assert.deepEqual(unexpected, []);
  });

  it('holds everything the extension loads at run time and the Marketplace shows', () => {
    const icon = manifest().icon;
    assert.ok(icon, 'package.json names an icon');
    const needed = [
      'extension/package.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/dist/client.js',
      'extension/dist/yaml.js',
      'extension/dist/webview.js',
      'extension/dist/compare.js',
      'extension/dist/codicons/codicon.css',
      'extension/dist/codicons/codicon.ttf',
      'extension/media/fluxbase.svg',
      `extension/${icon}`,
    ];
    assert.deepEqual(
      needed.filter((name) => !entries.includes(name)),
      [],
    );
  });

  it('holds every picture README.md shows, inside its readme, so that the details page shows them without a repository URL', () => {
    const packagedReadme =
      zipped
        .find((entry) => entry.name === 'extension/readme.md')
        ?.read()
        .toString('utf8') ?? '';
    const packagedTargets = pictureTargets(packagedReadme);
    const relative = pictureTargets(readme()).filter((target) => !/^[a-z][a-z\d+.-]*:/i.test(target));
    assert.ok(relative.length >= 5, 'README.md has relative pictures');
    assert.equal(packagedTargets.length, pictureTargets(readme()).length, 'the packaged README shows as many pictures');
    const missing = relative.filter((target) => {
      const expected = `data:image/png;base64,${readFileSync(path.join(repoRoot(), target)).toString('base64')}`;
      return !packagedTargets.includes(expected);
    });
    assert.deepEqual(missing, [], 'pictures of README.md whose bytes are not in the packaged README');
    assert.deepEqual(
      packagedTargets.filter((target) => !target.startsWith('data:') && !target.startsWith('https:')),
      [],
      'the details page loads only data: and https: pictures',
    );
  });

  it('holds every file the extension bundle loads lazily (its relative requires)', () => {
    const bundle = readFileSync(path.join(repoRoot(), 'dist', 'extension.js'), 'utf8');
    const loaded = [...bundle.matchAll(/require\(["']\.\/([\w.-]+)["']\)/g)].map(
      (match) => `extension/dist/${match[1]}`,
    );
    assert.deepEqual(
      loaded.filter((name) => !entries.includes(name)),
      [],
    );
  });

  it('keeps the YAML parser out of the bundle activation loads: dist/yaml.js holds it, loaded on the first CLI configuration read', () => {
    const parserIn = (file: string): boolean =>
      readFileSync(path.join(repoRoot(), 'dist', file), 'utf8').includes('Symbol.for("yaml.document")');
    assert.equal(parserIn('extension.js'), false, 'dist/extension.js holds the yaml package');
    assert.equal(parserIn('yaml.js'), true, 'dist/yaml.js holds the yaml package');
  });
});

describe('README.md, as the Marketplace shows it', () => {
  it('documents every command of package.json by its title', () => {
    const text = readme();
    const missing = manifest()
      .contributes.commands.filter((command) => !text.includes(command.title) || !text.includes(command.command))
      .map((command) => command.command);
    assert.deepEqual(missing, [], 'commands missing from the README (its title and its id)');
  });

  it('documents every setting of package.json', () => {
    const text = readme();
    const missing = Object.keys(manifest().contributes.configuration.properties).filter(
      (key) => !text.includes(`\`${key}\``),
    );
    assert.deepEqual(missing, [], 'settings missing from the README');
  });

  it('shows only pictures that are committed and small', () => {
    const pictures = pictureTargets(readme());
    assert.ok(pictures.length >= 5, 'a picture of each main feature');
    for (const picture of pictures) {
      assert.match(picture, /^docs\/images\/[\w-]+\.png$/, 'a PNG in docs/images');
      const file = path.join(repoRoot(), picture);
      assert.ok(existsSync(file), `${picture} exists`);
      assert.ok(statSync(file).size < 150 * 1024, `${picture} is under 150 KB`);
    }
  });

  it('says that Show Logs has request lines at Debug and how to set that level (the transport logs them with debug)', () => {
    const row = readme()
      .split('\n')
      .find((line) => line.includes('Show Logs') && line.includes('one line per request'));
    assert.ok(row, 'a Troubleshooting row about request lines in Show Logs');
    assert.match(row, /set its level to Debug: \*\*Developer: Set Log Level…\*\*/);
  });

  it('names an icon of 128x128 pixels', () => {
    const png = readFileSync(path.join(repoRoot(), manifest().icon ?? 'missing'));
    assert.equal(png.toString('ascii', 1, 4), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
