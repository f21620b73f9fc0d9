import type { SecretSummary } from '../api/secretTypes';
import { UnwritableNameError, writeSecretName } from './secretNameWriter';

/** What a template line needs of a secret: never its value. */
export type TemplateSecret = Pick<SecretSummary, 'name' | 'description'>;

/** A template and the names it left out because their variables cannot be `.env` keys. */
export interface EnvTemplate {
  content: string;
  leftOut: string[];
}

/**
 * A `.env.example`-style template: one `FLUXBASE_SECRET_…=` line per variable
 * (sorted, each variable once), its description as a comment above it, and
 * `heading` as the first comment. Only names and descriptions are read, so no
 * value can reach it. Keys are written by `writeSecretName`: a secret whose
 * variable is not a plain name is left out (a comment says how many).
 */
export function buildEnvTemplate(secrets: readonly TemplateSecret[], heading: string): EnvTemplate {
  const byVariable = new Map<string, string | undefined>();
  const leftOut: string[] = [];
  for (const secret of secrets) {
    const variable = envKeyOf(secret.name);
    if (variable === undefined) {
      leftOut.push(secret.name);
    } else if (!byVariable.has(variable) || byVariable.get(variable) === undefined) {
      byVariable.set(variable, secret.description?.trim() || undefined);
    }
  }
  const lines = [`# ${oneLine(heading)}`, '# Names only: fill in values locally and never commit them.', ''];
  if (leftOut.length > 0) {
    lines.splice(2, 0, `# Left out: ${leftOut.length} secret(s) whose variable is not made of letters, digits and _.`);
  }
  for (const variable of [...byVariable.keys()].sort()) {
    const description = byVariable.get(variable);
    if (description) {
      lines.push(`# ${oneLine(description)}`);
    }
    lines.push(`${variable}=`);
  }
  return { content: `${lines.join('\n')}\n`, leftOut };
}

function envKeyOf(name: string): string | undefined {
  try {
    return writeSecretName(name, { kind: 'envKey' });
  } catch (error) {
    if (error instanceof UnwritableNameError) {
      return undefined;
    }
    throw error;
  }
}

/** A comment ends at a line break; editors may also break lines at U+0085, U+2028 and U+2029. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u0085\u2028\u2029]+\s*/g, ' ');
}
