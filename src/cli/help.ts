/** Help text shared by the command definitions. */

/** The examples that end a command's `--help`: each a command line and what it does. */
export function examples(...lines: ReadonlyArray<readonly [command: string, what: string]>): string {
  const width = Math.max(...lines.map(([command]) => command.length));
  return `\nExamples:\n${lines.map(([command, what]) => `  $ ${command.padEnd(width)}  ${what}`).join('\n')}\n`;
}
