/** Every command, in the order `--help` lists them. One file per command. */
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { registerAt } from './at.js';
import { registerBuild } from './build.js';
import { registerDiff } from './diff.js';
import { registerEval } from './eval.js';
import { registerFmt } from './fmt.js';
import { registerHistory } from './history.js';
import { registerNew } from './new.js';
import { registerRenameTerm } from './rename-term.js';
import { registerRenumber } from './renumber.js';
import { registerRules } from './rules.js';
import { registerServe } from './serve.js';
import { registerTree } from './tree.js';
import { registerValidate } from './validate.js';

/** A command registers itself; `setExit` records the exit code it wants. */
export type Register = (program: Command, context: () => Context, setExit: (code: number) => void) => void;

export const commands: Register[] = [registerValidate, registerTree, registerDiff, registerBuild, registerAt, registerRules, registerHistory, registerEval, registerNew, registerRenumber, registerRenameTerm, registerFmt, registerServe];
