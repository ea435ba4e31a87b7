import { expect } from 'chai';
import { endpointPresets, presetById } from '../../demo/settings/endpoint-presets.js';

describe('endpoint presets', () => {
  it('has one preset per id, each with a fix for CORS, tools and models', () => {
    const ids = endpointPresets.map((preset) => preset.id);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const preset of endpointPresets) {
      expect(preset.corsFix('http://127.0.0.1:5173'), preset.id)
        .to.be.a('string')
        .and.not.equal('');
      expect(preset.toolsFix, preset.id).to.not.equal('');
      expect(preset.modelFix('x'), preset.id).to.be.a('string');
    }
  });

  describe('Gemini', () => {
    const gemini = presetById('gemini');

    it("points at Google's OpenAI-compatible endpoint, with a tool-capable model", () => {
      expect(gemini.id).to.equal('gemini');
      expect(gemini.baseURL).to.equal('https://generativelanguage.googleapis.com/v1beta/openai');
      expect(gemini.model).to.match(/^gemini-/);
      expect(gemini.label).to.include('Gemini');
    });

    it('needs a key from AI Studio and says what one looks like', () => {
      expect(gemini.needsKey).to.equal(true);
      expect(gemini.keyURL).to.equal('https://aistudio.google.com/apikey');
      expect(gemini.keyFormat).to.include('AIza').and.to.include('400');
    });

    it('treats CORS as the network, since Gemini answers browser requests', () => {
      expect(gemini.corsFix('http://127.0.0.1:5173')).to.match(/Gemini accepts browser requests/);
      expect(gemini.corsCommand).to.equal(undefined);
    });

    it('explains model ids without the "models/" prefix', () => {
      expect(gemini.modelFix('gemini-9')).to.include('"gemini-9"').and.to.include('models/');
    });
  });

  it('falls back to the demo preset for an unknown id', () => {
    expect(presetById('nope').id).to.equal('demo');
  });
});
