// @ts-check
// `npm run analyze`: writes custom-elements.json from the JSDoc contract of <tool-agent-chat>.

/** The analyzer also lists `dispatchEvent(new SomeEvent())` calls it cannot name; the JSDoc `@fires` already names them. */
function dropUnnamedEvents() {
  return {
    name: 'drop-unnamed-events',
    /** @param {{ customElementsManifest: { modules: { declarations?: { events?: { name?: string }[] }[] }[] } }} context */
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.events)
            declaration.events = declaration.events.filter((event) => event.name);
        }
      }
    },
  };
}

export default {
  // The public surface only: the element, its events and the entry that registers it.
  globs: ['components/index.ts', 'components/tool-agent-chat.ts', 'components/chat-events.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [dropUnnamedEvents()],
};
