import type { McpCallToolResult, McpContentPart } from './mcp-types.js';

/**
 * Said of every image or audio part: why the model gets a description instead. OpenAI-compatible
 * endpoints accept only text in `tool` messages, and base64 pasted there is read as characters
 * (thousands of tokens of noise), not seen; the agent loop has no way to add an image message of
 * its own after a tool round. So the model learns that a picture exists, its type and size, and
 * can tell the user; the page can still show it from the raw result.
 */
export const mediaNotShownNote =
  'Not shown to you: tool results here carry text only. Tell the user the tool returned it.';

/** A content part as the model reads it. */
export type McpContentForModel =
  | { readonly type: 'text'; readonly text: string }
  | {
      readonly type: 'image' | 'audio';
      readonly mimeType: string;
      readonly bytes: number;
      readonly note: string;
    }
  | {
      readonly type: 'resource';
      readonly uri: string;
      readonly mimeType?: string | undefined;
      readonly text?: string | undefined;
      readonly bytes?: number | undefined;
      readonly note?: string | undefined;
    }
  | Extract<McpContentPart, { readonly type: 'resource_link' }>
  | { readonly type: string; readonly note: string };

type Part = McpContentPart;

// Base64 length to bytes: 4 characters carry 3 bytes, less the padding.
function base64Bytes(data: string): number {
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((data.length * 3) / 4) - padding);
}

function optional<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

function forModel(part: Part): McpContentForModel {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text };
    case 'image':
    case 'audio':
      return {
        type: part.type,
        mimeType: part.mimeType,
        bytes: base64Bytes(part.data),
        note: mediaNotShownNote,
      };
    case 'resource': {
      const { resource } = part;
      return 'text' in resource && typeof resource.text === 'string'
        ? {
            type: 'resource',
            uri: resource.uri,
            ...optional({ mimeType: resource.mimeType }),
            text: resource.text,
          }
        : {
            type: 'resource',
            uri: resource.uri,
            ...optional({ mimeType: resource.mimeType }),
            bytes:
              'blob' in resource && typeof resource.blob === 'string'
                ? base64Bytes(resource.blob)
                : 0,
            note: 'Binary content, not shown to you.',
          };
    }
    case 'resource_link':
      return {
        type: 'resource_link',
        uri: part.uri,
        name: part.name,
        ...optional({ title: part.title, description: part.description, mimeType: part.mimeType }),
      };
    default:
      return {
        type: String((part as { type: unknown }).type),
        note: 'A kind of content this client does not read.',
      };
  }
}

/** The text of a result's text parts, for an error's message. */
export function resultText(result: McpCallToolResult): string {
  return result.content
    .filter((part): part is Extract<Part, { type: 'text' }> => part.type === 'text')
    .map((part) => part.text)
    .join('\n');
}

/**
 * What the model reads for an MCP tool result (the value `execute` returns, sent as JSON):
 * - `structuredContent` when the server sent it (its text parts repeat it, by the spec's advice),
 *   with any non-text parts beside it as `{ structuredContent, content }`;
 * - the text alone when the result is text only (one string, parts joined by blank lines);
 * - otherwise `{ content: [...] }`: text as is, embedded text resources with their text, resource
 *   links with their URI and name, images, audio and binary resources described (type, size) with
 *   a note, see {@link mediaNotShownNote}.
 * `isError` results are not mapped here: the tool throws, so the model gets an error result.
 */
export function toModelResult(result: McpCallToolResult): unknown {
  const parts = result.content;
  const others = parts.filter((part) => part.type !== 'text');
  if (result.structuredContent !== undefined)
    return others.length === 0
      ? result.structuredContent
      : { structuredContent: result.structuredContent, content: others.map(forModel) };
  if (others.length === 0)
    return parts.map((part) => (part.type === 'text' ? part.text : '')).join('\n\n');
  return { content: parts.map(forModel) };
}
