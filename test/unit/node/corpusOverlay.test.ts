import * as assert from 'assert';
import { CorpusManager } from '../../../server/src/node/corpusManager';
import { MemoryFileSystem } from '../../helpers/memoryFileSystem';

/** A root no real folder has: the manager's file watching finds nothing to watch. */
const ROOT = '/nonexistent-api-guidelines-test/corpus';
const PAGE = `${ROOT}/topics/teapot.md`;

function page(name: string): string {
  return `---\ntopic_id: http-status-418\ntopic_category: Fun\ntopic_name: ${name}\ntopic_description: Short and stout.\n---\n`;
}

describe('node/corpusManager: edits of an open corpus page', () => {
  let changes = 0;
  let manager: CorpusManager;

  beforeEach(async () => {
    changes = 0;
    manager = new CorpusManager({ fs: new MemoryFileSystem({ [PAGE]: page('original') }), builtinPath: ROOT, log: () => undefined, onChange: () => changes++ });
    await manager.index([ROOT]);
  });

  it('indexes a burst of edits once, with the latest text, when a request needs the corpus', async () => {
    for (let i = 1; i <= 5; i++) manager.setOverlay(PAGE, page(`edit ${i}`));
    assert.strictEqual(changes, 0, 'no page parsed per keystroke');
    const index = await manager.index([ROOT]);
    assert.strictEqual(index.topics.get('http-status-418')?.name, 'edit 5');
    assert.strictEqual(changes, 1);
    await manager.index([ROOT]);
    assert.strictEqual(changes, 1, 'nothing left to index');
  });

  /** Polls (no timing assert): until the manager reported a change, or 10 s. */
  async function firstChange(): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (changes === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  it('indexes the latest edit by itself after a pause in typing', async () => {
    manager.setOverlay(PAGE, page('edit 1'));
    manager.setOverlay(PAGE, page('edit 2'));
    await firstChange();
    assert.strictEqual(changes, 1);
    assert.strictEqual((await manager.index([ROOT])).topics.get('http-status-418')?.name, 'edit 2');
  });

  it('drops an unindexed edit when the page is closed', async () => {
    manager.setOverlay(PAGE, page('unsaved'));
    manager.setOverlay(PAGE, undefined);
    // The page is read again from the disk.
    await firstChange();
    assert.strictEqual(changes, 1, 'the unsaved text was never indexed');
    assert.strictEqual((await manager.index([ROOT])).topics.get('http-status-418')?.name, 'original');
  });
});
