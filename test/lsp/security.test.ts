import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestClient, positionOf } from '../helpers/lspClient';
import { HOSTILE, activeContent, linkTargets } from '../helpers/markdownSafety';

/** One page whose text fields carry every hostile string at once. */
function hostileCorpus(dir: string): void {
  const all = JSON.stringify(HOSTILE.join(' '));
  fs.writeFileSync(path.join(dir, 'http-status-403.md'), `---
topic_id: http-status-403
topic_category: ${all}
topic_name: ${all}
topic_description: ${all}
guidelines:
  - guideline_id: evil
    guideline_title: ${all}
    guideline_company: ${all}
    guideline_url: https://evil.example/guide
    references:
      - name: ${all}
        url: command:workbench.action.quit
---
`);
}

const code = 'app.get("/x", (req, res) => res.status(403).end());';

describe('lsp: hovers from a hostile corpus over stdio', function () {
  this.timeout(60_000);
  let tmp: string;
  let client: TestClient | undefined;

  beforeEach(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-hostile-')));
    hostileCorpus(tmp);
  });
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function hoverWith(commandLinks: boolean): Promise<string> {
    client = new TestClient({ settings: { corpus: { paths: [tmp], builtin: false } }, initializationOptions: { commandLinks } });
    await client.initialize();
    await client.open('file:///w/app.js', 'javascript', code);
    const pos = positionOf(code, '403', 1);
    const hover = await client.hover('file:///w/app.js', pos.line, pos.character);
    assert.ok(hover, 'no hover');
    return hover.contents.value;
  }

  /** The server's own links: http(s), the topic page (a file URI in the corpus folder), and maybe the search command. */
  const allowed = (command: boolean) => (href: string) =>
    /^https?:\/\//i.test(href) || href.startsWith(pathToFileURL(tmp).href + '/') || (command && href === 'command:apiGuidelines.searchTopics');

  it('renders corpus text inert and links only the search command when the client runs commands', async () => {
    const md = await hoverWith(true);
    assert.deepStrictEqual(activeContent(md, allowed(true)), []);
    assert.deepStrictEqual(linkTargets(md).filter((h) => h.startsWith('command:')), ['command:apiGuidelines.searchTopics']);
  });

  it('has no command link at all for other clients', async () => {
    const md = await hoverWith(false);
    assert.deepStrictEqual(activeContent(md, allowed(false)), []);
    assert.deepStrictEqual(linkTargets(md).filter((h) => !/^(https?|file):/.test(h)), []);
  });
});
