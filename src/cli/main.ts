/**
 * The `secdoc` command line: flags -> options, one place. Commands live in ./commands and
 * register themselves on the program.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { Context, ContentError, EXIT, UsageError, type Io } from './context.js';
import { commands } from './commands/index.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const program = new Command('secdoc')
    .description('Compile Smart Energy Code documents: validate, inspect, compare, publish and query them.')
    .version(pkg.version, '-V, --version')
    .option('--documents <dir>', 'folder of document sources', 'documents')
    .option('--no-cache', 'parse every file afresh: neither read nor write the tree cache (also SECDOC_CACHE=0)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .enablePositionalOptions(false);

  let exitCode: number = EXIT.ok;
  const context = () => {
    const options = program.opts<{ documents: string; cache: boolean }>();
    return new Context(io, options.documents, options.cache);
  };
  for (const register of commands) {
    register(program, context, (code) => {
      exitCode = code;
    });
  }
  // Every subcommand errors like the program itself: usage problems exit 2, never a stack trace.
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).showHelpAfterError();

  try {
    await program.parseAsync(['node', 'secdoc', ...argv]);
    if (argv.length === 0) {
      io.stdout(program.helpInformation());
    }
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`secdoc: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof ContentError) {
      new Context(io, '').printDiagnostics(error.files);
      return EXIT.content;
    }
    throw error;
  }
}

/** The process entry point: real streams, real disk, real exit code. */
export async function main(): Promise<void> {
  const { nodeHost } = await import('../corpus/node-host.js');
  // A reader that stops early (`secdoc tree X --json | head`) closes the pipe: stop quietly, as
  // Unix tools do, instead of dying on an unhandled EPIPE.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
  const io: Io = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    host: nodeHost,
  };
  try {
    process.exitCode = await run(process.argv.slice(2), io);
  } catch (error) {
    process.stderr.write(`secdoc: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 70;
  }
}
