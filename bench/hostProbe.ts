/**
 * Child process entry of the host item (run with `--expose-gc`): installs
 * the stand-in `vscode` module, then loads and runs hostScenario.js with the
 * input given as JSON in argv[2], and prints its figures as one JSON line.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { installFakeVscode, missingMembers } from './fakeVscode';
import type { HostScenarioInput, HostScenarioOutput } from './hostScenario';

type ScenarioModule = { runHostScenario(input: HostScenarioInput): Promise<HostScenarioOutput> };

async function main(): Promise<void> {
  installFakeVscode();
  const input = JSON.parse(process.argv[2] ?? '{}') as HostScenarioInput;
  const scenario = createRequire(__filename)(join(__dirname, 'hostScenario.js')) as ScenarioModule;
  const output = await scenario.runHostScenario(input);
  if (missingMembers.length > 0) throw new Error(`the stand-in vscode module lacks ${missingMembers.join(', ')}`);
  process.stdout.write(JSON.stringify(output) + '\n', () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`host probe failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
