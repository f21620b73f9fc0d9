/**
 * Command line of the local Fluxbase-compatible server:
 *
 *   npm run server -- [--host 127.0.0.1] [--port 8080] [--data .fluxbase]
 *   npm run server -- keys create|list|revoke … (see cli/keysCli.ts)
 *
 * Stops cleanly on SIGINT and SIGTERM.
 */
import { parseArgs } from './cli/cliArgs';
import { KEYS_USAGE, runKeysCommand } from './cli/keysCli';
import { serverOptionsFromEnv } from './config/envConfig';
import { BufferedLineWriter } from './logging/lineWriter';
import { startServer } from './startServer';

const USAGE = `Usage:
  npm run server -- [--host 127.0.0.1] [--port 8080] [--data .fluxbase]
${KEYS_USAGE}`;

const output = {
  out: (text: string) => process.stdout.write(text),
  err: (text: string) => process.stderr.write(text),
};

async function serve(argv: readonly string[]): Promise<void> {
  const { positional, flags } = parseArgs(argv, ['host', 'port', 'data']);
  if (positional.length > 0) throw new Error(`unexpected argument "${positional[0]}"`);
  const options = serverOptionsFromEnv(process.env, {
    host: flags.get('host'),
    port: flags.get('port'),
    data: flags.get('data'),
  });
  const writer = new BufferedLineWriter(process.stdout);
  const running = await startServer({ ...options, log: writer.write });
  const stop = (): void => {
    running.close().then(
      () => {
        writer.flush();
        process.exit(0);
      },
      () => {
        writer.flush();
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Only now print the listening line: a supervisor that signals as soon as it reads it must find the handlers.
  writer.flush();
}

/** Runs the CLI with `argv` (without node and script). Resolves once the server listens or the command is done. */
export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      output.out(USAGE);
    } else if (argv[0] === 'keys') {
      process.exitCode = runKeysCommand(argv.slice(1), output);
    } else {
      await serve(argv);
    }
  } catch (error) {
    output.err(`Error: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2));
}
