/**
 * The extension's managed-storage schema (manifest `storage.managed_schema`), generated from the
 * published policy JSON Schema (src/policy/json-schema.ts, itself generated from the zod schema),
 * so that the keys an admin can set in Google Admin / Chrome policy cannot drift from the keys
 * the policy validator understands. The build writes it (src/extension/build/pack.ts) and
 * test/extension/managed-schema.test.ts checks that every policy key is present.
 *
 * Chrome accepts only a subset of JSON Schema: `type` (one of object, array, string, integer,
 * number, boolean), `properties`, `additionalProperties` (a schema), `patternProperties`,
 * `items`, `enum`, `minimum`, `maximum`, `pattern`, `description`, `title`, `id`/`$ref`.
 * The conversion keeps those and maps the rest:
 * - `anyOf` (e.g. `$comment`: string or list; `quietHours`: object or null) -> its first branch
 *   that is not `null` (managed values cannot be null; leaving a key out is how to unset it);
 * - `const` -> a one-value `enum` (Chrome enumerates integers and strings only, so a `number`
 *   whose values are whole becomes `integer`); `type: [..]` -> the first non-null type;
 * - `propertyNames` (rule ids of `rules`) -> `patternProperties` with that pattern;
 * - size limits, `required`, `additionalProperties: false`, formats: dropped. The extension
 *   validates the policy in full when it loads it, so nothing the subset cannot say is lost.
 */
import { policyJsonSchema } from '../policy/json-schema.js';

type Json = Record<string, unknown>;

const CHROME_TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);
const KEPT = ['description', 'title', 'enum', 'minimum', 'maximum', 'pattern'] as const;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function resolveRef(node: Json, defs: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const name = ref.replace(/^#\/(\$defs|definitions)\//, '');
  const target = defs[name];
  if (!isObject(target)) throw new Error(`managed schema: unresolved $ref ${ref}`);
  return { ...target, ...Object.fromEntries(Object.entries(node).filter(([k]) => k !== '$ref')) };
}

function typeOfConst(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Converts one JSON Schema node to Chrome's subset. */
export function toChromeSchema(input: Json, defs: Json = {}, depth = 0): Json {
  if (depth > 32) throw new Error('managed schema: nesting too deep');
  let node = resolveRef(input, defs);
  if (Array.isArray(node.anyOf) || Array.isArray(node.oneOf)) {
    const branches = ((node.anyOf ?? node.oneOf) as Json[]).map((b) => resolveRef(b, defs));
    const first = branches.find((b) => b.type !== 'null');
    if (!first) throw new Error('managed schema: a union with no representable branch');
    const { anyOf: _a, oneOf: _o, ...rest } = node;
    node = { ...first, ...rest };
  }
  const out: Json = {};
  let type = node.type;
  if (Array.isArray(type)) type = type.find((t) => t !== 'null');
  if (type === undefined && 'const' in node) type = typeOfConst(node.const);
  if (type === undefined && Array.isArray(node.enum) && node.enum.length > 0) type = typeOfConst(node.enum[0]);
  if (typeof type !== 'string' || !CHROME_TYPES.has(type)) {
    throw new Error(`managed schema: type ${JSON.stringify(type)} cannot be expressed in Chrome's schema`);
  }
  for (const k of KEPT) if (k in node) out[k] = node[k];
  if ('const' in node) out.enum = [node.const];
  // Chrome allows enumerations of integers and strings only: `number` with whole values is `integer`.
  if (type === 'number' && Array.isArray(out.enum) && out.enum.every((v) => Number.isInteger(v))) type = 'integer';
  if (Array.isArray(out.enum) && type !== 'string' && type !== 'integer') throw new Error(`managed schema: an enumeration of ${type} is not allowed`);
  out.type = type;
  if (type === 'object') {
    if (isObject(node.properties)) {
      out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, toChromeSchema(v as Json, defs, depth + 1)]));
    }
    const names = isObject(node.propertyNames) ? node.propertyNames.pattern : undefined;
    if (isObject(node.additionalProperties)) {
      const value = toChromeSchema(node.additionalProperties, defs, depth + 1);
      if (typeof names === 'string') out.patternProperties = { [names]: value };
      else out.additionalProperties = value;
    }
  }
  if (type === 'array' && isObject(node.items)) out.items = toChromeSchema(node.items, defs, depth + 1);
  return out;
}

/** The schema file the manifest points at. */
export function managedStorageSchema(): Json {
  const full = policyJsonSchema();
  const defs = { ...(isObject(full.$defs) ? full.$defs : {}), ...(isObject(full.definitions) ? full.definitions : {}) };
  const converted = toChromeSchema(full, defs);
  return { type: 'object', ...(converted.description ? { description: converted.description } : {}), properties: converted.properties ?? {} };
}

export function managedStorageSchemaText(): string {
  return `${JSON.stringify(managedStorageSchema(), null, 2)}\n`;
}
