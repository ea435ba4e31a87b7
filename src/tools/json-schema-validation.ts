import type { SchemaDraft, Validator } from '@cfworker/json-schema';

/** One way a value fails a JSON Schema: where (path into the value) and why. */
interface JsonSchemaIssue {
  /** Keys and indexes from the root of the value to the part that failed (`[]`: the root). */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Validates values against one JSON Schema; built by {@link loadJsonSchemaValidator}. */
export type JsonSchemaCheck = (value: unknown) => readonly JsonSchemaIssue[];

const drafts: Readonly<Record<string, SchemaDraft>> = {
  'http://json-schema.org/draft-04/schema': '4',
  'http://json-schema.org/draft-07/schema': '7',
  'https://json-schema.org/draft/2019-09/schema': '2019-09',
  'https://json-schema.org/draft/2020-12/schema': '2020-12',
};

/** The draft a schema declares with `$schema`; 2020-12 (MCP's default) when it declares none. */
function schemaDraft(schema: Readonly<Record<string, unknown>>): SchemaDraft {
  const declared = typeof schema['$schema'] === 'string' ? schema['$schema'] : '';
  return drafts[declared.replace(/#$/, '')] ?? '2020-12';
}

// cfworker reports `#/a/0/b` (JSON Pointer in a URI fragment); keep numbers as indexes for zod's printer.
function pathOf(instanceLocation: string): (string | number)[] {
  return instanceLocation
    .replace(/^#\/?/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

// Summaries that only say "something below failed": the issues below say what.
const summaryKeywords = new Set([
  '$ref',
  '$recursiveRef',
  'properties',
  'patternProperties',
  'items',
  'prefixItems',
  'allOf',
  'then',
  'else',
  'dependentSchemas',
  'unevaluatedItems',
]);

// The value at a keyword location (`#/properties/zip/pattern`) of the schema, to name it.
function keywordValue(schema: unknown, keywordLocation: string): unknown {
  let value = schema;
  for (const segment of pathOf(keywordLocation)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function issuesOf(
  validator: Validator,
  schema: Readonly<Record<string, unknown>>,
  value: unknown,
): JsonSchemaIssue[] {
  const { valid, errors } = validator.validate(value);
  if (valid) return [];
  const issues: (JsonSchemaIssue & { readonly summary: boolean })[] = [];
  const extraProperties = new Set<string>();
  for (const unit of errors) {
    const path = pathOf(unit.instanceLocation);
    const extra =
      /^Property "(.*)" does not match (additional|unevaluated) properties schema\.$/.exec(
        unit.error,
      );
    if (extra) {
      // The property's own "False boolean schema." says nothing more: name the property instead.
      const property = extra[1] ?? '';
      extraProperties.add(`${unit.instanceLocation}/${property}`);
      issues.push({
        path: [...path, property],
        message: `Unexpected property "${property}": the schema allows no other properties here.`,
        summary: false,
      });
      continue;
    }
    if (unit.keyword === 'false' && extraProperties.has(unit.instanceLocation)) continue;
    const pattern =
      unit.keyword === 'pattern' ? keywordValue(schema, unit.keywordLocation) : undefined;
    issues.push({
      path,
      message:
        typeof pattern === 'string'
          ? `String does not match the pattern ${JSON.stringify(pattern)}.`
          : unit.error,
      summary: summaryKeywords.has(unit.keyword) && /schema|subschema/i.test(unit.error),
    });
  }
  const specific = issues.filter((issue) => !issue.summary);
  return (specific.length > 0 ? specific : issues).map(({ path, message }) => ({ path, message }));
}

/**
 * Loads the validator (`@cfworker/json-schema`: an interpreter, no `eval` or `new Function`, so it
 * runs under a strict CSP) on first use, so bundles that never validate a JSON Schema carry none
 * of it, and compiles `schema`. Rejects when the validator refuses the schema itself.
 */
export async function loadJsonSchemaValidator(
  schema: Readonly<Record<string, unknown>>,
): Promise<JsonSchemaCheck> {
  const { Validator } = await import('@cfworker/json-schema');
  // cfworker writes its bookkeeping (`__absolute_ref__`) into the schema it is given: give it a copy.
  const validator = new Validator(structuredClone(schema), schemaDraft(schema), false);
  return (value) => issuesOf(validator, schema, value);
}
