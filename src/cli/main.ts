/**
 * The `secdoc` command line: flags -> options, one place. Commands live in ./commands: each
 * defines itself on the program, and its action is imported only when it runs, so `--help`
 * loads commander and the definitions, and a command loads only what it uses.
 */
import { fstatSync, readFileSync, writeSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import type { Io } from './context.js';
import { ContentError, EXIT, UsageError } from './exit.js';
import { commands, type Lazy } from './commands/index.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const program = new Command('secdoc')
    .description('Compile Smart Energy Code documents: validate, inspect, compare, publish and query them.')
    .version(pkg.version, '-V, --version')
    .option('--documents <dir>', 'folder of document sources', 'documents')
    .option('--no-cache', 'parse and compare every file afresh: neither read nor write the cache of trees and outputs (also SECDOC_CACHE=0)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .enablePositionalOptions(false);

  let exitCode: number = EXIT.ok;
  const setExit = (code: number) => {
    exitCode = code;
  };
  // The action module and the context (which brings the parser) load when the command runs.
  const lazy: Lazy = (load) => async (...args) => {
    const [{ action }, { Context }] = await Promise.all([load(), import('./context.js')]);
    await action({ ctx: new Context(io, program.opts<{ documents: string }>().documents, program.opts<{ cache: boolean }>().cache), setExit }, ...args);
  };
  for (const define of commands) define(program, lazy);
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
      const { Context } = await import('./context.js');
      new Context(io, '').printDiagnostics(error.files);
      return EXIT.content;
    }
    const problem = fileProblem(error);
    if (problem) {
      io.stderr(`secdoc: ${problem}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

/** A path the user gave that cannot be read as asked (a file for a folder, a dangling link). */
function fileProblem(error: unknown): string | null {
  const e = error as NodeJS.ErrnoException;
  if (!(error instanceof Error) || typeof e.code !== 'string' || typeof e.path !== 'string') return null;
  const path = JSON.stringify(e.path).slice(1, -1);
  const why: Record<string, string> = {
    ENOTDIR: 'is not a folder',
    EISDIR: 'is a folder, expected a file',
    ENOENT: 'cannot be read: no such file (a dangling link?)',
    EACCES: 'cannot be read: permission denied',
    EPERM: 'cannot be read: permission denied',
    ELOOP: 'cannot be read: too many levels of symbolic links',
  };
  return why[e.code] ? `${path} ${why[e.code]}` : null;
}

/** No stack trace reaches a user unless asked for: one line, and how to see more. */
export function reportInternalError(error: unknown, env: Readonly<Record<string, string | undefined>>, write: (text: string) => void): void {
  const summary = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
  if (env.SECDOC_DEBUG === '1') write(`secdoc: internal error: ${error instanceof Error ? error.stack ?? summary : summary}\n`);
  else write(`secdoc: internal error: ${summary} (set SECDOC_DEBUG=1 to see where)\n`);
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
  // A failure outside the command's own await (a worker, a stray promise) is still one line.
  for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
    process.on(event, (error: unknown) => {
      reportInternalError(error, process.env, (t) => process.stderr.write(t));
      process.exit(70);
    });
  }
  const io: Io = {
    stdout: stdoutIsFile() ? (t) => void writeSync(1, typeof t === 'string' ? Buffer.from(t) : t) : (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    host: nodeHost,
  };
  try {
    process.exitCode = await run(process.argv.slice(2), io);
  } catch (error) {
    reportInternalError(error, process.env, (t) => process.stderr.write(t));
    process.exitCode = 70;
  }
}

/**
 * Whether standard output is a file (`> out.json`). Node writes to a file synchronously either
 * way, but `process.stdout.write` first copies each text into a Buffer that lives until the next
 * garbage collection: 26 MB of them when a redline's 6 MB of JSON was written in pieces. Written
 * to the descriptor, a text is encoded and freed in one call.
 */
function stdoutIsFile(): boolean {
  try {
    return fstatSync(1).isFile();
  } catch {
    return false;
  }
}
