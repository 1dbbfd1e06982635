import * as assert from 'assert';
import { TestClient } from '../helpers/lspClient';

describe('lsp: apiGuidelines/ping', function () {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('answers null at once, before and after the corpus is loaded', async () => {
    client = new TestClient();
    await client.initialize();
    assert.strictEqual(await client.request('apiGuidelines/ping', null), null);
    await client.request('apiGuidelines/status', {});
    assert.strictEqual(await client.request('apiGuidelines/ping', {}), null);
  });
});
