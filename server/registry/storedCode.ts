/**
 * What a sync stores as `code`, `original_code` and `is_bundled`. The local
 * server has no Deno and runs no code (a deliberate difference, server
 * README): pre-bundled code (`is_bundled` or the SDK's `is_pre_bundled`) is
 * kept as EU keeps it; other code is stored as sent, which is what EU with
 * Deno does for code without imports (functions: `is_bundled` false; jobs:
 * true). Job code with imports keeps `is_bundled` false: it was not bundled.
 */

/** The code columns of a synced function or job. */
export interface StoredCode {
  code: string;
  originalCode: string;
  isBundled: boolean;
}

/** The code fields of a sync item. */
export interface SentCode {
  code: string;
  original_code: string | undefined;
  is_bundled: boolean | undefined;
  is_pre_bundled: boolean | undefined;
}

const IMPORT = /^\s*import[\s{*'"]|^\s*export\s[^\n]*\sfrom\s*['"]|\bimport\s*\(/m;

/** True when the code imports anything (so a real server would bundle it). */
export function hasImports(code: string): boolean {
  return IMPORT.test(code);
}

function preBundled(sent: SentCode): StoredCode | undefined {
  if (sent.is_bundled !== true && sent.is_pre_bundled !== true) return undefined;
  const original = sent.original_code !== undefined && sent.original_code !== '' ? sent.original_code : sent.code;
  return { code: sent.code, originalCode: original, isBundled: true };
}

/** Functions: pre-bundled as sent, otherwise unbundled (`is_bundled` false). */
export function storedFunctionCode(sent: SentCode): StoredCode {
  return preBundled(sent) ?? { code: sent.code, originalCode: sent.code, isBundled: false };
}

/** Jobs: pre-bundled as sent; code without imports counts as bundled (EU); code with imports is not. */
export function storedJobCode(sent: SentCode): StoredCode {
  return preBundled(sent) ?? { code: sent.code, originalCode: sent.code, isBundled: !hasImports(sent.code) };
}
