/**
 * The folder `npm start` opens in VS Code: a sample edge function that reads
 * demo secrets (one of them unknown, one expired, one expiring soon, so
 * diagnostics show), holds a hard-coded key to move into a secret, and a
 * `.env` file to import.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** The sample function, relative to the workspace root; `npm start` mentions it. */
export const SAMPLE_FUNCTION = path.join('functions', 'billing', 'charge-customer', 'index.ts');

const sampleFunction = `// A Fluxbase edge function in the "billing" namespace. Each secret reaches it as
// FLUXBASE_SECRET_<NAME>; billing's DATABASE_URL overrides the global one.
//
// Try: hover a secret name, type Deno.env.get(" for completion, see the
// Problems panel, and right-click the hard-coded key below: "Move to Fluxbase Secret…".

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
  writeFileSync(path.join(folder, 'deno.d.ts'), denoTypes);
  writeFileSync(path.join(folder, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2) + '\n');
  return functionFile;
}
