/** Parses the command line and runs one command. */
import { CorpusSet } from '../corpus/corpusSet';
import { NodeCorpusFileSystem } from '../node/nodeFileSystem';
import type { CorpusIndex } from '../corpus/corpusIndex';
import type { CorpusProblem, Topic } from '../corpus/model';
import * as path from 'path';

export interface CliIo {
  builtinCorpus: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const corpora: string[] = [];
  let builtin = true;
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--corpus') corpora.push(path.resolve(io.cwd, rest[++i]));
    else if (rest[i] === '--no-builtin') builtin = false;
    else args.push(rest[i]);
  }
  const roots = [...(builtin ? [io.builtinCorpus] : []), ...corpora];
  switch (command) {
    case 'validate': {
      const set = new CorpusSet(new NodeCorpusFileSystem());
      const index = await set.load(args.length ? args.map((a) => path.resolve(io.cwd, a)) : roots);
      for (const p of index.problems) io.stdout.write(formatProblem(p, io.cwd) + '\n');
      io.stdout.write(`${index.size} topics, ${index.guidelines.size} guidelines, ${index.problems.length} problem(s)\n`);
      return index.problems.some((p) => p.severity === 'error') ? 1 : 0;
    }
    case 'topic': {
      const index = await load(roots);
      const q = args.join(' ');
      const topic = findTopic(index, q);
      if (!topic) { io.stderr.write(`No topic for '${q}'\n`); return 1; }
      io.stdout.write(`${topic.name}  [${topic.category}]\n${topic.description}\n`);
      for (const g of topic.guidelines) {
        io.stdout.write(`\n  ${g.company} — ${g.title}${g.url ? ` <${g.url}>` : ''}\n`);
        for (const r of g.references) io.stdout.write(`    - ${r.name}: ${r.url}\n`);
      }
      return 0;
    }
    default:
      io.stderr.write(`Usage: api-guidelines <check|topic|search|validate> [options]\n`);
      return 2;
  }
}

async function load(roots: string[]): Promise<CorpusIndex> {
  return new CorpusSet(new NodeCorpusFileSystem()).load(roots);
}

function findTopic(index: CorpusIndex, q: string): Topic | undefined {
  if (/^\d{3}$/.test(q)) return index.topicForStatus(Number(q));
  return index.topics.get(q) ?? index.topicForMethod(q) ?? index.topicForHeader(q) ?? index.searchTopics(q, 1)[0]?.topic;
}

export function formatProblem(p: CorpusProblem, cwd: string): string {
  const file = path.relative(cwd, p.file) || p.file;
  return `${file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity}: ${p.message} [${p.code}]`;
}
