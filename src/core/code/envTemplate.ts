import type { SecretSummary } from '../api/secretTypes';
import { secretVariableName } from '../secretVariable';

/** What a template line needs of a secret: never its value. */
export type TemplateSecret = Pick<SecretSummary, 'name' | 'description'>;

/**
 * A `.env.example`-style template: one `FLUXBASE_SECRET_…=` line per variable
 * (sorted, each variable once), its description as a comment above it, and
 * `heading` as the first comment. Only names and descriptions are read, so no
 * value can reach it.
 */
export function buildEnvTemplate(secrets: readonly TemplateSecret[], heading: string): string {
  const byVariable = new Map<string, string | undefined>();
  for (const secret of secrets) {
    const variable = secretVariableName(secret.name);
    if (!byVariable.has(variable) || byVariable.get(variable) === undefined) {
      byVariable.set(variable, secret.description?.trim() || undefined);
    }
  }
  const lines = [`# ${oneLine(heading)}`, '# Names only: fill in values locally and never commit them.', ''];
  for (const variable of [...byVariable.keys()].sort()) {
    const description = byVariable.get(variable);
    if (description) {
      lines.push(`# ${oneLine(description)}`);
    }
    lines.push(`${variable}=`);
  }
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
