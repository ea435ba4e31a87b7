/** What a bare `attachments` attribute accepts: images, and text and source files by extension. */
export const defaultAttachmentTypes = [
  'image/*',
  'text/*',
  '.txt',
  '.md',
  '.markdown',
  '.csv',
  '.tsv',
  '.json',
  '.jsonl',
  '.xml',
  '.yaml',
  '.yml',
  '.toml',
  '.ini',
  '.log',
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.cjs',
  '.ts',
  '.tsx',
  '.jsx',
  '.py',
  '.rb',
  '.go',
  '.rs',
  '.java',
  '.kt',
  '.swift',
  '.c',
  '.h',
  '.cpp',
  '.hpp',
  '.cs',
  '.php',
  '.sh',
  '.sql',
  '.r',
  '.lua',
].join(',');

// Types a browser gives text files; extensions alone decide for the rest (.ts is "video/mp2t").
const textTypes = /^(?:text\/|application\/(?:json|xml|x-yaml|yaml|toml|javascript|x-sh|sql)\b)/i;
const textExtensions = new Set(
  defaultAttachmentTypes.split(',').filter((token) => token.startsWith('.')),
);

/** The `attachments` attribute as a list of `accept` tokens; an empty value means the default set. */
export function acceptedTypes(attribute: string): readonly string[] {
  const tokens = attribute
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter(Boolean);
  return tokens.length > 0 ? tokens : defaultAttachmentTypes.split(',');
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** True when `file` matches one of the tokens, as `<input accept>` matches: `.ext`, `type/*` or `type/subtype`. */
export function isAccepted(file: Pick<File, 'name' | 'type'>, tokens: readonly string[]): boolean {
  const extension = extensionOf(file.name);
  const type = file.type.toLowerCase();
  return tokens.some((token) => {
    if (token.startsWith('.')) return token === extension;
    if (token.endsWith('/*')) return type.startsWith(token.slice(0, -1));
    return token === type;
  });
}

/** How a file is read: as an image (sent as an image part) or as text (sent as a text part). */
export function attachmentKind(file: Pick<File, 'name' | 'type'>): 'image' | 'text' {
  if (textExtensions.has(extensionOf(file.name)) || textTypes.test(file.type)) return 'text';
  return file.type.toLowerCase().startsWith('image/') ? 'image' : 'text';
}
