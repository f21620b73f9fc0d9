// `npm run package` (after the production build) and the packaging unit test:
// writes the VSIX with vsce, quietly, with the README's pictures inside it.
//
// The details page of the Extensions view renders the README in a webview
// whose content security policy allows only https: and data: pictures, and
// without a public repository there is no https: address to point relative
// links at (hence --no-rewrite-relative-links). So the packaged README is a
// copy of README.md with each relative picture inlined as a data: URI; the
// pictures stay in docs/images/ for everyone reading README.md in the
// repository.
//
// usage: node scripts/packageVsix.mjs <out.vsix>
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the packaged README is written; vsce stores it in the VSIX as extension/readme.md. */
export const packagedReadmePath = path.join('dist', 'readme.md');

const mediaTypes = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };

/**
 * `markdown` with every relative `![alt](path)` picture replaced by a data: URI
 * of the file at `path` (relative to `baseDir`); absolute and data: pictures stay.
 * Throws for a missing file or a type a data: URI should not carry (SVG can hold scripts).
 */
export function inlineRelativePictures(markdown, baseDir) {
  return markdown.replace(/(!\[[^\]]*\]\()([^)\s]+)(\))/g, (whole, start, target, end) => {
    if (/^[a-z][a-z\d+.-]*:/i.test(target)) {
      return whole;
    }
    const type = mediaTypes[path.extname(target).toLowerCase()];
    if (!type) {
      throw new Error(`README picture ${target}: only PNG, JPEG and GIF pictures can be packaged`);
    }
    const data = readFileSync(path.join(baseDir, target)).toString('base64');
    return `${start}data:${type};base64,${data}${end}`;
  });
}

/** Writes the packaged README and the VSIX to `outFile`; output of vsce is shown only when it fails (its warnings always). */
export function packageVsix(outFile) {
  const readme = path.join(root, packagedReadmePath);
  mkdirSync(path.dirname(readme), { recursive: true });
  writeFileSync(readme, inlineRelativePictures(readFileSync(path.join(root, 'README.md'), 'utf8'), root));
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const args = [
    vsce,
    'package',
    '--no-dependencies',
    // No public repository yet: nothing to rewrite relative links to, and nothing to warn about.
    '--no-rewrite-relative-links',
    '--allow-missing-repository',
    '--readme-path',
    packagedReadmePath,
    '--out',
    path.resolve(outFile),
  ];
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) {
    throw new Error(`vsce package failed (${result.status ?? result.signal ?? result.error?.message}):\n${output}`);
  }
  for (const line of output.split('\n').filter((text) => /\bWARNING\b/.test(text))) {
    console.warn(line);
  }
  return statSync(outFile).size;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outFile = process.argv[2];
  if (!outFile) {
    console.error('usage: node scripts/packageVsix.mjs <out.vsix>');
    process.exit(2);
  }
  try {
    const size = packageVsix(outFile);
    console.log(`Packaged ${path.relative(process.cwd(), path.resolve(outFile))} (${Math.round(size / 1024)} KB)`);
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
