import type { Rule } from '../rules/rule';
import { usageFirstOfMany } from './usage-first-of-many';
import { usageJoinFansOut } from './usage-join-fans-out';
import { usageJoinOffKey } from './usage-join-off-key';
import { usageUnbackedOneToOne } from './usage-unbacked-one-to-one';

/** The rules over the application code's queries (`oto check --usage`), in report order. */
export const USAGE_RULES: readonly Rule[] = [usageUnbackedOneToOne, usageFirstOfMany, usageJoinOffKey, usageJoinFansOut];
