/**
 * The demo data `npm start` seeds, written through the real HTTP API as the
 * demo admin: global secrets and two namespaces, one secret that expires
 * soon, one that has expired, one with several versions, and a namespace
 * secret that overrides a global one. Every value is a made-up placeholder.
 */
import type { FluxbaseClient } from '../../src/core/api/fluxbaseClient';
import type { CreateSecretRequest } from '../../src/core/api/secretTypes';

/** The dashboard admin of the demo server, printed by `npm start` for trying the sign-in flow. */
export const DEMO_ADMIN = Object.freeze({ email: 'admin@example.com', password: 'fluxbase-demo' });

/** The demo namespaces, as the tree shows them. */
export const DEMO_NAMESPACES = Object.freeze(['billing', 'notifications']);

const dayMs = 24 * 60 * 60 * 1000;

/** A secret to create, and the values later written to it (each one a new version). */
interface DemoSecret {
  create: CreateSecretRequest;
  laterValues?: string[];
}

/** The demo secrets relative to `now`, so that "expires soon" and "expired" stay true on every run. */
export function demoSecrets(now: Date): DemoSecret[] {
  const inDays = (days: number): string => new Date(now.getTime() + days * dayMs).toISOString();
  return [
    {
      create: { name: 'STRIPE_API_KEY', value: 'sk_test_demo_1', description: 'Stripe secret key for payments' },
      laterValues: ['sk_test_demo_2', 'sk_test_demo_3'],
    },
    {
      create: {
        name: 'SENDGRID_API_KEY',
        value: 'SG.demo-placeholder',
        description: 'Transactional email; rotate before it expires',
        expires_at: inDays(3),
      },
    },
    {
      create: {
        name: 'LEGACY_WEBHOOK_SECRET',
        value: 'whsec_demo_old',
        description: 'Old webhook signature secret',
        expires_at: inDays(-2),
      },
    },
    { create: { name: 'DATABASE_URL', value: 'postgres://demo@db.internal/app', description: 'Read replica' } },
    {
      create: {
        name: 'DATABASE_URL',
        value: 'postgres://demo@db.internal/billing',
        scope: 'namespace',
        namespace: 'billing',
        description: 'Overrides the global DATABASE_URL for billing functions',
      },
    },
    {
      create: {
        name: 'STRIPE_WEBHOOK_SECRET',
        value: 'whsec_demo_billing',
        scope: 'namespace',
        namespace: 'billing',
        expires_at: inDays(90),
      },
    },
    {
      create: {
        name: 'SLACK_BOT_TOKEN',
        value: 'xoxb-demo-placeholder',
        scope: 'namespace',
        namespace: 'notifications',
        description: 'Posts to #alerts',
      },
    },
  ];
}

/** Creates the demo secrets on a server the client is signed in to (its writes need a dashboard admin). */
export async function seedDemoSecrets(client: FluxbaseClient, now: Date = new Date()): Promise<void> {
  for (const secret of demoSecrets(now)) {
    const created = await client.secrets.create(secret.create);
    for (const value of secret.laterValues ?? []) {
      await client.secrets.updateById(created.id, { value });
    }
  }
}
