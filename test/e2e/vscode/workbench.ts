/** Drives the VS Code workbench in code-server through Chromium the way a user does: keyboard, mouse, what is on screen. */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { poll } from '../e2eEnv';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** Long enough for a cold extension host and language server on a slow CI machine. */
const UI_TIMEOUT = 60000;

export class Workbench {
  /** Web pages the workbench tried to open (guideline references), answered locally: the tests never go online. */
  readonly externalRequests: string[] = [];

  private constructor(private readonly browser: Browser, readonly context: BrowserContext, readonly page: Page) {}

  /** Opens `folder` in code-server at `url` and waits for the Explorer to list `firstEntry`. */
  static async open(executablePath: string, url: string, folder: string, firstEntry: string): Promise<Workbench> {
    const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 1100 } });
    const workbench = new Workbench(browser, context, await context.newPage());
    const local = new URL(url).host;
    await context.route((u) => u.host !== local, async (route) => {
      workbench.externalRequests.push(route.request().url());
      await route.fulfill({ contentType: 'text/html', body: '<title>stub</title>offline test stub' });
    });
    await workbench.page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
    await workbench.page.getByRole('treeitem', { name: firstEntry }).first().waitFor({ timeout: UI_TIMEOUT });
    return workbench;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** A row of the open quick input (quick open, command palette, an extension's quick pick). */
  quickInputRow(text: string | RegExp): Locator {
    return this.quickInput.locator('.monaco-list-row', { hasText: text }).first();
  }

  /** Quick Open (Ctrl+P): type the file name, pick it, wait for its text in the active editor. */
  async openFile(name: string, expectText: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    await this.quickInput.waitFor({ timeout: UI_TIMEOUT });
    await this.typeQuery(name);
    await this.acceptQuickInputRow(name);
    await this.activeEditorLines().filter({ hasText: expectText }).waitFor({ timeout: UI_TIMEOUT });
  }

  /** The command palette (F1): type the command's title and run it. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.quickInput.waitFor({ timeout: UI_TIMEOUT });
    await this.typeQuery(title, '>');
    await this.acceptQuickInputRow(title);
  }

  /** Waits for a quick pick with this title (an extension's, not the command palette that opened it). */
  async waitForQuickPick(title: string): Promise<void> {
    await this.quickInput.locator('.quick-input-title', { hasText: title }).waitFor({ timeout: UI_TIMEOUT });
  }

  /** Types into the open quick input (which may start with `prefix`, like the palette's `>`) and waits until it reads so. */
  async typeQuery(text: string, prefix = ''): Promise<void> {
    const input = this.quickInput.locator('input.input').first();
    await poll('the quick input to take the keyboard', UI_TIMEOUT, () => input.evaluate((e) => e === document.activeElement));
    await this.page.keyboard.type(text);
    await poll(`the quick input to read "${prefix}${text}"`, UI_TIMEOUT, async () => (await input.inputValue()) === prefix + text);
  }

  /**
   * Presses Enter once the focused row is the one wanted: until the typed filter applies, the list still
   * shows recently used entries, and Enter would take the first of those.
   */
  async acceptQuickInputRow(text: string | RegExp): Promise<void> {
    // Items a busy quick pick is still loading replace the list, and the selection with it, possibly as Enter lands.
    await poll('the quick input to finish loading', UI_TIMEOUT, async () => (await this.quickInput.locator('.monaco-progress-container.active').count()) === 0);
    await this.quickInput.locator('.monaco-list-row.focused', { hasText: text }).first().waitFor({ timeout: UI_TIMEOUT });
    await this.page.keyboard.press('Enter');
  }

  activeEditorLines(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor .view-lines');
  }

  /** The accessible name of the active editor's tab (file name, then where it lives). */
  async activeTabLabel(): Promise<string> {
    return (await this.page.locator('.editor-group-container.active .tab.active').first().getAttribute('aria-label')) ?? '';
  }

  /** The language mode the status bar shows for the active editor (`Markdown`, `JavaScript`…). */
  async languageMode(): Promise<string> {
    return (await this.page.locator('[id="status.editor.mode"]').first().innerText()).trim();
  }

  /** The breadcrumbs above the active editor: the folders leading to its file, then the file. */
  async breadcrumbs(): Promise<string> {
    return this.page.locator('.editor-group-container.active .breadcrumbs-control').first().innerText();
  }

  /**
   * Screen centre of `word`'s first occurrence in the active editor, measured on the rendered text
   * (a DOM Range over the line's text nodes), so it does not depend on fonts or the gutter width.
   */
  async wordCentre(word: string): Promise<{ x: number; y: number }> {
    const point = await this.activeEditorLines().first().evaluate((lines, w) => {
      for (const line of Array.from(lines.querySelectorAll('.view-line'))) {
        const at = (line.textContent ?? '').indexOf(w);
        if (at < 0) continue;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let seen = 0;
        const range = document.createRange();
        let started = false;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const len = node.textContent!.length;
          if (!started && at < seen + len) { range.setStart(node, at - seen); started = true; }
          if (started && at + w.length <= seen + len) { range.setEnd(node, at + w.length - seen); break; }
          seen += len;
        }
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
      return undefined;
    }, word);
    if (!point) throw new Error(`"${word}" is not on screen in the active editor`);
    return point;
  }

  /** Puts the caret on `word` with a click (for F12 and friends). */
  async clickWord(word: string): Promise<void> {
    const { x, y } = await this.wordCentre(word);
    await this.page.mouse.click(x, y);
  }

  /**
   * Points the mouse at `word` until a hover containing `expect` shows. The language server may still be
   * starting or indexing, so the hover is asked for again (mouse away and back) until the deadline.
   */
  async hoverWord(word: string, expect: string | RegExp): Promise<string> {
    const hover = this.page.locator('.monaco-hover-content').filter({ hasText: expect }).first();
    return poll(`a hover over "${word}" showing ${expect}`, UI_TIMEOUT, async () => {
      const { x, y } = await this.wordCentre(word);
      await this.page.mouse.move(1, 1);
      await this.page.mouse.move(x, y);
      return hover.waitFor({ timeout: 2000 }).then(() => hover.innerText(), () => undefined);
    }, 0);
  }

  /**
   * Drags the open hover's bottom edge down by `pixels`, as a user resizes it: VS Code opens hovers at a fixed height,
   * which shows the first guidelines only. Returns the hover's new height.
   */
  async enlargeHover(pixels: number): Promise<number> {
    const box = await this.page.locator('.monaco-hover').filter({ has: this.page.locator('.monaco-hover-content') }).first().boundingBox();
    if (!box) throw new Error('no hover to enlarge');
    const x = box.x + box.width / 2;
    const edge = box.y + box.height - 1;
    await this.page.mouse.move(x, box.y + box.height / 2);
    await this.page.mouse.move(x, edge, { steps: 4 });
    await this.page.mouse.down();
    await this.page.mouse.move(x, edge + pixels, { steps: 10 });
    await this.page.mouse.up();
    const after = await this.page.locator('.monaco-hover').first().boundingBox();
    return after?.height ?? 0;
  }

  /**
   * Records the text of every notification toast shown from now on. Toasts hide (and empty) by themselves, and the
   * notification centre keeps one entry for identical messages, so neither can tell how often a message was shown.
   */
  async recordToasts(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { shownToasts?: Map<Element, string> };
      if (w.shownToasts) return;
      const shown = (w.shownToasts = new Map<Element, string>());
      new MutationObserver(() => {
        for (const toast of Array.from(document.querySelectorAll('.notifications-toasts .notification-toast-container'))) {
          const text = toast.textContent ?? '';
          if (text) shown.set(toast, text);
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  }

  /** How many toasts with this text appeared since `recordToasts`. */
  async toastsShown(text: string): Promise<number> {
    return this.page.evaluate((t) => {
      const shown = (window as unknown as { shownToasts?: Map<Element, string> }).shownToasts ?? new Map<Element, string>();
      return Array.from(shown.values()).filter((s) => s.includes(t)).length;
    }, text);
  }

  /** Clears hovers, quick inputs and notifications so the next step starts from a quiet editor. */
  async dismiss(): Promise<void> {
    await this.page.mouse.move(1, 1);
    await this.page.keyboard.press('Escape');
  }

  async screenshot(file: string): Promise<void> {
    // Quick inputs and hovers fade in: a picture taken mid-animation shows the editor through them.
    await poll('the workbench to finish its animations', 3000, () => this.page.evaluate(() =>
      document.getAnimations().every((a) => a.playState !== 'running' || (a.effect?.getTiming().iterations ?? 1) === Infinity)), 50).catch(() => undefined);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file });
  }
}
