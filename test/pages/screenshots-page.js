// Puts <tool-agent-chat> into one state per `?state=` for scripts/screenshots-element.mjs, with an
// in-page chat API (no network) so every state is reproducible.
/* global URLSearchParams, location, Storage, DOMException, OffscreenCanvas, File, DataTransfer, KeyboardEvent */
import {
  ChatMessage,
  FunctionTool,
  HTTPError,
  IncompleteStreamError,
  z,
} from '/dist/tool-agents.standalone.js';

const never = new Promise(() => undefined);
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A ChatAPI whose n-th request plays the n-th script. */
function scriptedApi(scripts) {
  let count = 0;
  return {
    model: 'demo',
    getDefaultSettings: () => ({}),
    async *streamChat() {
      const script = scripts[Math.min(count, scripts.length - 1)];
      count += 1;
      yield* script();
    },
  };
}

function* textEvents(text) {
  for (const piece of text.match(/\S+\s*/g) ?? []) yield { type: 'text-delta', text: piece };
}

function* toolEvents(calls) {
  for (const [index, call] of calls.entries()) {
    yield { type: 'tool-call-start', index, id: call.id, name: call.name };
    yield {
      type: 'tool-call-delta',
      index,
      id: call.id,
      name: call.name,
      argumentsDelta: call.args,
      argumentsText: call.args,
    };
  }
}

const finish = (text, toolCalls = []) => ({
  type: 'finish',
  step: {
    text,
    reasoning: '',
    toolCalls: toolCalls.map(({ id, name, args }) => ({ id, name, argumentsText: args })),
    finishReason: toolCalls.length ? 'tool_calls' : 'stop',
    usage: undefined,
    metadata: {},
  },
});

const weather = new FunctionTool({
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']) }),
  execute: ({ city, unit }) => ({ city, temperature: 18, unit, sky: 'light rain', wind_kmh: 14 }),
});
const convert = new FunctionTool({
  name: 'convert_units',
  description: 'Converts a value between units',
  parameters: z.object({ value: z.number(), from: z.string(), to: z.string() }),
  execute: ({ value }) => ({ result: Math.round(value * 1.609 * 100) / 100, unit: 'km' }),
});
const email = new FunctionTool({
  name: 'send_email',
  description: 'Sends an email (needs approval)',
  parameters: z.object({ to: z.string(), subject: z.string(), body: z.string() }),
  requiresApproval: true,
  execute: () => ({ sent: true }),
});

// For the Trust screenshots: an email tool whose arguments have a multi-line body, a nested
// object and a file name hiding a right-to-left override (U+202E).
const sendMessage = new FunctionTool({
  name: 'send_message',
  description: 'Sends an email with an attachment (needs approval)',
  parameters: z.object({
    to: z.string(),
    subject: z.string(),
    body: z.string(),
    attachment: z.string(),
    options: z.object({
      priority: z.enum(['low', 'high']),
      readReceipt: z.boolean(),
      cc: z.array(z.string()),
    }),
  }),
  requiresApproval: true,
  execute: () => ({ sent: true }),
});
const trustCalls = [
  // A name no tool has, hiding an override: the card shows the code instead of "sys_updateexe.txt".
  { id: 'call_name', name: 'sys_update\u202Etxt.exe', args: '{}' },
  {
    id: 'call_send',
    name: 'send_message',
    args: JSON.stringify({
      to: 'ana@example.com',
      subject: 'Photos from Friday',
      body: 'Hi Ana,\n\nHere are the photos from Friday.\nThe second one is my favourite.\n\nMax',
      attachment: 'holiday-photos\u202Egpj.exe',
      options: { priority: 'high', readReceipt: false, cc: ['max@example.com'] },
    }),
  },
];
const trustScript = async function* () {
  yield* textEvents('I will send the photos.');
  yield* toolEvents(trustCalls);
  yield finish('I will send the photos.', trustCalls);
};

const weatherCalls = [
  { id: 'call_1', name: 'get_weather', args: '{"city":"Lisbon","unit":"celsius"}' },
  { id: 'call_2', name: 'convert_units', args: '{"value":12,"from":"mi","to":"km"}' },
];
const answer =
  'In **Lisbon** it is 18 °C with light rain and a 14 km/h wind.\n\n' +
  '- Bring an umbrella\n- 12 miles is about **19.31 km**\n\n' +
  'Forecast data: [IPMA](https://www.ipma.pt/en/).\n\n' +
  '```js\nconst km = miles * 1.609;\n```';

const chat = document.querySelector('tool-agent-chat');
const state = new URLSearchParams(location.search).get('state') ?? 'light';
chat.tools = [weather, convert, email, sendMessage];

// `&strings=de`: the same state with a German strings override (a page localising the element).
if (new URLSearchParams(location.search).get('strings') === 'de') {
  chat.strings = {
    placeholder: 'Nachricht schreiben',
    messageTo: (to) => `Nachricht an ${to}`,
    assistant: 'den Assistenten',
    send: 'Senden',
    sendHint: 'Senden (Eingabetaste)',
    stop: 'Stopp',
    stopHint: 'Stopp (Escape)',
    youSaid: 'Sie schrieben:',
    assistantSaid: 'Der Assistent schrieb:',
    thinking: 'Denkt nach…',
    thoughts: 'Gedanken',
    preparing: 'Wird vorbereitet',
    awaitingApproval: 'Wartet auf Freigabe',
    running: 'Läuft',
    done: 'Fertig',
    failed: 'Fehlgeschlagen',
    denied: 'Abgelehnt',
    stopped: 'Gestoppt',
    toolCall: (name) => `Werkzeugaufruf: ${name}`,
    arguments: 'Argumente',
    result: 'Ergebnis',
    error: 'Fehler',
    notRun: 'Nicht ausgeführt',
    allowName: (name) => `${name} ausführen lassen?`,
    allow: 'Dieses Werkzeug ausführen lassen?',
    approve: 'Erlauben',
    deny: 'Ablehnen',
    retry: 'Erneut versuchen',
    copy: 'Kopieren',
    copyCode: 'Code kopieren',
    copied: 'Kopiert',
    copyFailed: 'Kopieren fehlgeschlagen',
  };
}

function conversation() {
  return [
    ChatMessage.createUserMessage('What is the weather in Lisbon, and how far is 12 miles in km?'),
    ChatMessage.createAssistantMessage([
      { type: 'reasoning', text: 'Two tools: weather for Lisbon, then a unit conversion.' },
      ...weatherCalls.map((call) => ({
        type: 'tool_call',
        id: call.id,
        name: call.name,
        arguments: call.args,
      })),
    ]),
    ChatMessage.createToolMessage([
      {
        type: 'tool_result',
        toolCallId: 'call_1',
        toolName: 'get_weather',
        result:
          '{"city":"Lisbon","temperature":18,"unit":"celsius","sky":"light rain","wind_kmh":14}',
      },
      {
        type: 'tool_result',
        toolCallId: 'call_2',
        toolName: 'convert_units',
        result: '{"result":19.31,"unit":"km"}',
      },
    ]),
    ChatMessage.createAssistantMessage(answer),
  ];
}

/** A ChatAPI that answers each request with the next text, reporting usage and a model. */
function answeringApi(texts) {
  let count = 0;
  return scriptedApi([
    async function* () {
      const text = texts[Math.min(count, texts.length - 1)];
      count += 1;
      yield* textEvents(text);
      yield {
        ...finish(text),
        step: {
          ...finish(text).step,
          usage: { inputTokens: 412 + count * 37, outputTokens: 96 + count * 11, totalTokens: 0 },
          metadata: { model: 'gpt-4o-mini-2024-07-18' },
        },
      };
    },
  ]);
}

const inShadow = (selector) => chat.shadowRoot.querySelector(selector);
async function settled() {
  while (chat.running) await pause(10);
  await chat.updateComplete;
}

/** Two exchanges, the first answer regenerated and the second message edited: `< 2/2 >` on both. */
async function branched() {
  chat.showUsage = true;
  chat.chatApi = answeringApi([
    'Start at **Alfama** early, then take tram 28 up to the castle.',
    'Begin in **Belém**: the monastery opens at 9:30, and the pastéis are next door.',
    'Porto is two and a half hours away by train; a day trip works.',
    'Yes: take the 7:00 Alfa Pendular from Santa Apolónia and be in Porto by 9:45.',
  ]);
  await chat.send('Plan a morning in Lisbon.');
  inShadow('.message.assistant[data-exchange="0"] [part~="regenerate-button"]').click();
  await pause(20);
  await settled();
  await chat.send('Could I see Porto too?');
  inShadow('.message.user[data-exchange="1"] [part~="edit-button"]').click();
  await chat.updateComplete;
  const input = inShadow('[part~="edit-input"]');
  input.value = 'Could I fit in a day trip to Porto?';
  inShadow('[part~="send-edit-button"]').click();
  await pause(20);
  await settled();
}
/** A landscape photo drawn in the page (sky, sun, hills), as a file the user might attach. */
async function photoFile(width, height, name) {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  const sky = context.createLinearGradient(0, 0, 0, height);
  sky.addColorStop(0, '#5b8fd6');
  sky.addColorStop(1, '#f4c98b');
  context.fillStyle = sky;
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#fff1b8';
  context.beginPath();
  context.arc(width * 0.7, height * 0.42, height * 0.12, 0, Math.PI * 2);
  context.fill();
  for (const [color, top] of [
    ['#4f7a4a', 0.62],
    ['#2f5533', 0.74],
  ]) {
    context.fillStyle = color;
    context.beginPath();
    context.moveTo(0, height);
    for (let x = 0; x <= width; x += width / 40)
      context.lineTo(x, height * (top + 0.06 * Math.sin((x / width) * 7 + top * 10)));
    context.lineTo(width, height);
    context.fill();
  }
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  return new File([blob], name, { type: 'image/jpeg' });
}

/** Picks files with the element's file input, as the picker would, and waits until they are read. */
async function attach(files) {
  chat.setAttribute('attachments', '');
  let input;
  while (!(input = chat.shadowRoot.querySelector('input[type="file"]'))) await pause(20);
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  input.files = data.files;
  input.dispatchEvent(new Event('change'));
  while (
    !chat.shadowRoot.querySelector('[part~="attachment"]') ||
    chat.shadowRoot.querySelector('[part~="attachment"][data-state="reading"]')
  )
    await pause(20);
}

const csvFile = () =>
  new File(['month,rain_mm\nJan,100\nFeb,91\nMar,64\n'], 'lisbon-rain.csv', { type: 'text/csv' });

async function run() {
  switch (state) {
    case 'branches':
      await branched();
      break;
    case 'editing':
      await branched();
      inShadow('.message.user[data-exchange="1"] [part~="edit-button"]').click();
      await chat.updateComplete;
      break;
    case 'cleared':
      chat.messages = conversation();
      await chat.updateComplete;
      inShadow('[part~="new-conversation-button"]').click();
      await pause(20);
      await chat.updateComplete;
      break;
    case 'light':
    case 'dark':
      chat.messages = conversation();
      break;
    case 'empty':
      break;
    case 'key':
      chat.removeAttribute('no-key');
      chat.baseURL = 'https://api.openai.com/v1';
      break;
    case 'streaming':
      chat.chatApi = scriptedApi([
        async function* () {
          yield { type: 'reasoning-delta', text: 'The user wants a packing list. ' };
          yield {
            type: 'reasoning-delta',
            text: 'Keep it short and practical, grouped by category.',
          };
          yield* textEvents(
            'Here is a short **packing list** for a rainy weekend:\n\n- A light waterproof jacket\n- Quick-dry trousers\n- Shoes with ',
          );
          await never;
        },
      ]);
      void chat.send('What should I pack for a rainy weekend in Lisbon?');
      break;
    case 'scroll-button':
      // The reader scrolled up while the answer streams, and more of it arrived below.
      chat.messages = conversation();
      chat.chatApi = scriptedApi([
        async function* () {
          yield* textEvents(
            'Here is a plan for the **weekend**, day by day.\n\n' +
              Array.from(
                { length: 8 },
                (_, i) =>
                  `### Day ${i + 1}\n\nA walk through the old town, lunch by the river and a museum in the afternoon.`,
              ).join('\n\n'),
          );
          await pause(300);
          const view = chat.shadowRoot?.querySelector('[part~="transcript"]');
          if (view) view.scrollTop = view.scrollHeight - view.clientHeight - 500;
          await pause(300);
          yield* textEvents('\n\n### Day 9\n\nA day trip to the coast, back by train.');
          await never;
        },
      ]);
      void chat.send('Plan my week in Lisbon.');
      break;
    case 'tool':
      chat.chatApi = scriptedApi([
        async function* () {
          yield* toolEvents(weatherCalls);
          yield finish('', weatherCalls);
        },
        async function* () {
          yield* textEvents(answer);
          yield finish(answer);
        },
      ]);
      await chat.send('What is the weather in Lisbon, and how far is 12 miles in km?');
      break;
    case 'approval':
      chat.chatApi = scriptedApi([
        async function* () {
          const call = {
            id: 'call_mail',
            name: 'send_email',
            args: '{"to":"ana@example.com","subject":"Dinner on Friday","body":"Hi Ana, does 8 pm still work? See you there."}',
          };
          yield* textEvents('I will send that email now.');
          yield* toolEvents([call]);
          yield finish('I will send that email now.', [call]);
        },
      ]);
      void chat.send('Email Ana to confirm dinner on Friday at 8.');
      break;
    case 'approval-arguments':
      chat.chatApi = scriptedApi([trustScript]);
      void chat.send('Send Ana the photos from Friday.');
      break;
    case 'denied':
      chat.chatApi = scriptedApi([
        trustScript,
        async function* () {
          const text =
            'Understood, I did not send it. The attachment name hides a reversed extension; it is an .exe file.';
          yield* textEvents(text);
          yield finish(text);
        },
      ]);
      chat.addEventListener('tool-agent-tool-call', (event) =>
        event.respondWith({
          approved: false,
          reason: 'The attachment is an .exe file disguised as a photo.',
        }),
      );
      await chat.send('Send Ana the photos from Friday.');
      break;
    case 'error':
      chat.chatApi = scriptedApi([
        async function* () {
          yield* textEvents(
            'Lisbon has three classic viewpoints worth the climb: Miradouro da Graça, ',
          );
          await pause(50);
          throw new IncompleteStreamError(
            'The connection to https://api.example.com/v1/chat/completions was lost mid-stream.',
          );
        },
      ]);
      await chat.send('Which viewpoints should I visit in Lisbon?');
      break;
    case 'storage-unreadable':
      // A saved conversation cut off mid-write: the element must say so and keep it.
      localStorage.setItem(
        'screenshots:unreadable',
        '{"version":1,"messages":[{"role":"user","content":[{"type":"text","text":"What is the weather',
      );
      chat.storageKey = 'screenshots:unreadable';
      break;
    case 'save-failed':
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      chat.storageKey = 'screenshots:save-failed';
      chat.messages = conversation();
      break;
    case 'attachments-composer':
      await attach([
        await photoFile(4032, 3024, 'IMG_2041.jpg'),
        csvFile(),
        new File(['%PDF-1.7'], 'itinerary.pdf', { type: 'application/pdf' }),
      ]);
      chat.shadowRoot.querySelector('[part~="input"]').value =
        'Where was this taken, and how rainy is it in March?';
      break;
    case 'attachments-transcript': {
      chat.chatApi = scriptedApi([
        async function* () {
          const text =
            'That looks like the hills above **Sintra** at sunset.\n\nFrom your file, March is the driest of the three months: **64 mm** of rain, against 100 mm in January.';
          yield* textEvents(text);
          yield finish(text);
        },
      ]);
      await attach([await photoFile(4032, 3024, 'IMG_2041.jpg'), csvFile()]);
      const input = chat.shadowRoot.querySelector('[part~="input"]');
      input.value = 'Where was this taken, and how rainy is it in March?';
      input.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: 'Enter',
          bubbles: true,
          composed: true,
          cancelable: true,
        }),
      );
      while (chat.messages.length < 2 || chat.running) await pause(20);
      break;
    }
    case 'http-error':
      chat.chatApi = scriptedApi([
        // eslint-disable-next-line require-yield -- a request that fails before its first event
        async function* () {
          throw new HTTPError({
            status: 429,
            statusText: 'Too Many Requests',
            body: '',
            providerMessage: 'Rate limit reached for requests. Please try again in 20s.',
          });
        },
      ]);
      await chat.send('Hello?');
      break;
    case 'context-exceeded':
      chat.messages = conversation();
      chat.chatApi = scriptedApi([
        // eslint-disable-next-line require-yield -- a request that fails before its first event
        async function* () {
          throw new HTTPError({
            status: 400,
            statusText: 'Bad Request',
            body: '',
            code: 'context_length_exceeded',
            providerMessage:
              "This model's maximum context length is 8192 tokens. However, your messages resulted in 9403 tokens.",
          });
        },
      ]);
      await chat.send('Now compare it with the forecast for the whole week.');
      break;
    case 'notes':
      chat.messages = conversation();
      // Two notes above the answer: older messages left out, and a server that is not there.
      chat.contextBudget = 420;
      chat.mcpServers = [{ name: 'files', url: 'http://127.0.0.1:9/mcp' }];
      chat.chatApi = scriptedApi([
        async function* () {
          yield* textEvents('Next week looks drier: **sun from Tuesday**, highs around 21 °C.');
          yield finish('Next week looks drier: **sun from Tuesday**, highs around 21 °C.');
        },
      ]);
      await chat.send('And next week?');
      break;
  }
  window.stateReady = true;
}

void run();
