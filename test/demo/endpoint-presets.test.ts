import { expect } from 'chai';
import { providerOf } from '../../src/index.js';
import { endpointPresets, presetById } from '../../demo/settings/endpoint-presets.js';

describe('endpoint presets', () => {
  it('has one preset per id, each hosted or local preset known to the library by its base URL', () => {
    const ids = endpointPresets.map((preset) => preset.id);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const preset of endpointPresets) {
      const expected = preset.id === 'demo' || preset.id === 'custom' ? 'other' : preset.id;
      expect(providerOf(preset.baseURL).id, preset.id).to.equal(expected);
    }
  });

  it("points Gemini at Google's OpenAI-compatible endpoint, with a tool-capable model and AI Studio keys", () => {
    const gemini = presetById('gemini');
    expect(gemini.baseURL).to.equal('https://generativelanguage.googleapis.com/v1beta/openai');
    expect(gemini.model).to.match(/^gemini-/);
    expect(gemini.needsKey).to.equal(true);
    expect(gemini.keyURL).to.equal('https://aistudio.google.com/apikey');
  });

  it('falls back to the demo preset for an unknown id', () => {
    expect(presetById('nope').id).to.equal('demo');
  });
});
