import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../helpers/testEnv';
import { findChromium, findCodeServer, fixtureWorkspace, poll, reportE2eTotal, requireTool, timeSuite } from './e2eEnv';
import { CodeServer, ensureVsix, installedExtensions, prepareProfile } from './vscode/codeServer';
import { Workbench } from './vscode/workbench';

/** Screenshots the README shows; another folder can be chosen so a local run leaves the committed images alone. */
const screenshotsDir = path.resolve(repoRoot, process.env.API_GUIDELINES_SCREENSHOTS_DIR ?? path.join('docs', 'images'));
/** Where a failing step's screen is kept for diagnosis (git-ignored). */
const failuresDir = path.join(repoRoot, 'test-results', 'e2e');
/** The fixture is copied under this name, which the Explorer and the screenshots show. */
const PROJECT = 'orders-api';

reportE2eTotal();

describe('e2e: VS Code (code-server + Chromium) with the packaged .vsix', function () {
  this.timeout(180000);
  timeSuite('VS Code (code-server) suite');
  let tmp = '';
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;

  before(async function () {
    const tool = requireTool(this, findCodeServer(), 'code-server (tools folder)');
    const chromiumPath = requireTool(this, findChromium(), 'Chromium');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-code-server-'));
    let lap = Date.now();
    const step = (what: string) => {
      console.log(`      ${what} in ${((Date.now() - lap) / 1000).toFixed(1)} s`);
      lap = Date.now();
    };
    const vsix = ensureVsix();
    step(`${vsix.built ? 'packaged' : 'reused'} ${path.relative(repoRoot, vsix.path)}`);
    const dirs = prepareProfile(tool, tmp, vsix.path);
    assert.deepStrictEqual(installedExtensions(dirs).filter((n) => n.startsWith('api-guidelines.')).length, 1, 'the .vsix did not install');
    step('installed it into a fresh extensions folder');
    const folder = path.join(tmp, PROJECT);
    fs.cpSync(fixtureWorkspace, folder, { recursive: true });
    server = await CodeServer.start(tool, dirs);
    step(`code-server answered ${server.url}/healthz`);
    workbench = await Workbench.open(chromiumPath, server.url, folder, 'src');
    step(`the workbench showed ${PROJECT}`);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) {
      const name = this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await workbench.screenshot(path.join(failuresDir, `${name}.png`)).catch(() => undefined);
      console.log(`      screen kept in ${path.relative(repoRoot, failuresDir)}/${name}.png`);
    }
    await workbench?.dismiss().catch(() => undefined);
  });

  after(async () => {
    await workbench?.close().catch(() => undefined);
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  function wb(): Workbench {
    assert.ok(workbench, 'the workbench did not open');
    return workbench;
  }

  /** The language server processes the extension host started (`node …/dist/server.js --node-ipc …`). */
  function languageServers(): number[] {
    assert.ok(server, 'code-server did not start');
    return server.processes('dist/server.js');
  }

  /** Waits until exactly one language server runs and it is not `old`: the client restarted it. */
  async function restartedServer(old: number): Promise<number> {
    return poll(`a language server other than process ${old}`, 90000, () => {
      const pids = languageServers();
      return pids.length === 1 && pids[0] !== old ? pids[0] : undefined;
    });
  }

  it('hover on the 403 literal in res.status(403) shows the description and the guidelines', async () => {
    await wb().openFile('routes.js', 'res.status(403)');
    const text = await wb().hoverWord('403', '403 Forbidden');
    assert.match(text, /HTTP Status User Error/);
    assert.match(text, /refuses to carry it out/);
    assert.match(text, /RFC 9110: 15\.5\.4\. 403 Forbidden/);
    assert.match(text, /MDN Web Docs: 403 Forbidden/);
    // The atlas of public guidelines, with no configuration: Zalando, Microsoft, Google and more.
    for (const org of ['Zalando', 'Microsoft', 'Google', 'Heroku']) assert.match(text, new RegExp(org));
    assert.match(text, /Guidelines \(\d+\)/);
    // For the README: without VS Code's own TypeScript hover still loading under ours, and dragged taller, as a reader
    // would, to show the guideline lines.
    await poll('the TypeScript hover to finish loading', 20000, async () => !(await wb().page.locator('.monaco-hover').first().innerText()).includes('Loading...')).catch(() => undefined);
    const height = await wb().enlargeHover(420).catch((e: Error) => (console.log(`      could not enlarge the hover: ${e.message}`), 0));
    console.log(`      hover height for the screenshot: ${Math.round(height)} px`);
    await wb().screenshot(path.join(screenshotsDir, 'hover.png'));
  });

  it('hover on HttpStatus.FORBIDDEN in a Spring controller shows the same topic', async () => {
    await wb().openFile('OrderController.java', 'HttpStatus.FORBIDDEN');
    const text = await wb().hoverWord('FORBIDDEN', '403 Forbidden');
    assert.match(text, /refuses to carry it out/);
    assert.match(text, /RFC 9110: 15\.5\.4\. 403 Forbidden/);
  });

  it('the Problems view lists the diagnostics for 499 and for HttpStatus.USE_PROXY', async () => {
    await wb().openFile('OrderController.java', 'HttpStatus.USE_PROXY');
    await wb().openFile('routes.js', 'res.status(499)');
    await wb().page.keyboard.press('Control+Shift+M');
    const panel = wb().page.locator('.markers-panel');
    await panel.getByText(/499 is not in the IANA HTTP Status Code Registry/).first().waitFor({ timeout: 60000 });
    await panel.getByText(/305 Use Proxy is deprecated/).first().waitFor({ timeout: 60000 });
    assert.match(await panel.innerText(), /api-guidelines/);
    await wb().screenshot(path.join(screenshotsDir, 'problems.png'));
    await wb().page.keyboard.press('Control+J');
    await panel.waitFor({ state: 'hidden' });
  });

  it('API Guidelines: Search Topics finds "pagination" and opens one of its references', async () => {
    await wb().openFile('routes.js', 'res.status(403)');
    await wb().runCommand('API Guidelines: Search Topics');
    await wb().waitForQuickPick('API Guidelines: Search Topics');
    await wb().typeQuery('pagination');
    await wb().quickInput.locator('.monaco-list-row.focused', { hasText: 'Pagination' }).waitFor({ timeout: 60000 });
    await wb().screenshot(path.join(screenshotsDir, 'quick-pick.png'));
    await wb().acceptQuickInputRow('Pagination');

    // Second step: the topic's guideline references, grouped by guideline: the atlas's many guidelines, then the standards.
    await wb().quickInputRow('Open topic page').waitFor({ timeout: 60000 });
    assert.ok(await wb().quickInputRow(/adidas|Belgif|Cisco|Cloud Foundry/).isVisible(), 'the atlas guidelines are listed first');
    await wb().screenshot(path.join(screenshotsDir, 'references.png'));
    // The standard's section is further down the list: typing filters it.
    await wb().typeQuery('Link Serialisation');
    const reference = wb().quickInputRow('Link Serialisation in HTTP Headers');
    await reference.waitFor({ timeout: 60000 });
    const opened = wb().context.waitForEvent('page', { timeout: 60000 });
    await reference.click();
    // VS Code asks before it opens an external site.
    await wb().page.getByRole('button', { name: 'Open', exact: true }).click({ timeout: 60000 });
    const tab = await opened;
    await tab.waitForURL(/rfc8288\.html#section-3$/, { timeout: 60000 });
    await tab.close();
    assert.ok(wb().externalRequests.some((u) => u.startsWith('https://www.rfc-editor.org/rfc/rfc8288.html')), wb().externalRequests.join('\n'));
  });

  it('go to definition (F12) on 403 opens the topic page corpus/topics/http-status-403.md', async () => {
    await wb().openFile('routes.js', 'res.status(403)');
    await wb().clickWord('403');
    await wb().page.keyboard.press('F12');
    await wb().activeEditorLines().filter({ hasText: 'topic_id: http-status-403' }).waitFor({ timeout: 60000 });
    assert.match(await wb().activeTabLabel(), /^http-status-403\.md\b/);
    // The page comes from the installed extension's built-in corpus.
    assert.match(await wb().breadcrumbs(), /api-guidelines\.api-guidelines-[\d.]+[\s\S]*corpus[\s\S]*topics[\s\S]*http-status-403\.md/);
    await wb().screenshot(path.join(screenshotsDir, 'definition.png'));
  });

  it('corpus pages and Markdown in topics/ folders stay Markdown; a corpus page gets the authoring hover', async () => {
    await wb().openFile('errors.md', 'Error responses');
    await poll('the language mode of errors.md', 30000, async () => (await wb().languageMode()) === 'Markdown');
    await wb().openFile('routes.js', 'res.status(403)');
    await wb().clickWord('403');
    await wb().page.keyboard.press('F12');
    await wb().activeEditorLines().filter({ hasText: 'topic_id: http-status-403' }).waitFor({ timeout: 60000 });
    await poll('the language mode of http-status-403.md', 30000, async () => (await wb().languageMode()) === 'Markdown');
    // Hover on a guideline id in the front matter: the guideline, served because the page is in the built-in corpus.
    const text = await wb().hoverWord('rfc9110', /Cited by \d+ topics/);
    assert.match(text, /RFC 9110: HTTP Semantics/);
  });

  it('offers the MCP server to agent mode: the provider API is there and the registration is logged', async () => {
    // code-server shows no chat or MCP views (they need a chat extension), so the extension's log file is the witness.
    const logs = path.join(tmp, 'user-data', 'logs');
    const line = 'Agent mode: the MCP server is offered as "API Guidelines"';
    const logged = () => filesBelow(logs).some((f) => f.endsWith('.log') && fs.readFileSync(f, 'utf8').includes(line));
    await poll(`the extension's log to say "${line}"`, 60000, async () => logged());
  });

  const CRASHED = 'API Guidelines: the language server stopped unexpectedly and was restarted.';
  const HUNG = 'API Guidelines: the language server stopped answering and was restarted.';

  it('a language server killed twice is restarted both times: hovers work again, the user is told once', async () => {
    await wb().recordToasts();
    await wb().openFile('routes.js', 'res.status(403)');
    await wb().hoverWord('403', '403 Forbidden');
    for (let round = 1; round <= 2; round++) {
      const before = languageServers();
      assert.strictEqual(before.length, 1, `language servers: ${before.join(', ')}`);
      process.kill(before[0], 'SIGKILL');
      await restartedServer(before[0]);
      if (round === 1) await poll('the restart notice', 60000, async () => (await wb().toastsShown(CRASHED)) > 0);
      await wb().dismiss();
      await wb().hoverWord('403', '403 Forbidden');
    }
    assert.strictEqual(await wb().toastsShown(CRASHED), 1);
  });

  it('a frozen language server (SIGSTOP) is killed by the watchdog and restarted: hovers work again, the user is told once', async () => {
    await wb().openFile('routes.js', 'res.status(403)');
    await wb().hoverWord('403', '403 Forbidden');
    const [frozen, ...more] = languageServers();
    assert.deepStrictEqual(more, [], 'more than one language server');
    process.kill(frozen, 'SIGSTOP');
    try {
      await wb().dismiss();
      // The hover waits on the frozen server; 3 s later the watchdog pings, and after two unanswered pings (10 s each) it
      // kills the process. Until then the hover is asked for again and again.
      const waiting = Date.now();
      const text = await poll('a hover from a restarted language server', 90000, () => wb().hoverWord('403', '403 Forbidden').catch(() => undefined), 0);
      assert.match(text, /RFC 9110: 15\.5\.4\. 403 Forbidden/);
      await restartedServer(frozen);
      console.log(`      hover answered again ${((Date.now() - waiting) / 1000).toFixed(1)} s after the server froze`);
      await poll('the hang notice', 60000, async () => (await wb().toastsShown(HUNG)) > 0);
    } finally {
      // Should the watchdog have failed, the frozen process must not outlive the test.
      try {
        process.kill(frozen, 'SIGKILL');
      } catch {
        // Already gone: the watchdog killed it.
      }
    }
    assert.strictEqual(await wb().toastsShown(HUNG), 1);
    // The crash notice of the previous test is not repeated for a restart of another cause.
    assert.strictEqual(await wb().toastsShown(CRASHED), 1);
  });
});

/** Every file below a folder (none when it does not exist yet). */
function filesBelow(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? filesBelow(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
