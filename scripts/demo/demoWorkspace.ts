/**
 * The folder `npm start` opens in VS Code: functions and jobs in the
 * Fluxbase CLI's layout (demoRegistryFiles.ts), among them a sample edge
 * function that reads demo secrets (one of them unknown, one expired, one
 * expiring soon, so diagnostics show) and holds a hard-coded key to move
 * into a secret, a `.env` file to import, and a README (the editor's start
 * page) saying what to try.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEMO_REGISTRY_FILES, FUNCTIONS_DIR } from './demoRegistryFiles';

/** The sample function, relative to the workspace root; `npm start` mentions it. */
export const SAMPLE_FUNCTION = path.join(...FUNCTIONS_DIR.split('/'), 'charge-customer.ts');

const sampleEnvFile = `# Import these into Fluxbase: right-click this file, "Import .env File…".
MAILGUN_API_KEY=key-demo-placeholder
SENTRY_DSN=https://public@sentry.example.com/1
`;

const readme = `# Fluxbase Secrets demo

Made by \`npm start\` and made anew on every run. The **Fluxbase** view (the shield in the activity bar)
is connected to the local server as "Environment". Things to try:

- Expand the tree: global secrets, the namespaces *billing* and *notifications*, a secret that
  expires soon, one that has expired, and billing's \`DATABASE_URL\`, which overrides the global one.
- \`fluxbase/functions/\` and \`fluxbase/jobs/\` are laid out as the Fluxbase CLI reads them (flat
  files, a \`_shared/\` module). The demo server has them registered as \`fluxbase functions sync\` and
  \`fluxbase jobs sync\` would: charge-customer, refund-payment and reconcile-invoices in *billing*,
  send-receipt and daily-digest in *notifications*, health-check in *default*.
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
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    allowImportingTsExtensions: true,
    lib: ['ES2022', 'DOM'],
    strict: true,
    noEmit: true,
  },
  include: ['**/*.ts'],
};

/** Writes the sample files into `folder` (created if missing) and returns the sample function's absolute path. */
export function writeDemoWorkspace(folder: string): string {
  for (const file of DEMO_REGISTRY_FILES) {
    const target = path.join(folder, ...file.path.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
  const functionFile = path.join(folder, SAMPLE_FUNCTION);
  writeFileSync(path.join(folder, '.env'), sampleEnvFile);
  writeFileSync(path.join(folder, 'README.md'), readme);
  writeFileSync(path.join(folder, 'deno.d.ts'), denoTypes);
  writeFileSync(path.join(folder, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2) + '\n');
  return functionFile;
}
