import { defaultCodeBlockLabels, type CodeBlockLabels } from './markdown/code-block-labels.js';

/**
 * Every word `<tool-agent-chat>` shows or announces. Set a partial object on the element's
 * `strings` property to translate it; strings with values are functions of those values.
 */
export interface ChatStrings extends CodeBlockLabels {
  /** The message input's placeholder (the `placeholder` attribute wins when set). */
  readonly placeholder: string;
  /** The conversation log's accessible name (the `label` attribute wins when set). */
  readonly label: string;
  /** The message input's accessible name; `to` is the `heading`, or `assistant` without one. */
  readonly messageTo: (to: string) => string;
  /** Who the message input addresses when the element has no `heading`. */
  readonly assistant: string;
  /** The Send button's accessible name. */
  readonly send: string;
  /** The Send button's tooltip. */
  readonly sendHint: string;
  /** The Stop button's accessible name. */
  readonly stop: string;
  /** The Stop button's tooltip. */
  readonly stopHint: string;
  /** Read out before each of the user's messages (visually hidden). */
  readonly youSaid: string;
  /** Read out before each answer (visually hidden). */
  readonly assistantSaid: string;
  /** The note under an answer the user stopped, and a stopped tool call's status. */
  readonly stopped: string;
  /** The note under an answer cut off by an error. */
  readonly interrupted: string;
  /** The reasoning section's summary while the model thinks. */
  readonly thinking: string;
  /** The reasoning section's summary once the thinking is done. */
  readonly thoughts: string;
  /** A tool card's status while its arguments stream. */
  readonly preparing: string;
  /** A tool card's status while it waits for Approve or Deny. */
  readonly awaitingApproval: string;
  /** A tool card's status while the tool runs. */
  readonly running: string;
  /** A tool card's status after the tool succeeded. */
  readonly done: string;
  /** A tool card's status after the tool failed. */
  readonly failed: string;
  /** A tool card's status after the call was denied. */
  readonly denied: string;
  /** A tool card's accessible name. */
  readonly toolCall: (name: string) => string;
  /** The line on a tool card whose name or arguments hold invisible or control characters. */
  readonly hiddenNote: string;
  /** The tool card's Arguments section summary. */
  readonly arguments: string;
  /** Shown for a call with an empty arguments object. */
  readonly noArguments: string;
  /** Shown for an argument that is an empty string. */
  readonly emptyText: string;
  /** Above long streaming arguments: how many earlier characters are not shown. */
  readonly elided: (count: number) => string;
  /** The result section's summary of a denied call. */
  readonly notRun: string;
  /** The result section's summary of a failed call. */
  readonly error: string;
  /** The result section's summary of a finished call. */
  readonly result: string;
  /** The approval prompt's accessible name. */
  readonly allowName: (name: string) => string;
  /** The approval prompt's question. */
  readonly allow: string;
  /** The Approve button. */
  readonly approve: string;
  /** The Deny button. */
  readonly deny: string;
  /** The Retry button under a failed answer. */
  readonly retry: string;
  /** A message's copy button (its markdown source). */
  readonly copyMessage: string;
  /** A user message's edit button. */
  readonly editMessage: string;
  /** The accessible name of the text box editing a user message. */
  readonly editLabel: string;
  /** The button sending an edited message (a new version; the old one is kept). */
  readonly sendEdit: string;
  /** The button closing the edit box without sending. */
  readonly cancelEdit: string;
  /** An answer's button that asks again (a new version; the old one is kept). */
  readonly regenerate: string;
  /** The button showing the previous version of a message or answer. */
  readonly previousVersion: string;
  /** The button showing the next version of a message or answer. */
  readonly nextVersion: string;
  /** Between the version buttons, e.g. "2/3"; `index` counts from 1. */
  readonly versionOf: (index: number, count: number) => string;
  /** The accessible name of the version buttons' group, e.g. "Version 2 of 3". */
  readonly versionLabel: (index: number, count: number) => string;
  /** Announced when another version is shown. */
  readonly versionAnnouncement: (index: number, count: number) => string;
  /** Under an answer (with `show-usage`): its tokens and the model that answered, if known. */
  readonly usage: (inputTokens: number, outputTokens: number, model: string | undefined) => string;
  /** The button that starts a new conversation. */
  readonly newConversation: string;
  /** Shown (and announced) after a new conversation replaced the old one, beside Undo. */
  readonly conversationCleared: string;
  /** Brings the cleared conversation back. */
  readonly undo: string;
  /** Announced when Undo brought the conversation back. */
  readonly conversationRestored: string;
  /** The key form's request; `host` is the endpoint's host. */
  readonly keyNeeded: (host: string) => string;
  /** The key form after the server answered 401 to a request sent without a key. */
  readonly keyMissing: (host: string) => string;
  /** The key form after the server refused the key. */
  readonly keyRejected: (host: string) => string;
  /** The key form after a pasted key held a character that cannot be sent. */
  readonly keyUnsendable: (character: string, position: number) => string;
  /** The key form's promise, after its request. */
  readonly keySentOnly: string;
  /** The key input's label and placeholder. */
  readonly apiKey: string;
  /** The key form's submit button. */
  readonly useKey: string;
  /** The key form's checkbox. */
  readonly rememberKey: string;
  /** Under the composer: the typed key is remembered on this device. */
  readonly keyRemembered: string;
  /** Under the composer: the typed key is kept until the page closes. */
  readonly keyKept: string;
  /** The button that forgets the typed key. */
  readonly forgetKey: string;
  /** Storage notice title: the saved conversation could not be read. */
  readonly unreadable: string;
  /** Storage notice, after the reason: what an unreadable saved conversation means. */
  readonly unreadableDetail: string;
  /** Storage notice title: the saved conversation is from a newer version. */
  readonly newerVersion: string;
  /** Storage notice, after the reason: what a newer saved conversation means. */
  readonly newerVersionDetail: string;
  /** Storage notice title: the conversation could not be saved. */
  readonly saveFailed: string;
  /** Storage notice, after the reason: what a failed save means. */
  readonly saveFailedDetail: string;
  /** The storage notice's button that deletes an unreadable saved conversation. */
  readonly startOver: string;
  /** The storage notice's button that hides a failed save. */
  readonly dismiss: string;
  /** Error title of a restored conversation whose last message has no answer. */
  readonly noAnswer: string;
  /** Error detail of a restored conversation whose last message has no answer. */
  readonly noAnswerDetail: string;
  /** The scroll-to-bottom button's text while the reader is above the bottom of a running turn. */
  readonly scrollToLatest: string;
  /** The scroll-to-bottom button's text once new content arrived below the reader (announced politely). */
  readonly newMessagesBelow: string;
  /** Announced when an answer arrives (a long answer is cut to its beginning; the log holds it all). */
  readonly saidAnnouncement: (answer: string) => string;
  /** Announced when a turn ends with no text (only tool calls). */
  readonly doneAnnouncement: string;
  /** Announced when the user stops a turn. */
  readonly stoppedAnnouncement: string;
  /** Announced when a turn fails. */
  readonly errorAnnouncement: (title: string, detail: string) => string;
  /** Error title of an HTTP failure; `meaning` is one of the `http…` strings. */
  readonly httpTitle: (status: number, meaning: string) => string;
  /** HTTP 401 (and other refusals of the key). */
  readonly http401: string;
  /** HTTP 401 (or another refusal of the key) to a request sent without a key. */
  readonly httpNoKey: string;
  /** HTTP 403. */
  readonly http403: string;
  /** HTTP 404. */
  readonly http404: string;
  /** HTTP 429. */
  readonly http429: string;
  /** HTTP 503. */
  readonly http503: string;
  /** Any other 5xx status. */
  readonly http5xx: string;
  /** Any other 4xx status. */
  readonly http4xx: string;
  /** Error detail after a refused key (following what the server said). */
  readonly enterValidKey: string;
  /** Error detail after a refusal when no key was sent. */
  readonly enterKey: string;
  /** Error detail when an HTTP error carries no message. */
  readonly noServerMessage: string;
  /** Error detail when a stream error or exception carries no message. */
  readonly noMessage: string;
  /** Error title of a network failure (the detail is the library's hint). */
  readonly unreachable: string;
  /** Error title of an error event in the middle of a stream. */
  readonly streamFailed: string;
  /** Error title of a stream that ended early. */
  readonly cutShort: string;
  /** Error detail of a stream that ended early. */
  readonly cutShortDetail: string;
  /** Error title of a key or header value that cannot be sent; `header` is undefined for the key. */
  readonly unsendable: (header: string | undefined) => string;
  /** Error detail of a value that cannot be sent. */
  readonly unsendableDetail: (character: string, position: number) => string;
  /** Error title when no response headers arrived in time. */
  readonly noResponse: string;
  /** Error detail when no response headers arrived in time. */
  readonly noResponseDetail: (seconds: number) => string;
  /** Error title when the stream went silent. */
  readonly stalled: string;
  /** Error detail when the stream went silent. */
  readonly stalledDetail: (seconds: number) => string;
  /** Error title of a stream event over the size limit (the detail is the library's message). */
  readonly oversized: string;
  /** Error title of a malformed stream (the detail is the library's message). */
  readonly malformed: string;
  /** Error title of any other library error (the detail is its message). */
  readonly requestFailed: string;
  /** Error title of anything else thrown (the detail is its message). */
  readonly unexpected: string;
  /** Error title when the provider said the conversation does not fit the model's context. */
  readonly contextExceeded: string;
  /** What "Continue with a shorter context" does, after the provider's words. */
  readonly contextExceededDetail: string;
  /** The button that runs the failed turn again with the oldest messages left out. */
  readonly continueShorter: string;
  /** Error title when the latest message alone is over the `context-budget`. */
  readonly overBudget: string;
  /** Error detail of `overBudget`. */
  readonly overBudgetDetail: (requiredTokens: number, budget: number) => string;
  /** The note above an answer whose request left out earlier messages to fit the context budget. */
  readonly contextTrimmed: (droppedMessages: number, budget: number) => string;
  /** The note above an answer when an MCP server's tools could not be offered; `reason` says why. */
  readonly mcpUnavailable: (server: string, reason: string) => string;
  /** The attach button's accessible name and tooltip (with `attachments`). */
  readonly attachFiles: string;
  /** The accessible name of the list of files waiting to be sent. */
  readonly attachments: string;
  /** Shown over the element while files are dragged over it. */
  readonly dropFiles: string;
  /** A waiting file's note while it is read (and an image downscaled). */
  readonly readingFile: string;
  /** The accessible name of the button that removes a waiting file. */
  readonly removeFile: (name: string) => string;
  /** A file's size, e.g. "1.2 MB" (`bytes` as picked). */
  readonly fileSize: (bytes: number) => string;
  /** The note on an image downscaled before sending: the size sent, and the size picked. */
  readonly imageResized: (
    width: number,
    height: number,
    fromWidth: number,
    fromHeight: number,
  ) => string;
  /** The note on an image re-encoded before sending; `format` is e.g. "JPEG". */
  readonly imageConverted: (format: string) => string;
  /** Announced when a file is ready to be sent. */
  readonly fileAttached: (name: string) => string;
  /** A file over the size limit (`size` and `limit` from `fileSize`). */
  readonly fileTooLarge: (name: string, size: string, limit: string) => string;
  /** A file of a type the `attachments` attribute does not accept. */
  readonly fileRefused: (name: string) => string;
  /** A file taken as text that is not UTF-8 text. */
  readonly fileNotText: (name: string) => string;
  /** An image the browser could not decode. */
  readonly imageUnreadable: (name: string) => string;
  /** A file the browser could not read. */
  readonly fileUnreadable: (name: string) => string;
  /** The alternative text of an image in the transcript that has no file name. */
  readonly image: string;
  /** In the transcript, in place of a remote image (never loaded); the URL follows as text. */
  readonly imageNotLoaded: string;
}

/** The element's English strings: what `strings` is merged over. */
export const defaultChatStrings: ChatStrings = {
  placeholder: 'Send a message',
  label: 'Conversation',
  messageTo: (to) => `Message to ${to}`,
  assistant: 'the assistant',
  send: 'Send',
  sendHint: 'Send (Enter)',
  stop: 'Stop',
  stopHint: 'Stop (Escape)',
  youSaid: 'You said:',
  assistantSaid: 'Assistant said:',
  stopped: 'Stopped',
  interrupted: 'Interrupted',
  thinking: 'Thinking…',
  thoughts: 'Thoughts',
  preparing: 'Preparing',
  awaitingApproval: 'Awaiting approval',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  denied: 'Denied',
  toolCall: (name) => `Tool call: ${name}`,
  hiddenNote: 'Contains invisible or control characters, shown as codes such as U+202E.',
  arguments: 'Arguments',
  noArguments: 'No arguments',
  emptyText: 'empty text',
  elided: (count) =>
    `… ${count.toLocaleString('en')} earlier characters (shown in full once complete)`,
  notRun: 'Not run',
  error: 'Error',
  result: 'Result',
  allowName: (name) => `Allow ${name} to run?`,
  allow: 'Allow this tool to run?',
  approve: 'Approve',
  deny: 'Deny',
  retry: 'Retry',
  copyMessage: 'Copy message',
  editMessage: 'Edit message',
  editLabel: 'Edit your message',
  sendEdit: 'Send',
  cancelEdit: 'Cancel',
  regenerate: 'Regenerate answer',
  previousVersion: 'Previous version',
  nextVersion: 'Next version',
  versionOf: (index, count) => `${index}/${count}`,
  versionLabel: (index, count) => `Version ${index} of ${count}`,
  versionAnnouncement: (index, count) => `Showing version ${index} of ${count}.`,
  usage: (inputTokens, outputTokens, model) =>
    `${inputTokens.toLocaleString('en')} tokens in · ${outputTokens.toLocaleString('en')} out${model ? ` · ${model}` : ''}`,
  newConversation: 'New conversation',
  conversationCleared: 'Conversation cleared',
  undo: 'Undo',
  conversationRestored: 'Conversation restored.',
  keyNeeded: (host) => `This chat needs your API key for ${host}.`,
  keyMissing: (host) =>
    `This endpoint (${host}) needs an API key; none was sent. Enter yours and the message is sent again.`,
  keyRejected: (host) => `${host} rejected the API key. Enter another one.`,
  keyUnsendable: (character, position) =>
    `The API key contains a character that cannot be sent (a ${character} at position ${position}); it was probably copied along with it. Paste the key again.`,
  keySentOnly: 'It is sent only to that server.',
  apiKey: 'API key',
  useKey: 'Use key',
  rememberKey: 'Remember on this device',
  keyRemembered: 'Your API key is remembered on this device.',
  keyKept: 'Your API key is kept until this page closes.',
  forgetKey: 'Forget key',
  unreadable: 'The saved conversation could not be read',
  unreadableDetail:
    'It is kept as it is, and nothing is saved over it. Start over deletes it and saves this conversation from now on.',
  newerVersion: 'The saved conversation is from a newer version of this chat',
  newerVersionDetail:
    'It is kept as it is; this conversation is not saved, so it will not survive a reload.',
  saveFailed: 'The conversation could not be saved',
  saveFailedDetail: 'It stays on this page but will be lost when the page closes.',
  startOver: 'Start over',
  dismiss: 'Dismiss',
  noAnswer: 'No answer yet',
  noAnswerDetail:
    'The answer to this message did not arrive before the page was closed or the request failed.',
  scrollToLatest: 'Jump to the latest',
  newMessagesBelow: 'New messages below',
  saidAnnouncement: (answer) => `Assistant: ${answer}`,
  doneAnnouncement: 'The assistant finished.',
  stoppedAnnouncement: 'Stopped.',
  errorAnnouncement: (title, detail) => `Error: ${title}. ${detail}`,
  httpTitle: (status, meaning) => `HTTP ${status}: ${meaning}`,
  http401: 'the API key was rejected',
  httpNoKey: 'this endpoint needs an API key',
  http403: 'access is not allowed',
  http404: 'the endpoint or model was not found',
  http429: 'too many requests or quota exceeded',
  http503: 'the service is unavailable',
  http5xx: 'the server failed',
  http4xx: 'the request was rejected',
  enterValidKey: 'Enter a valid API key, then retry.',
  enterKey: 'No API key was sent. Enter one below and the message is sent again.',
  noServerMessage: 'The server gave no message.',
  noMessage: 'No message was given.',
  unreachable: 'Could not reach the server',
  streamFailed: 'The provider reported an error mid-answer',
  cutShort: 'The answer was cut short',
  cutShortDetail: 'The connection ended before the response was finished.',
  unsendable: (header) =>
    `${header === undefined ? 'The API key' : `The header "${header}"`} cannot be sent`,
  unsendableDetail: (character, position) =>
    `It contains a ${character} at position ${position}, probably copied along with it. Paste it again or type that part by hand.`,
  noResponse: 'The server did not answer in time',
  noResponseDetail: (seconds) =>
    `No response within ${seconds} s. A local model may still be loading, or the server is overloaded; try again.`,
  stalled: 'The answer stalled',
  stalledDetail: (seconds) =>
    `Nothing arrived for ${seconds} s, so the request was stopped; what arrived is kept.`,
  oversized: 'The server sent an oversized response',
  malformed: 'The server sent an unreadable response',
  requestFailed: 'The request failed',
  unexpected: 'Something went wrong',
  contextExceeded: 'The conversation is too long for this model',
  contextExceededDetail:
    'Continue with a shorter context to leave out the oldest messages (they stay on screen), or start a new conversation.',
  continueShorter: 'Continue with a shorter context',
  overBudget: 'The message is too long for the context budget',
  overBudgetDetail: (requiredTokens, budget) =>
    `It needs about ${requiredTokens.toLocaleString('en')} tokens with the system prompt and tools; the budget is ${budget.toLocaleString('en')}. Shorten it and send it again.`,
  contextTrimmed: (droppedMessages, budget) =>
    `${droppedMessages === 1 ? 'The oldest message was' : `The ${droppedMessages.toLocaleString('en')} oldest messages were`} left out of this request to fit the context budget of ${budget.toLocaleString('en')} tokens.`,
  mcpUnavailable: (server, reason) =>
    `The tools of "${server}" are not available for this answer: ${reason}`,
  attachFiles: 'Attach files',
  attachments: 'Files to send',
  dropFiles: 'Drop files to attach them',
  readingFile: 'Reading…',
  removeFile: (name) => `Remove ${name}`,
  fileSize: (bytes) =>
    bytes < 1000
      ? `${bytes} B`
      : bytes < 1_000_000
        ? `${(bytes / 1000).toLocaleString('en', { maximumFractionDigits: 1 })} KB`
        : `${(bytes / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} MB`,
  imageResized: (width, height, fromWidth, fromHeight) =>
    `Resized to ${width}×${height} (from ${fromWidth}×${fromHeight})`,
  imageConverted: (format) => `Converted to ${format}`,
  fileAttached: (name) => `Attached ${name}.`,
  fileTooLarge: (name, size, limit) =>
    `${name} was not attached: it is ${size}, and files up to ${limit} can be attached.`,
  fileRefused: (name) => `${name} was not attached: this chat does not take files of its type.`,
  fileNotText: (name) => `${name} was not attached: it is not a UTF-8 text file.`,
  imageUnreadable: (name) => `${name} was not attached: it could not be read as an image.`,
  fileUnreadable: (name) => `${name} was not attached: it could not be read.`,
  image: 'Image',
  imageNotLoaded: 'Image not loaded:',
  ...defaultCodeBlockLabels,
};

/** A text that depends on the strings in force, so it follows a later change of `strings`. */
export type ChatText = (strings: ChatStrings) => string;
