/**
 * The folder `npm start` opens in VS Code: a sample edge function that reads
 * demo secrets (one of them unknown, one expired, one expiring soon, so
 * diagnostics show), holds a hard-coded key to move into a secret, a `.env`
 * file to import, and a README (the editor's start page) saying what to try.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** The sample function, relative to the workspace root; `npm start` mentions it. */
export const SAMPLE_FUNCTION = path.join('functions', 'billing', 'charge-customer', 'index.ts');

const sampleFunction = `// A Fluxbase edge function in the "billing" namespace. Each secret reaches it as
// FLUXBASE_SECRET_<NAME>; billing's DATABASE_URL overrides the global one.

const stripeKey = Deno.env.get("FLUXBASE_SECRET_STRIPE_API_KEY");
const databaseUrl = Deno.env.get("FLUXBASE_SECRET_DATABASE_URL");
const emailKey = Deno.env.get("FLUXBASE_SECRET_SENDGRID_API_KEY");
const legacyWebhook = Deno.env.get("FLUXBASE_SECRET_LEGACY_WEBHOOK_SECRET");
const paypalSecret = Deno.env.get("FLUXBASE_SECRET_PAYPAL_CLIENT_SECRET");

const mapsApiKey = "AIzaDemoHardCodedKey0123456789";

export default async function handler(request: Request): Promise<Response> {
  const { customerId, amount } = await request.json();
  const configured = [stripeKey, databaseUrl, emailKey, legacyWebhook, paypalSecret, mapsApiKey].every(Boolean);
  return Response.json({ customerId, amount, configured });
}
`;

const sampleEnvFile = `# Import these into Fluxbase: right-click this file, "Import .env File…".
MAILGUN_API_KEY=key-demo-placeholder
SENTRY_DSN=https://public@sentry.example.com/1
`;

const readme = `# Fluxbase Secrets demo

Made by \`npm start\` and made anew on every run. The **Fluxbase** view (the shield in the activity bar)
is connected to the local server as "Environment". Things to try:

- Expand the tree: global secrets, the namespaces *billing* and *notifications*, a secret that
  expires soon, one that has expired, and billing's \`DATABASE_URL\`, which overrides the global one.
- Hover \`STRIPE_API_KEY\` and click the history icon: it has three versions. Roll one back.
- Create a secret with the **+** of the view.
- Open [${SAMPLE_FUNCTION.split(path.sep).join('/')}](${SAMPLE_FUNCTION.split(path.sep).join('/')}):
  hover a \`FLUXBASE_SECRET_…\` name, type \`Deno.env.get("\` for completion, and see the Problems panel
  (an unknown, an expired and a soon expiring secret).
- Right-click the hard-coded \`mapsApiKey\` in that file: **Move to Fluxbase Secret…**.
- Right-click [.env](.env) in the Explorer: **Import .env File…**.
- Sign in the way a person does: **Fluxbase Secrets: Add Connection** with the server URL that
  \`npm start\` printed, then sign in with the demo admin it printed.
`;

// So that TypeScript knows Deno and the Problems panel shows only the extension's findings.
const denoTypes = `declare namespace Deno {
  const env: { get(name: string): string | undefined };
}
`;

const tsconfig = {
  compilerOptions: { target: 'ES2022', lib: ['ES2022', 'DOM'], strict: true, noEmit: true },
  include: ['**/*.ts'],
};

/** Writes the sample files into `folder` (created if missing) and returns the sample function's absolute path. */
export function writeDemoWorkspace(folder: string): string {
  const functionFile = path.join(folder, SAMPLE_FUNCTION);
  mkdirSync(path.dirname(functionFile), { recursive: true });
  writeFileSync(functionFile, sampleFunction);
  writeFileSync(path.join(folder, '.env'), sampleEnvFile);
  writeFileSync(path.join(folder, 'README.md'), readme);
  writeFileSync(path.join(folder, 'deno.d.ts'), denoTypes);
  writeFileSync(path.join(folder, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2) + '\n');
  return functionFile;
}
