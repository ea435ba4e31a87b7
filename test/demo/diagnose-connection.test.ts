import { expect } from 'chai';
import { diagnoseConnection } from '../../src/index.js';
import { createToolDemoModel } from '../../demo/model/create-tool-demo-model.js';

describe("the demo's connection test", () => {
  it('passes against the demo model', async () => {
    const { fetch } = createToolDemoModel({ pacing: false });
    const result = await diagnoseConnection({
      baseURL: 'https://demo-model.invalid/v1',
      model: 'demo-model',
      fetch,
    });
    expect(result.kind).to.equal('ok');
  });
});
