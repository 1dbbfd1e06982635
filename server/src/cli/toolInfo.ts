/** The tool's name and version, from package.json (inlined by the bundler). */
import { version } from '../../../package.json';
import type { ToolInfo } from './formats/sarif';

export function toolInfo(): ToolInfo {
  return { name: 'api-guidelines', version };
}
