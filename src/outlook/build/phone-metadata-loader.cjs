/**
 * Webpack loader for libphonenumber-js's bundled metadata (`metadata.min.json.js`): the same
 * metadata, every country kept, without the number FORMATS (the rules for writing a number as
 * "(415) 555-0132"). Those are about half the metadata (19 KB of the 30 KB libphonenumber costs
 * the send handler, gzipped) and only formatting reads them (`format()`, `AsYouType`,
 * `findPhoneNumbersInText`'s leniency); the classifier only parses and validates
 * (`parsePhoneNumberFromString(...).isValid()` and `.number` in src/classifier/detectors/pii/contacts.ts),
 * which read the calling codes, national number patterns, possible lengths, national prefix
 * rules, leading digits and types. So every phone finding is unchanged:
 * test/outlook/phone-metadata-loader.test.ts parses every country's example numbers, national and
 * international, with both metadata and compares the results.
 *
 * Do not use this metadata with libphonenumber's formatting functions: they would find no format
 * and return the number unformatted.
 */
'use strict';

/** Metadata (compressed form, version 4: a country is an array, formats at index 4) without formats. */
function withoutFormats(metadata) {
  if (metadata.version !== 4) throw new Error(`phone-metadata-loader: metadata version ${metadata.version}, expected 4 (check the formats index)`);
  const strip = (table) => {
    const out = {};
    for (const [key, plan] of Object.entries(table || {})) out[key] = plan.length > 4 ? [...plan.slice(0, 4), 0, ...plan.slice(5)] : plan;
    return out;
  };
  return { ...metadata, countries: strip(metadata.countries), nonGeographic: strip(metadata.nonGeographic) };
}

/** The module text `export default {...}` (the library's own workaround for importing JSON). */
function loader(source) {
  const start = source.indexOf('export default ');
  if (start < 0) throw new Error('phone-metadata-loader: no `export default` in the metadata module');
  const metadata = JSON.parse(source.slice(start + 'export default '.length).trim().replace(/;$/, ''));
  return `export default ${JSON.stringify(withoutFormats(metadata))}\n`;
}

module.exports = loader;
module.exports.withoutFormats = withoutFormats;
