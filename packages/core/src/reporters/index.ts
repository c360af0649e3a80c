import type { Report } from '../report';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatOptions {
  readonly color?: boolean;
  readonly toolVersion?: string;
  /** Text: list the findings a summary stands for. */
  readonly verbose?: boolean;
  /** SARIF: where the rule docs are published (the config's `docsUrl`), for each rule's `helpUri`. */
  readonly docsUrl?: string;
}

export function format(report: Report, kind: Format, options: FormatOptions = {}): string {
  switch (kind) {
    case 'text':
      return formatText(report, options);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, options);
    case 'github':
      return formatGithub(report);
  }
}

export { formatGithub, formatJson, formatSarif, formatText };
export { ruleDocPath, ruleDocUrl } from './sarif';
