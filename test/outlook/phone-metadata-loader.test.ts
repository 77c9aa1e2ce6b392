import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parsePhoneNumberFromString, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';

const require = createRequire(import.meta.url);
const loader = require('../../src/outlook/build/phone-metadata-loader.cjs') as {
  (source: string): string;
  withoutFormats(metadata: MetadataJson): MetadataJson;
};
const full = require('libphonenumber-js/metadata.min.json') as MetadataJson & { countries: Record<string, unknown[]> };
const examples = require('libphonenumber-js/examples.mobile.json') as Record<string, string>;
const lean = loader.withoutFormats(full);

/** What the classifier reads from a parse (contacts.ts): the E.164 number when valid, and which country. */
function read(text: string, region: CountryCode, metadata: MetadataJson): string {
  const p = parsePhoneNumberFromString(text, region, metadata);
  return p ? `${p.number} ${p.country ?? '-'} ${p.isValid()} ${p.isPossible()}` : 'none';
}

describe('outlook/build/phone-metadata-loader', () => {
  it('keeps every country and calling code and drops only the formats', () => {
    assert.deepEqual(Object.keys(lean.countries), Object.keys(full.countries));
    assert.deepEqual(lean.country_calling_codes, full.country_calling_codes);
    for (const [country, plan] of Object.entries(full.countries)) {
      const stripped = (lean.countries as Record<string, unknown[]>)[country]!;
      assert.equal(stripped.length, plan.length, country);
      plan.forEach((field, i) => assert.deepEqual(stripped[i], i === 4 ? (plan.length > 4 ? 0 : field) : field, `${country}[${i}]`));
    }
    // and it is worth it: the formats are about half the metadata
    const size = (m: unknown) => gzipSync(JSON.stringify(m), { level: 9 }).length;
    assert.ok(size(lean) < size(full) * 0.6, `${size(lean)} vs ${size(full)}`);
  });

  it('parses and validates every country\'s example numbers exactly as the full metadata does', () => {
    let compared = 0;
    let valid = 0;
    for (const [country, national] of Object.entries(examples)) {
      const code = (full.countries[country] as [string])[0];
      const spaced = national.replace(/(\d{3})(?=\d)/g, '$1 ');
      const variants = [national, spaced, `0${national}`, `+${code}${national}`, `+${code} ${spaced}`, `(${national.slice(0, 3)}) ${national.slice(3)}`, national.slice(1), `${national}1`];
      for (const text of variants) {
        for (const region of [country, 'US', 'GB'] as CountryCode[]) {
          const result = read(text, region, lean);
          assert.equal(result, read(text, region, full), `${text} in ${region}`);
          compared++;
          if (result.endsWith(' true true')) valid++;
        }
      }
    }
    assert.ok(compared > 5000, String(compared));
    assert.ok(valid > 1000, `${valid} valid numbers among ${compared}`);
  });

  it('agrees on the shapes the phone scanner hands it', () => {
    const texts = ['(415) 555-0132', '415-555-0132', '415.555.0132', '+1 415 555 0132', '+44 20 7946 0958', '020 7946 0958', '07700 900123',
      '+49 30 901820', '030 901820', '+33 1 42 68 53 00', '01 42 68 53 00', '+91 98765 43210', '098765 43210', '+61 2 9374 4000', '(02) 9374 4000',
      '+81 3-1234-5678', '03-1234-5678', '+353 1 234 5678', '+34 912 345 678', '+1 613 555 0199', '+86 10 1234 5678', '+90 212 555 12 34', '1234567', '555 0132'];
    for (const text of texts) {
      for (const region of ['US', 'GB', 'DE', 'FR', 'IN', 'AU', 'JP', 'IE', 'ES', 'CN', 'TR', 'PH', 'BR', 'MX', 'IL', 'IT', 'NL'] as CountryCode[]) {
        assert.equal(read(text, region, lean), read(text, region, full), `${text} in ${region}`);
      }
    }
  });

  it('rewrites the library\'s metadata module (export default {...}) into the same form', () => {
    const source = readFileSync(join(dirname(require.resolve('libphonenumber-js/package.json')), 'metadata.min.json.js'), 'utf8');
    const out = loader(source);
    assert.match(out, /^export default \{/);
    assert.deepEqual(JSON.parse(out.slice('export default '.length)), lean);
    assert.ok(out.length < source.length / 1.5);
  });
});
