import '../components/index.js';
import { diagnoseConnection, diagnoseConnectionError, providerOf } from '../src/index.js';
import { createToolDemoModel } from './model/create-tool-demo-model.js';
import { demoSuggestions } from './model/demo-suggestions.js';
import { ChunkInspector } from './inspector/chunk-inspector.js';
import { showBadge } from './settings/connection-badge.js';
import {
  conversationKeys,
  switchConversation,
  type ConversationSide,
} from './settings/conversation-switch.js';
import { presetById, type EndpointPreset } from './settings/endpoint-presets.js';
import {
  loadEndpointSettings,
  saveEndpointSettings,
  type EndpointSettings,
} from './settings/endpoint-settings.js';
import { SettingsPanel, type AppliedEndpoint } from './settings/settings-panel.js';
import { demoTools } from './tools/demo-tools.js';
import type { RecordedSession } from './replay/recorded-sessions.js';
import { ReplayPanel } from './replay/replay-panel.js';
import { sessionFetch } from './replay/session-fetch.js';

function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`The demo page is missing #${id}.`);
  return found;
}

const chat = document.querySelector('tool-agent-chat');
if (!chat) throw new Error('The demo page is missing <tool-agent-chat>.');
const badge = byId('model-badge', HTMLElement);
const demoNote = byId('demo-note', HTMLElement);
const switchNote = byId('switch-note', HTMLElement);
const replayNote = byId('replay-note', HTMLElement);
const suggestions = document.querySelector<HTMLElement>('.suggestions');
// One offline model for the whole visit; it is stateless, so sharing it is safe.
const demoModel = createToolDemoModel();

chat.tools = demoTools;

/** The endpoint in use, and which conversation (demo or real endpoints) is on screen. */
let current:
  | {
      settings: EndpointSettings;
      preset: EndpointPreset;
      apiKey: string | undefined;
      side: ConversationSide;
    }
  | undefined;
// Bumped by each check, so a slow answer for an endpoint no longer in use is ignored.
let checkCount = 0;
// Bumped by each replay and endpoint change, so a recording that loads late is not started.
let replayCount = 0;

const whereOf = (settings: EndpointSettings, preset: EndpointPreset): string =>
  `${preset.id === 'custom' ? new URL(settings.baseURL, location.href).host : preset.label} · ${settings.model}`;

/** Sends one tiny request to the endpoint now in use, and shows in the badge whether it answered. */
async function checkEndpoint(
  settings: EndpointSettings,
  preset: EndpointPreset,
  apiKey: string | undefined,
): Promise<void> {
  const check = ++checkCount;
  const where = whereOf(settings, preset);
  if (preset.needsKey && !apiKey) {
    showBadge(badge, {
      kind: 'problem',
      where,
      diagnosis: {
        kind: 'no-key',
        provider: providerOf(settings.baseURL).id,
        title: 'This endpoint needs an API key.',
        detail: '',
        fix: 'Paste your key in the chat or in Endpoint settings.',
      },
    });
    return;
  }
  showBadge(badge, { kind: 'checking', where });
  const diagnosis = await diagnoseConnection(
    { baseURL: settings.baseURL, model: settings.model, apiKey },
    { includeUsage: settings.includeUsage, pageOrigin: location.origin },
  );
  if (check !== checkCount) return;
  showBadge(
    badge,
    diagnosis.kind === 'ok' ? { kind: 'live', where } : { kind: 'problem', where, diagnosis },
  );
}

/** Says which conversation is now on screen and that the other one is kept. */
function announceSwitch(side: ConversationSide, restored: boolean, where: string): void {
  switchNote.textContent =
    side === 'live'
      ? restored
        ? `Back to your conversation with real endpoints, now ${where}. The demo model's conversation is kept for when you switch back.`
        : `New conversation with ${where}, so nothing from the demo model is sent to it. The demo conversation is kept: pick the demo model in Endpoint settings to return to it.`
      : restored
        ? 'Back to the demo model and its conversation. Your conversation with real endpoints is kept for when you switch back.'
        : 'Switched to the demo model: a new conversation. Your conversation with real endpoints is kept for when you switch back.';
  switchNote.hidden = false;
}

/**
 * Points the chat at the demo model or at a real endpoint, and labels the page accordingly. Going
 * between the demo and a real endpoint swaps conversations (each is kept under its own key).
 */
async function useEndpoint({ settings, apiKey }: AppliedEndpoint): Promise<void> {
  if (!chat) return;
  const preset = presetById(settings.presetId);
  const isDemo = preset.id === 'demo';
  const side: ConversationSide = isDemo ? 'demo' : 'live';
  const previous = current;
  current = { settings, preset, apiKey, side };
  replayCount += 1;
  replayPanel.active = false;
  replayNote.hidden = true;
  chat.stop();
  chat.tools = demoTools;
  chat.fetch = isDemo ? demoModel.fetch : undefined;
  chat.baseURL = isDemo ? preset.baseURL : settings.baseURL;
  chat.model = isDemo ? preset.model : settings.model;
  chat.apiKey = apiKey;
  // Local servers and custom URLs work without a key; hosted ones make the chat ask for it.
  chat.noKey = !isDemo && !preset.needsKey && !apiKey;
  chat.settings = { includeUsage: settings.includeUsage };
  demoNote.hidden = !isDemo;
  saveEndpointSettings(settings);
  if (!previous) chat.storageKey = conversationKeys[side];
  else if (previous.side !== side)
    announceSwitch(
      side,
      await switchConversation(chat, side),
      isDemo ? '' : whereOf(settings, preset),
    );
  if (isDemo) {
    checkCount += 1;
    showBadge(badge, { kind: 'demo' });
  } else await checkEndpoint(settings, preset, apiKey);
}

/**
 * Replays a recorded real-provider session in the chat, in a conversation of its own: the
 * recorded responses stream through the real parser and agent, and the badge says it is a recording.
 */
async function replaySession(session: RecordedSession, speed: number): Promise<void> {
  if (!chat) return;
  const run = ++replayCount;
  replayNote.hidden = false;
  replayNote.textContent = `Loading the recording of ${session.provider}…`;
  const recording = await session.load();
  if (run !== replayCount) return;
  chat.stop();
  if (current && current.side !== 'replay') {
    current = { ...current, side: 'replay' };
    await switchConversation(chat, 'replay');
  }
  chat.clear();
  chat.fetch = sessionFetch(recording, speed);
  chat.tools = [...demoTools, ...session.tools];
  // Never contacted: the replay answers every request; .invalid names no real host.
  chat.baseURL = 'https://recording.invalid/v1';
  chat.model = session.model;
  chat.apiKey = undefined;
  chat.noKey = true;
  demoNote.hidden = true;
  switchNote.hidden = true;
  checkCount += 1;
  showBadge(badge, { kind: 'replay', provider: session.provider });
  replayNote.textContent = `Replaying a recording of ${session.provider}. ${session.about} Whatever you send, this session plays back.`;
  replayPanel.active = true;
  await chat.send(session.prompt);
}

const replayPanel = new ReplayPanel(byId('replay-form', HTMLFormElement), {
  onReplay: (session, speed) => void replaySession(session, speed),
  onLeave: () => void useEndpoint(panel.applied),
});

const panel = new SettingsPanel(byId('endpoint-form', HTMLFormElement), {
  initial: loadEndpointSettings(),
  demoFetch: demoModel.fetch,
  onApply: (endpoint) => void useEndpoint(endpoint),
});
void useEndpoint(panel.applied);

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

const inspector = new ChunkInspector(
  byId('chunk-rows', HTMLTableSectionElement),
  byId('chunk-summary', HTMLElement),
  document.querySelector<HTMLElement>('.chunk-scroll') ?? document.body,
);
const syncChips = (): void => {
  for (const chip of chips) chip.disabled = chat.running;
};
chat.addEventListener('tool-agent-chunk', (event) => {
  inspector.add(event.detail.chunk);
  syncChips();
});
chat.addEventListener('tool-agent-submit', () => {
  syncChips();
  switchNote.hidden = true;
});
chat.addEventListener('tool-agent-response', () => {
  queueMicrotask(syncChips);
  // A real answer is the best proof the endpoint works.
  if (current?.side === 'live') {
    checkCount += 1;
    showBadge(badge, { kind: 'live', where: whereOf(current.settings, current.preset) });
  }
});
chat.addEventListener('tool-agent-error', (event) => {
  const { error } = event.detail;
  inspector.addError(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  queueMicrotask(syncChips);
  if (current?.side === 'live') {
    checkCount += 1;
    const { settings, preset, apiKey } = current;
    const diagnosis = diagnoseConnectionError(error, {
      baseURL: settings.baseURL,
      model: settings.model,
      hasKey: Boolean(apiKey),
      pageOrigin: location.origin,
    });
    showBadge(badge, { kind: 'problem', where: whereOf(settings, preset), diagnosis });
  }
});
// A stop fires no event; poll the running flag cheaply instead of reaching into the element.
setInterval(syncChips, 300);

// The note's "Endpoint settings" link opens the panel it points at.
const settingsPanel = byId('settings-panel', HTMLDetailsElement);
demoNote.querySelector('a[href="#settings-panel"]')?.addEventListener('click', () => {
  settingsPanel.open = true;
});

// The chat's height depends on what is above it (header, notes, suggestions), which wraps with the width.
const fitChatToScreen = (): void => {
  document.documentElement.style.setProperty(
    '--chat-top',
    `${Math.ceil(chat.getBoundingClientRect().top + window.scrollY)}px`,
  );
};
new ResizeObserver(fitChatToScreen).observe(document.body);
fitChatToScreen();

byId('clear-chunks', HTMLButtonElement).addEventListener('click', () => inspector.clear());
// The element's own New conversation button (with Undo) clears the chat; the chunk log follows it.
chat.addEventListener('tool-agent-new-conversation', (event) => {
  if (event.detail.action === 'clear') inspector.clear();
});
