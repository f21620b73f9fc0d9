import { secretVariableName } from '../secretVariable';

/** The reference inserted when no template is configured for the language: Deno's way to read the variable. */
export const DEFAULT_REFERENCE_TEMPLATE = 'Deno.env.get("${variable}")';

/**
 * The code that reads the secret `name`, from a template in which
 * `${variable}` stands for its environment variable (`FLUXBASE_SECRET_…`)
 * and `${name}` for the secret's name.
 */
export function renderReference(template: string, name: string): string {
  return template.replace(/\$\{variable\}/g, secretVariableName(name)).replace(/\$\{name\}/g, name);
}
