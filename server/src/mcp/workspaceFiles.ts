/**
 * Which files an MCP client may have checked: those below the workspace (the client's roots, else the working
 * folder) or a corpus folder, by real path, so that no `..` or symbolic link leads anywhere else; and at most so many.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { isInside } from '../corpus/corpusSet';
import { walkFilesSync, type FileIdentity } from '../node/fileWalker';
import { languageForPath } from '../settings';

export interface WorkspaceLimits {
  /** Paths one call may name. */
  maxPaths: number;
  /** Source files one call checks; more is an error that asks for narrower paths. */
  maxFiles: number;
  /** Folders one call walks, whatever they hold. */
  maxFolders: number;
  /** Size of one file; larger ones are skipped with a note. */
  maxFileBytes: number;
  /** Bytes one call reads in all; files past it are skipped with a note. */
  maxTotalBytes: number;
}

export const DEFAULT_WORKSPACE_LIMITS: WorkspaceLimits = {
  maxPaths: 50,
  maxFiles: 500,
  maxFolders: 5_000,
  maxFileBytes: 2 * 1024 * 1024,
  maxTotalBytes: 32 * 1024 * 1024,
};

/** A refusal the tool reports as an MCP tool error, with a message for the model. */
export class ToolError extends Error {}

export interface ResolvedFiles {
  /** Real paths, sorted, inside the workspace or a corpus folder, each within the size limits. */
  files: string[];
  /** Files left out, and why (display paths). */
  skipped: { path: string; reason: string }[];
  /** The folder paths are shown relative to: the first workspace root. */
  base: string;
  /** Each file's device and inode when it was judged: the read must find the same file. */
  identities: Map<string, FileIdentity>;
}

export class WorkspaceFiles {
  constructor(
    /** The working folder: the workspace when the client gives no roots. */
    private readonly cwd: string,
    /** The corpus folders, which may be read too. */
    private readonly corpusRoots: () => readonly string[],
    /** The client's roots as URIs, or undefined when it offers none. */
    private readonly clientRoots: () => Promise<readonly string[] | undefined>,
    /** Files and folders a walk leaves out, as `check` does (exclude globs, disabled languages, corpus folders). */
    private readonly ignore: (file: string, isDirectory: boolean) => boolean = () => false,
    private readonly limits: WorkspaceLimits = DEFAULT_WORKSPACE_LIMITS,
  ) {}

  /** The workspace folders: the client's `file:` roots, else the working folder (as given, not resolved). */
  async workspaceRoots(): Promise<string[]> {
    const uris = await this.clientRoots().catch(() => undefined);
    const roots = (uris ?? []).flatMap((u) => {
      try {
        return u.startsWith('file:') ? [fileURLToPath(u)] : [];
      } catch {
        return [];
      }
    });
    return roots.length ? roots : [this.cwd];
  }

  /** The source files below `paths` (relative to the first workspace root), checked against the roots and limits. */
  async resolve(paths: readonly string[]): Promise<ResolvedFiles> {
    const { limits } = this;
    if (!paths.length) throw new ToolError('Give at least one file or folder path.');
    if (paths.length > limits.maxPaths) throw new ToolError(`At most ${limits.maxPaths} paths per call; ${paths.length} were given.`);
    const workspace = await this.workspaceRoots();
    const base = workspace[0];
    const allowed = (await Promise.all([...workspace, ...this.corpusRoots()].map(realOrNothing))).filter((r): r is string => !!r);
    const inside = (real: string) => allowed.some((r) => isInside(r, real));
    const where = `the workspace (${workspace.join(', ')})${this.corpusRoots().length ? ' or a corpus folder' : ''}`;

    const named: string[] = [];
    for (const given of paths) {
      if (!given.trim() || given.includes('\0')) throw new ToolError(`Not a path: ${JSON.stringify(given)}.`);
      let absolute: string;
      try {
        absolute = given.startsWith('file:') ? fileURLToPath(given) : path.resolve(base, given);
      } catch {
        throw new ToolError(`Not a file path: ${given}.`);
      }
      const real = await realOrNothing(absolute);
      if (!real) throw new ToolError(`Not found: ${given} (paths are relative to ${base}).`);
      if (!inside(real)) throw new ToolError(`${given} is outside ${where}: only files there can be checked.`);
      named.push(real);
    }

    let files = 0;
    let folders = 0;
    const walk = walkFilesSync(named, {
      accept: (file) => {
        if (languageForPath(file) === undefined) return false;
        if (++files > limits.maxFiles) throw new ToolError(`More than ${limits.maxFiles} source files below ${paths.join(', ')}: name fewer files or smaller folders.`);
        return true;
      },
      ignore: (file, isDirectory) => {
        if (this.ignore(file, isDirectory)) return true;
        if (isDirectory && ++folders > limits.maxFolders) throw new ToolError(`More than ${limits.maxFolders} folders below ${paths.join(', ')}: name fewer files or smaller folders.`);
        return false;
      },
    });
    const realBase = (await realOrNothing(base)) ?? base;
    const shown = (file: string) => displayFrom(realBase, file);
    const skipped = walk.skipped.map((s) => ({ path: shown(s.path), reason: s.reason }));
    const result: string[] = [];
    const identities = new Map<string, FileIdentity>();
    let total = 0;
    for (const file of walk.files) {
      // A linked file found in a folder is followed only to a place the client may read.
      const real = await realOrNothing(file);
      if (!real || !inside(real)) {
        skipped.push({ path: shown(file), reason: `a link to somewhere outside ${where}` });
        continue;
      }
      const st = await fs.stat(real);
      const size = st.size;
      if (size > limits.maxFileBytes) {
        skipped.push({ path: shown(file), reason: `${size} bytes, over the ${limits.maxFileBytes}-byte limit per file` });
      } else if (total + size > limits.maxTotalBytes) {
        skipped.push({ path: shown(file), reason: `past the ${limits.maxTotalBytes}-byte limit per call: check it on its own` });
      } else {
        total += size;
        result.push(real);
        identities.set(real, { dev: st.dev, ino: st.ino });
      }
    }
    return { files: [...new Set(result)].sort(), skipped, base: realBase, identities };
  }
}

async function realOrNothing(p: string): Promise<string | undefined> {
  try {
    return await fs.realpath(p);
  } catch {
    return undefined;
  }
}

/** `file` relative to `base` with `/` when it is below it, else absolute. */
export function displayFrom(base: string, file: string): string {
  const rel = path.relative(base, file);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
}
