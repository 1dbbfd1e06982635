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
  /** For stylebook data guideline files: topic id -> references, merged at index time. */
  topicReferences?: { guideline: Guideline; topicId: string; references: Reference[]; range: SourceRange }[];
}
