/**
 * Policy types, derived from the zod schema in schema.ts (the one source for types, validation
 * and the published JSON Schema). The names are the ones the classifier and hosts import.
 */
import type * as z from 'zod/mini';
import type { ActionSettingSchema, PolicySchema, QuietHoursSchema, TermSchema } from './schema.js';

/**
 * A policy document (organization policy or user preferences), as the classifier consumes it
 * (DESIGN.md section 4). Every field is optional: what a policy leaves out comes from the layer
 * below (the bundled default at the bottom).
 */
export type Policy = z.output<typeof PolicySchema>;

/** Action and minimum severity for a category or a rule. */
export type ActionSetting = z.output<typeof ActionSettingSchema>;

/** One of the organization's own terms: client names, codenames, words. */
export type Term = z.output<typeof TermSchema>;

export type QuietHours = z.output<typeof QuietHoursSchema>;

/** A policy with every field present: what the classifier actually runs on. */
export type ResolvedPolicy = Required<Omit<Policy, 'quietHours' | 'version' | '$comment' | '$schema'>> & {
  version: 1;
  quietHours: QuietHours | null;
};
