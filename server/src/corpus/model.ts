/** The corpus data model shared by the reader, the index and every feature. */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A position in a corpus file: 0-based line and character, plus the character offset. */
export interface SourcePos {
  line: number;
  character: number;
  offset: number;
}

export interface SourceRange {
  start: SourcePos;
  end: SourcePos;
}

/** A problem found while reading a corpus: always tied to a file and a range in it. */
export interface CorpusProblem {
  file: string;
  range: SourceRange;
  severity: Severity;
  /** Stable identifier, e.g. `missing-field`, `yaml-syntax`. */
  code: string;
  message: string;
}

export interface Reference {
  name: string;
  /** Absent when the corpus gives none (real data has such entries): shown as plain text. */
  url?: string;
  /** The guideline's own number or id for the rule, where it numbers its rules (Zalando `150`, `AIP-193`). */
  rule?: string;
  /** The requirement level the guideline states, upper case: `MUST`, `SHOULD NOT`, `MAY`, `DO`… */
  level?: string;
  /** One short line, in the corpus author's words: what the section asks about this topic. */
  asks?: string;
}

/** `standard`: a specification (RFC, WHATWG, IANA, MDN's reference) that defines the topic; `guideline`: an organisation's API guideline. */
export type GuidelineKind = 'standard' | 'guideline';

/** What a corpus author read, and when: the source's revision behind the guideline's references. */
export interface GuidelineRevision {
  /** The day the source was read (YYYY-MM-DD). */
  date?: string;
  /** The source repository (https URL), where the guideline is kept in one. */
  repository?: string;
  /** The commit read, where there is a repository. */
  commit?: string;
}

/** What a checkable rule looks at in source code: each list is optional; a rule has at least one. */
export interface RuleCheck {
  /** Only these status codes are allowed: any other detected code is reported. */
  statusAllowed?: number[];
  /** These status codes are reported. */
  statusForbidden?: number[];
  methodsAllowed?: string[];
  methodsForbidden?: string[];
  /** Canonical header names that are reported. */
  headersForbidden?: string[];
}

/** A guideline's rule that a detector token can break: a diagnostic when the guideline is followed. */
export interface GuidelineRule {
  /** The guideline's own id for the rule (`150`, `AIP-193`). */
  id: string;
  name: string;
  level?: string;
  url?: string;
  /** The diagnostic's text, in the corpus author's words (the rule's name otherwise). */
  message?: string;
  check: RuleCheck;
  /** Alternatives for a quick fix: status codes, methods or topic ids. */
  prefer: string[];
  range: SourceRange;
}

/** A guideline document (company style guide, RFC, ...) as a whole. */
export interface Guideline {
  id: string;
  title: string;
  company: string;
  url?: string;
  date?: string;
  reviewDate?: string;
  description?: string;
  /** Defaults to `guideline`. */
  kind?: GuidelineKind;
  /** One line in the corpus author's words: what the guideline is and asks overall. */
  summary?: string;
  revision?: GuidelineRevision;
  rules?: GuidelineRule[];
  file: string;
  range: SourceRange;
}

/** What one guideline says about one topic. */
export interface TopicGuideline {
  guidelineId: string;
  title: string;
  company: string;
  url?: string;
  date?: string;
  /** From the guideline page, when one defines it (`guideline` otherwise). */
  kind?: GuidelineKind;
  references: Reference[];
  /** Where the entry stands in the topic's file. */
  range: SourceRange;
}

export interface TopicPolicy {
  severity: Severity;
  message?: string;
  /** Preferred alternatives: status codes, methods or topic ids. */
  prefer: string[];
  range: SourceRange;
}

export interface Topic {
  id: string;
  category: string;
  name: string;
  description: string;
  /** Markdown body of the page, if any. */
  body?: string;
  status?: number;
  method?: string;
  /** Canonical header name. */
  header?: string;
  policy?: TopicPolicy;
  guidelines: TopicGuideline[];
  file: string;
  /** Range of the `topic_id` value (or the whole entry in data files). */
  range: SourceRange;
  /** Ranges of each front-matter field, by key. */
  fields: Record<string, SourceRange>;
  /** Index of the corpus root this topic came from (0 = first root). */
  root: number;
}

/** A text file handed to the corpus reader. */
export interface CorpusFile {
  path: string;
  text: string;
}

/** What parsing one file yields: never throws, always returns what it could read. */
export interface ParsedFile {
  file: string;
  topics: Topic[];
  guidelines: Guideline[];
  problems: CorpusProblem[];
  /** For stylebook data guideline files and guideline pages with `topics:`: topic id -> references, merged at index time. */
  topicReferences?: { guideline: Guideline; topicId: string; references: Reference[]; range: SourceRange }[];
}
