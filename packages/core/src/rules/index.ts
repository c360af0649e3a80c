import { databaseDuplicates } from './database-duplicates';
import { databaseUniqueMissing } from './database-unique-missing';
import { falseOneToOne } from './false-one-to-one';
import { hiddenOneToOne } from './hidden-one-to-one';
import { migrationDropsOneToOneUnique } from './migration-drops-one-to-one-unique';
import { oneToOneBothRequired } from './one-to-one-both-required';
import { oneToOneNaming } from './one-to-one-naming';
import { oneToOneNoForeignKey } from './one-to-one-no-foreign-key';
import { oneToOneNullability } from './one-to-one-nullability';
import { oneToOneOnDelete } from './one-to-one-on-delete';
import { oneToOneUnique } from './one-to-one-unique';
import { toOneNonUniqueTarget } from './to-one-non-unique-target';
import type { Rule } from './rule';
import { USAGE_RULES } from '../usage-rules';

/** Every rule, in report order. A test keeps this list, the folder and docs/rules in step. */
export const RULES: readonly Rule[] = [
  oneToOneUnique,
  oneToOneNullability,
  oneToOneBothRequired,
  oneToOneOnDelete,
  oneToOneNaming,
  oneToOneNoForeignKey,
  hiddenOneToOne,
  toOneNonUniqueTarget,
  falseOneToOne,
  databaseUniqueMissing,
  databaseDuplicates,
  migrationDropsOneToOneUnique,
  ...USAGE_RULES,
];

export const RULE_IDS = RULES.map((r) => r.id) as readonly string[];

export { createRule, interpolate, locate } from './rule';
export type { Rule, RuleContext, RuleDefinition, RuleReport, ReportTarget, MessageData } from './rule';
export { NAMING_MODES, conventionTableName, conventionUniqueName } from './one-to-one-naming';
export type { NamingMode } from './one-to-one-naming';
