/** A diagnostic in the pure core: what the editor, the CLI and SARIF output all render. */
import type { Severity } from '../corpus/model';
import type { HttpToken } from '../detect/token';

export interface Finding {
  /** Stable rule id, the diagnostic's `code` (e.g. `unregistered-status`). */
  rule: string;
  severity: Severity;
  message: string;
  /** Character offsets in the document. */
  start: number;
  end: number;
  /** The guideline or topic page explaining the rule (codeDescription.href, SARIF helpUri). */
  href?: string;
  token?: HttpToken;
  topicId?: string;
  /** Preferred replacements named by a corpus policy, for the quick fix. */
  prefer?: string[];
}
