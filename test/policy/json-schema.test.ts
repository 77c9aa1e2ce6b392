import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { policyJsonSchema, policyJsonSchemaText } from '../../src/policy/json-schema.js';
import { ACTIONS, CATEGORIES } from '../../src/classifier/types.js';

type Node = Record<string, any>;

describe('policy/json-schema', () => {
  const schema = policyJsonSchema() as Node;

  it('is a draft 2020-12 schema with an id and the version', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.match(String(schema.$id), /policy-v1\.json$/);
    assert.equal(schema.properties.version.const, 1);
  });

  it('rejects unknown keys (editors underline typos) and lists every category', () => {
    assert.equal(schema.additionalProperties, false);
    assert.equal(schema.properties.categories.additionalProperties, false);
    assert.deepEqual(Object.keys(schema.properties.categories.properties).filter((k) => k !== '$comment'), [...CATEGORIES]);
  });

  it('carries the enums and formats of the zod schema', () => {
    const action = schema.properties.severityActions.properties.high;
    assert.deepEqual(action.enum, [...ACTIONS]);
    const term = schema.properties.terms.items;
    assert.deepEqual(term.required.sort(), ['category', 'message', 'patterns', 'severity']);
    assert.ok(!term.properties.category.enum.includes('context'));
    assert.ok(schema.properties.quietHours.anyOf.some((s: Node) => s.type === 'null'));
    assert.match(schema.properties.rules.propertyNames.pattern, /pii/);
  });

  it('the published schema/policy.schema.json is the generated one (no drift)', () => {
    const stored = readFileSync(new URL('../../schema/policy.schema.json', import.meta.url), 'utf8');
    assert.equal(stored, policyJsonSchemaText(), "regenerate with: npx tsx src/cli/main.ts policy schema > schema/policy.schema.json");
  });
});
