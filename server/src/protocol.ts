/** Custom messages between the VS Code client and the server (`apiGuidelines/…`), shared by both. */

export interface TopicSummary {
  id: string;
  name: string;
  category: string;
  description: string;
  status?: number;
  method?: string;
  header?: string;
  /** URI of the topic page and the 0-based line of the topic in it. */
  uri: string;
  line: number;
  /** Followed guidelines first (marked), hidden ones left out, standards last. */
  guidelines: {
    id?: string;
    company: string;
    title: string;
    url?: string;
    followed?: boolean;
    standard?: boolean;
    references: { name: string; url?: string; rule?: string; level?: string; asks?: string }[];
  }[];
}

export interface SearchTopicsParams {
  query: string;
  /** Resource whose corpus settings apply (defaults to the first workspace folder). */
  uri?: string;
  limit?: number;
}

export interface CorpusStatus {
  roots: string[];
  topics: number;
  guidelines: number;
  problems: number;
  /** Problems by file URI (counts), to point the user at broken pages. */
  problemFiles: { uri: string; count: number }[];
  /** Whether the document asked about is open and a corpus page (it gets the authoring features). */
  corpusPage?: boolean;
  /** Corpus sets the server holds (one per distinct list of roots in use) and folders it watches. */
  loadedCorpora?: number;
  watchedFolders?: number;
}

export const Requests = {
  searchTopics: 'apiGuidelines/searchTopics',
  status: 'apiGuidelines/status',
  reindex: 'apiGuidelines/reindex',
  /** Answers null immediately (a no-op round trip, for benchmarks and health checks). */
  ping: 'apiGuidelines/ping',
} as const;

export const Notifications = {
  /** Server → client: the corpus changed (count of topics and problems). */
  corpusChanged: 'apiGuidelines/corpusChanged',
} as const;
