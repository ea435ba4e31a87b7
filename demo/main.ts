import '../components/index.js';
import { createToolDemoModel } from './model/create-tool-demo-model.js';
import { demoSuggestions } from './model/demo-suggestions.js';
import { ChunkInspector } from './inspector/chunk-inspector.js';
import { presetById } from './settings/endpoint-presets.js';
import { loadEndpointSettings, saveEndpointSettings } from './settings/endpoint-settings.js';
import { SettingsPanel, type AppliedEndpoint } from './settings/settings-panel.js';
import { demoTools } from './tools/demo-tools.js';

function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`The demo page is missing #${id}.`);
  return found;
}

const chat = document.querySelector('tool-agent-chat');
if (!chat) throw new Error('The demo page is missing <tool-agent-chat>.');
const badge = byId('model-badge', HTMLElement);
const demoNote = byId('demo-note', HTMLElement);
const suggestions = document.querySelector<HTMLElement>('.suggestions');
// One offline model for the whole visit; it is stateless, so sharing it is safe.
const demoModel = createToolDemoModel();

chat.tools = demoTools;

/** Points the chat at the demo model or at a real endpoint, and labels the page accordingly. */
function useEndpoint({ settings, apiKey }: AppliedEndpoint): void {
  if (!chat) return;
  const preset = presetById(settings.presetId);
  const isDemo = preset.id === 'demo';
  chat.stop();
  chat.fetch = isDemo ? demoModel.fetch : undefined;
  chat.baseURL = isDemo ? preset.baseURL : settings.baseURL;
  chat.model = isDemo ? preset.model : settings.model;
  chat.apiKey = apiKey;
  // Local servers and custom URLs work without a key; hosted ones make the chat ask for it.
  chat.noKey = !isDemo && !preset.needsKey && !apiKey;
  chat.settings = { includeUsage: settings.includeUsage };
  badge.dataset['mode'] = isDemo ? 'demo' : 'live';
  badge.textContent = isDemo ? 'Demo model · offline, scripted' : `Live · ${preset.id === 'custom' ? new URL(settings.baseURL, location.href).host : preset.label} · ${settings.model}`;
  demoNote.hidden = !isDemo;
  saveEndpointSettings(settings);
}

const panel = new SettingsPanel(byId('endpoint-form', HTMLFormElement), { initial: loadEndpointSettings(), demoFetch: demoModel.fetch, onApply: useEndpoint });
useEndpoint(panel.applied);

const chips: HTMLButtonElement[] = demoSuggestions.map((text) => {
  const chip = document.createElement('button');
  chip.type = 'button';
  chip.className = 'chip';
  chip.textContent = text;
  chip.addEventListener('click', () => {
    if (!chat.running) void chat.send(text);
  });
  return chip;
});
suggestions?.append(...chips);

const inspector = new ChunkInspector(byId('chunk-rows', HTMLTableSectionElement), byId('chunk-summary', HTMLElement), document.querySelector<HTMLElement>('.chunk-scroll') ?? document.body);
const syncChips = (): void => {
  for (const chip of chips) chip.disabled = chat.running;
};
chat.addEventListener('tool-agent-chunk', (event) => {
  inspector.add(event.detail.chunk);
  syncChips();
});
chat.addEventListener('tool-agent-submit', syncChips);
chat.addEventListener('tool-agent-response', () => queueMicrotask(syncChips));
chat.addEventListener('tool-agent-error', (event) => {
  const { error } = event.detail;
  inspector.addError(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  queueMicrotask(syncChips);
});
// A stop fires no event; poll the running flag cheaply instead of reaching into the element.
setInterval(syncChips, 300);

// The note's "Endpoint settings" link opens the panel it points at.
const settingsPanel = byId('settings-panel', HTMLDetailsElement);
demoNote.querySelector('a[href="#settings-panel"]')?.addEventListener('click', () => {
  settingsPanel.open = true;
});

byId('clear-chunks', HTMLButtonElement).addEventListener('click', () => inspector.clear());
byId('clear-chat', HTMLButtonElement).addEventListener('click', () => {
  chat.clear();
  inspector.clear();
});
