/**
 * Every command, in the order `--help` lists them. A command is two files, so that `--help` and
 * each command load only what they need:
 *
 * - `<name>.command.ts` defines it: name, arguments, options, description, examples. It imports
 *   nothing but types and ../help.js, and ends with `.action(lazy(() => import('./<name>.js')))`.
 * - `<name>.ts` exports `action`, which does the work; it and what it imports load only when the
 *   command runs.
 */
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { defineAt } from './at.command.js';
import { defineBuild } from './build.command.js';
import { defineDiff } from './diff.command.js';
import { defineEval } from './eval.command.js';
import { defineFmt } from './fmt.command.js';
import { defineHistory } from './history.command.js';
import { defineImport } from './import.command.js';
import { defineNew } from './new.command.js';
import { defineRenameTerm } from './rename-term.command.js';
import { defineRenumber } from './renumber.command.js';
import { defineRules } from './rules.command.js';
import { defineServe } from './serve.command.js';
import { defineTree } from './tree.command.js';
import { defineValidate } from './validate.command.js';

/** What an action gets before its arguments and options. */
export interface Run {
  /** Streams, file system, the documents folder, shared helpers. */
  ctx: Context;
  /** The exit code the command wants (0 unless set). */
  setExit(code: number): void;
}

/** A command's work: the positional arguments and then the options object, as commander passes them. */
export type Action<Args extends unknown[]> = (run: Run, ...args: Args) => void | Promise<void>;

/** Turns a module loader into a commander action that imports the module when the command runs. */
export type Lazy = <Args extends unknown[]>(load: () => Promise<{ action: Action<Args> }>) => (...args: Args) => Promise<void>;

/** Adds one command to the program. */
export type Define = (program: Command, lazy: Lazy) => void;

export const commands: Define[] = [defineValidate, defineTree, defineDiff, defineBuild, defineAt, defineRules, defineHistory, defineEval, defineNew, defineRenumber, defineRenameTerm, defineFmt, defineImport, defineServe];
