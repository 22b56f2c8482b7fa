import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Action } from './index.js';
import { appendixOf, findDirection, versionsOf } from '../../corpus/index.js';
import { extendDirectionSource, annexTitles, nextMajor, nextVersionSource, newDirectionSource, ScaffoldError, type Designation } from '../../edit/scaffold.js';
import { compareVersions, isIsoDate } from '../../model/sec.js';
import { intervalOf } from '../../time/index.js';
import { UsageError } from '../context.js';

interface NewOptions {
  from?: string;
  version?: string;
  direction: string;
  made: string;
  effective: string;
}

export const action: Action<[doc: string, options: NewOptions]> = ({ ctx }, doc, options) => {
  for (const [flag, value] of [['--made', options.made], ['--effective', options.effective]] as const) {
    if (!isIsoDate(value)) throw new UsageError(`${flag} ${value}: expected a date as YYYY-MM-DD`);
  }
  if (options.effective < options.made) throw new UsageError(`--effective ${options.effective} is before --made ${options.made}: a version cannot take effect before it is designated`);
  if (!/^[A-Za-z0-9][\w.-]*$/.test(options.direction)) throw new UsageError(`--direction ${options.direction}: expected an id of letters, digits, dots, dashes and underscores`);
  const corpus = ctx.corpus();
  const appendix = appendixOf(corpus, doc);
  if (!appendix) throw new UsageError(`no document ${doc} in ${ctx.documentsDir}`);
  const chain = versionsOf(corpus, appendix);
  const fromVersion = options.from?.replace(/^v/i, '') ?? chain.at(-1)!.meta.version;
  const previous = chain.find((v) => v.meta.version === fromVersion || v.meta.version === `${fromVersion}.0`);
  if (!previous) throw new UsageError(`no version ${fromVersion} of ${appendix} (held: ${chain.map((v) => v.meta.version).join(', ')})`);
  const version = options.version?.replace(/^v/i, '') ?? nextMajor(previous.meta.version);
  if (!/^\d+\.\d+$/.test(version) || compareVersions(version, previous.meta.version) <= 0) {
    throw new UsageError(`--version ${version}: expected a MAJOR.MINOR version after ${previous.meta.version}`);
  }
  const successor = chain.find((v) => v.meta.replaces === previous.meta.version);
  if (successor) throw new UsageError(`${appendix} v${previous.meta.version} is already replaced by v${successor.meta.version}; start from v${chain.at(-1)!.meta.version}`);
  if (chain.some((v) => v.meta.version === version)) throw new UsageError(`${appendix} v${version} is already held`);

  const previousEffective = intervalOf(corpus, previous)?.effective;
  if (previousEffective && options.effective <= previousEffective) {
    throw new UsageError(`--effective ${options.effective}: expected a date after ${appendix} v${previous.meta.version} took effect (${previousEffective})`);
  }
  const versionPath = join(dirname(previous.path), `v${version}.md`);
  if (existsSync(versionPath)) throw new UsageError(`file exists: ${versionPath}`);
  const designation: Designation = {
    appendix,
    title: previous.meta.title,
    version,
    against: previous.meta.version,
    made: options.made,
    effective: options.effective,
    id: options.direction,
  };
  const titles = annexTitles(corpus.directions.map((d) => d.meta), designation);
  const existing = findDirection(corpus, options.direction);
  try {
    const versionText = nextVersionSource(readFileSync(previous.path, 'utf8'), { previous, version, direction: options.direction, effective: options.effective });
    let directionPath: string;
    let directionText: string;
    if (existing) {
      directionPath = existing.path;
      directionText = extendDirectionSource(readFileSync(existing.path, 'utf8'), existing, designation, titles);
    } else {
      directionPath = join(ctx.documentsDir, 'directions', `${options.direction.replace(/^direction-/, '')}.md`);
      if (existsSync(directionPath)) throw new UsageError(`file exists: ${directionPath} (but holds no direction \`${options.direction}\`)`);
      directionText = newDirectionSource(designation, titles);
    }
    writeFileSync(versionPath, versionText);
    writeFileSync(directionPath, directionText);
    ctx.io.stdout(
      [
        `wrote ${versionPath}: ${appendix} v${version}, replacing v${previous.meta.version}, designated by ${options.direction}`,
        `${existing ? 'extended' : 'wrote'} ${directionPath}: designation with effect from ${options.effective}, annexes marked up and clean`,
        `next: describe the changes in the version-history row (validate warns until it is filled), then edit the text`,
      ].join('\n') + '\n',
    );
  } catch (error) {
    if (error instanceof ScaffoldError) throw new UsageError(error.message);
    throw error;
  }
};
