/** The command line VS Code runs for the MCP server: the bundled CLI's `mcp` with the settings the editor uses. */
import { parseSeverity, ruleIdProblem } from '../../server/src/settings';

export interface McpLaunchSettings {
  corpusPaths: readonly string[];
  builtin: boolean;
  follow: readonly string[];
  hide: readonly string[];
  rules: Readonly<Record<string, unknown>>;
}

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
  // The CLI's own checks, so that what passes here is what `--rule` accepts.
  for (const [id, level] of Object.entries(settings.rules)) {
    const severity = parseSeverity(level);
    if (severity && !ruleIdProblem(id)) args.push(`--rule=${id}=${severity}`);
  }
  return args;
}
