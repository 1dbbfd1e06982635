/** The command line VS Code runs for the MCP server: the bundled CLI's `mcp` with the settings the editor uses. */
import { RULES } from '../../server/src/features/diagnostics';

export interface McpLaunchSettings {
  corpusPaths: readonly string[];
  builtin: boolean;
  follow: readonly string[];
  hide: readonly string[];
  rules: Readonly<Record<string, unknown>>;
}

const LEVELS = new Set(['off', 'hint', 'information', 'warning', 'error']);

/**
 * Arguments after the Node.js executable. The editor's settings stand in for a config file (`--no-config`), as they do
 * for the language server; in Restricted Mode the workspace's corpus folders are left out, as the language server does.
 * Rule settings the CLI would refuse (unknown rule, bad level) are dropped: they must not keep the server from starting.
 */
export function mcpServerArgs(cliPath: string, settings: McpLaunchSettings, trusted: boolean): string[] {
  const args = [cliPath, 'mcp', '--no-config'];
  if (trusted) for (const p of settings.corpusPaths) if (p.trim()) args.push(`--corpus=${p}`);
  if (!settings.builtin) args.push('--no-builtin');
  for (const f of settings.follow) if (f.trim()) args.push(`--follow=${f.trim()}`);
  for (const h of settings.hide) if (h.trim()) args.push(`--hide=${h.trim()}`);
  for (const [id, level] of Object.entries(settings.rules)) {
    const known = id.includes('/') || RULES.some((r) => r.id === id);
    if (known && typeof level === 'string' && LEVELS.has(level)) args.push(`--rule=${id}=${level}`);
  }
  return args;
}
