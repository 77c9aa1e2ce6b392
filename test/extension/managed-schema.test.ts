import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { managedStorageSchema, managedStorageSchemaText, toChromeSchema } from '../../src/extension/managed-schema.js';
import { policyJsonSchema } from '../../src/policy/json-schema.js';
import { PolicySchema, TermSchema, QuietHoursSchema, ActionSettingSchema } from '../../src/policy/schema.js';
import { CATEGORIES, SEVERITIES } from '../../src/classifier/types.js';
import { ROOT } from './helpers.js';

type Node = Record<string, unknown>;
const ALLOWED_KEYS = new Set(['type', 'description', 'title', 'properties', 'additionalProperties', 'patternProperties', 'items', 'enum', 'minimum', 'maximum', 'pattern', 'id', '$ref']);
const TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);

/** Every node uses only what Chrome's schema parser accepts. */
function checkSubset(node: Node, path: string, problems: string[]): void {
  for (const k of Object.keys(node)) if (!ALLOWED_KEYS.has(k)) problems.push(`${path}: ${k}`);
  if (typeof node.type !== 'string' || !TYPES.has(node.type)) problems.push(`${path}: type ${String(node.type)}`);
  if (Array.isArray(node.enum)) {
    if (node.type !== 'string' && node.type !== 'integer') problems.push(`${path}: enum of ${String(node.type)}`);
    for (const v of node.enum) if ((node.type === 'string' && typeof v !== 'string') || (node.type === 'integer' && !Number.isInteger(v))) problems.push(`${path}: enum value ${String(v)}`);
  }
  for (const [k, v] of Object.entries((node.properties as Record<string, Node>) ?? {})) checkSubset(v, `${path}.${k}`, problems);
  for (const [k, v] of Object.entries((node.patternProperties as Record<string, Node>) ?? {})) checkSubset(v, `${path}[${k}]`, problems);
  if (node.additionalProperties !== undefined) {
    if (typeof node.additionalProperties !== 'object') problems.push(`${path}: additionalProperties must be a schema`);
    else checkSubset(node.additionalProperties as Node, `${path}.*`, problems);
  }
  if (node.items) checkSubset(node.items as Node, `${path}[]`, problems);
}

describe('extension/managed-schema', () => {
  const schema = managedStorageSchema() as Node & { properties: Record<string, Node> };

  it('has every top-level policy key, typed', () => {
    assert.equal(schema.type, 'object');
    assert.deepEqual(Object.keys(schema.properties).sort(), Object.keys(PolicySchema.shape).sort());
  });

  it('has every nested key: severities, categories, action settings, terms, quiet hours', () => {
    const p = schema.properties;
    assert.deepEqual(Object.keys((p.severityActions!.properties as Node)).filter((k) => k !== '$comment').sort(), [...SEVERITIES].sort());
    const cats = p.categories!.properties as Record<string, Node>;
    assert.deepEqual(Object.keys(cats).filter((k) => k !== '$comment').sort(), [...CATEGORIES].sort());
    for (const c of CATEGORIES) assert.deepEqual(Object.keys(cats[c]!.properties as Node).sort(), Object.keys(ActionSettingSchema.shape).sort());
    assert.deepEqual(Object.keys((p.terms!.items as Node).properties as Node).sort(), Object.keys(TermSchema.shape).sort());
    assert.deepEqual(Object.keys(p.quietHours!.properties as Node).sort(), Object.keys(QuietHoursSchema.shape).sort());
    const rule = Object.values(p.rules!.patternProperties as Record<string, Node>)[0]!;
    assert.deepEqual(Object.keys(rule.properties as Node).sort(), Object.keys(ActionSettingSchema.shape).sort());
  });

  it("uses only Chrome's JSON Schema subset (no anyOf, const, null, number enums, size limits)", () => {
    const problems: string[] = [];
    checkSubset(schema, '$', problems);
    assert.deepEqual(problems, []);
  });

  it('keeps enums, patterns and bounds from the policy schema', () => {
    const p = schema.properties;
    assert.deepEqual(p.onError!.enum, ['send', 'hold']);
    assert.deepEqual(p.version, { type: 'integer', description: (policyJsonSchema().properties as Record<string, Node>).version!.description, enum: [1] });
    assert.equal(p.maxRecipients!.type, 'integer');
    assert.equal(p.maxRecipients!.maximum, 100000);
    assert.equal(p.quietHours!.type, 'object', 'nullable quietHours: the object branch (unset = leave the key out)');
    assert.equal(Object.keys(p.rules!.patternProperties as Node)[0], (policyJsonSchema().properties as Record<string, { propertyNames: { pattern: string } }>).rules!.propertyNames.pattern);
  });

  it('conversion rules (table), including what must fail', () => {
    assert.deepEqual(toChromeSchema({ anyOf: [{ type: 'null' }, { type: 'string' }] }), { type: 'string' });
    assert.deepEqual(toChromeSchema({ type: ['null', 'integer'] }), { type: 'integer' });
    assert.deepEqual(toChromeSchema({ const: 'x' }), { type: 'string', enum: ['x'] });
    assert.deepEqual(toChromeSchema({ type: 'array', items: { type: 'string', minLength: 1 }, maxItems: 3 }), { type: 'array', items: { type: 'string' } });
    assert.deepEqual(toChromeSchema({ $ref: '#/$defs/a' }, { a: { type: 'boolean' } }), { type: 'boolean' });
    assert.throws(() => toChromeSchema({ type: 'null' }), /cannot be expressed/);
    assert.throws(() => toChromeSchema({ anyOf: [{ type: 'null' }] }), /no representable branch/);
    assert.throws(() => toChromeSchema({ type: 'number', enum: [1.5] }), /enumeration of number/);
    assert.throws(() => toChromeSchema({ $ref: '#/$defs/missing' }), /unresolved/);
  });

  it('the built extension carries exactly this schema, and the manifest points at it', function () {
    const dir = join(ROOT, 'dist', 'extension');
    if (!existsSync(join(dir, 'managed_schema.json'))) this.skip(); // built by content.test.ts / npm run build:extension
    assert.equal(readFileSync(join(dir, 'managed_schema.json'), 'utf8'), managedStorageSchemaText());
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { storage: { managed_schema: string } };
    assert.equal(manifest.storage.managed_schema, 'managed_schema.json');
  });
});
