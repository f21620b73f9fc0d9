/**
 * The functions and jobs of the demo workspace in the Fluxbase CLI's layout
 * (contract part 2, §1.1 and §1.7): flat `fluxbase/functions/<name>.ts`
 * files, a `_shared/` module beside them, and `fluxbase/jobs/<name>.ts`.
 * A CLI sync puts a whole directory into one `--namespace`, so the demo
 * says here which namespace each file is synced into.
 */

/** A file of the workspace, relative to its root, and the namespace it is synced into (none for _shared). */
export interface DemoRegistryFile {
  readonly path: string;
  readonly namespace?: string;
  readonly text: string;
}

const sharedSecrets = `// Shared by the demo functions (uploaded by \`fluxbase functions sync\` as _shared/secrets.ts).

/** A Fluxbase secret's value; throws when the function cannot see it. */
export function requireSecret(name: string): string {
  const value = Deno.env.get(\`FLUXBASE_SECRET_\${name}\`);
  if (!value) throw new Error(\`missing secret \${name}\`);
  return value;
}
`;

/** The sample function of the walkthrough (billing): secrets to hover, diagnostics, a hard-coded key. */
const chargeCustomer = `// A Fluxbase edge function in the "billing" namespace. Each secret reaches it as
// FLUXBASE_SECRET_<NAME>; billing's DATABASE_URL overrides the global one.

const stripeKey = Deno.env.get("FLUXBASE_SECRET_STRIPE_API_KEY");
const databaseUrl = Deno.env.get("FLUXBASE_SECRET_DATABASE_URL");
const emailKey = Deno.env.get("FLUXBASE_SECRET_SENDGRID_API_KEY");
const legacyWebhook = Deno.env.get("FLUXBASE_SECRET_LEGACY_WEBHOOK_SECRET");
const paypalSecret = Deno.env.get("FLUXBASE_SECRET_PAYPAL_CLIENT_SECRET");
// Only the notifications namespace has this one: billing functions do not receive it.
const slackToken = Deno.env.get("FLUXBASE_SECRET_SLACK_BOT_TOKEN");

const mapsApiKey = "AIzaDemoHardCodedKey0123456789";

export default async function handler(request: Request): Promise<Response> {
  const { customerId, amount } = await request.json();
  const configured = [stripeKey, databaseUrl, emailKey, legacyWebhook, paypalSecret, slackToken, mapsApiKey].every(
    Boolean,
  );
  return Response.json({ customerId, amount, configured });
}
`;

const refundPayment = `// Billing: refunds a charge. Uses the shared helper and billing's webhook secret.
import { requireSecret } from "./_shared/secrets.ts";

export default async function handler(request: Request): Promise<Response> {
  const { chargeId } = await request.json();
  const webhookSecret = Deno.env.get("FLUXBASE_SECRET_STRIPE_WEBHOOK_SECRET");
  return Response.json({ chargeId, signed: Boolean(requireSecret("STRIPE_API_KEY") && webhookSecret) });
}
`;

const sendReceipt = `// Notifications: posts a receipt to Slack. SLACK_BOT_TOKEN exists only in "notifications".
import { requireSecret } from "./_shared/secrets.ts";

export default async function handler(request: Request): Promise<Response> {
  const { channel } = await request.json();
  const token = requireSecret("SLACK_BOT_TOKEN");
  return Response.json({ channel, ready: token.length > 0 });
}
`;

const healthCheck = `// @fluxbase:allow-unauthenticated
// In the "default" namespace: it sees only global secrets.

export default function handler(): Response {
  return Response.json({ ok: Boolean(Deno.env.get("FLUXBASE_SECRET_DATABASE_URL")) });
}
`;

const reconcileInvoices = `// @fluxbase:schedule 0 2 * * *
// @fluxbase:timeout 600
// Billing job: matches yesterday's invoices with Stripe payouts.

export default async function run(): Promise<void> {
  const stripeKey = Deno.env.get("FLUXBASE_SECRET_STRIPE_API_KEY");
  console.log("reconciling with", stripeKey ? "a Stripe key" : "no key");
}
`;

const dailyDigest = `// @fluxbase:schedule 0 8 * * *
// Notifications job: the morning digest for #alerts.

export default async function run(): Promise<void> {
  const token = Deno.env.get("FLUXBASE_SECRET_SLACK_BOT_TOKEN");
  console.log("digest", token ? "sent" : "skipped");
}
`;

/** The function files' folder and the jobs folder, as `fluxbase functions sync` and `fluxbase jobs sync` find them. */
export const FUNCTIONS_DIR = 'fluxbase/functions';
export const JOBS_DIR = 'fluxbase/jobs';

/** Every registry file of the demo workspace. */
export const DEMO_REGISTRY_FILES: readonly DemoRegistryFile[] = [
  { path: `${FUNCTIONS_DIR}/_shared/secrets.ts`, text: sharedSecrets },
  { path: `${FUNCTIONS_DIR}/charge-customer.ts`, namespace: 'billing', text: chargeCustomer },
  { path: `${FUNCTIONS_DIR}/refund-payment.ts`, namespace: 'billing', text: refundPayment },
  { path: `${FUNCTIONS_DIR}/send-receipt.ts`, namespace: 'notifications', text: sendReceipt },
  { path: `${FUNCTIONS_DIR}/health-check.ts`, namespace: 'default', text: healthCheck },
  { path: `${JOBS_DIR}/reconcile-invoices.ts`, namespace: 'billing', text: reconcileInvoices },
  { path: `${JOBS_DIR}/daily-digest.ts`, namespace: 'notifications', text: dailyDigest },
];
