/**
 * After the run, lists the system tests that were skipped because a program is missing (see
 * test/system.ts), by name, and prints the command that installs the programs once.
 */
import { relative } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { NEEDS, SETUP_COMMAND } from './system.js';

export default class SystemReporter implements Reporter {
  private root = process.cwd();
  private log: (text: string) => void = (text) => process.stdout.write(text + '\n');

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
    this.log = (text) => vitest.logger.log(text);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped: string[] = [];
    const programs = new Set<string>();
    for (const module of modules) {
      for (const test of module.children.allTests('skipped')) {
        // The marker is on the skipped suite: the test's own or one of its ancestors.
        for (let node = test.parent; node.type === 'suite'; node = node.parent) {
          const needs = NEEDS.exec(node.name);
          if (!needs) continue;
          for (const p of needs[1]!.split(', ')) programs.add(p);
          skipped.push(`  ↓ ${relative(this.root, module.moduleId)} > ${test.fullName}`);
          break;
        }
      }
    }
    if (skipped.length === 0) return;
    this.log(`\nSkipped ${skipped.length} system test${skipped.length === 1 ? '' : 's'} (${[...programs].sort().join(', ')} not installed):`);
    for (const line of skipped) this.log(line);
    this.log(`Install the system programs with \`${SETUP_COMMAND}\` to run them.`);
  }
}
