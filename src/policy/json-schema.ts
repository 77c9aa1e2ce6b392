/**
 * The published JSON Schema of a policy (`second-thought policy schema`, schema/policy.schema.json),
 * generated from the zod schema so that it cannot drift from validation and types. Kept apart
 * from validate.ts so that hosts that only validate never load the generator.
 *
 * What JSON Schema cannot say is checked by `policy validate` only: that term patterns parse
 * in lexicon syntax, that time zones exist, duplicate term ids and contradictory locks.
 */
import * as z from 'zod/mini';
import { POLICY_VERSION, PolicySchema, SCHEMA_ID } from './schema.js';

export function policyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PolicySchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: SCHEMA_ID,
    title: 'Second Thought policy',
    $comment: `Generated from src/policy/schema.ts by 'second-thought policy schema'. Policy version ${POLICY_VERSION}. Do not edit.`,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

/** The schema as the CLI prints it and the repository stores it. */
export function policyJsonSchemaText(): string {
  return `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
}
