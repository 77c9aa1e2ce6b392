import assert from 'node:assert/strict';
import {
  nationalIdDetector,
  validateAadhaar,
  validateCodiceFiscale,
  validateHetu,
  validateNhs,
  validateNie,
  validateNif,
  validatePesel,
  validatePersonnummer,
  validateSin,
} from '../../../../src/classifier/detectors/pii/national-id.js';
import { expectFound } from './helpers.js';

describe('pii/national-id', () => {
  // [text, value, severity]
  const positives: Array<[string, string, 'medium' | 'high']> = [
    ['NI number: PW 45 81 27 B', 'PW 45 81 27 B', 'high'],
    ['national insurance pw458127b', 'pw458127b', 'high'],
    ['contractor PW 45 81 27 B starts Monday', 'PW 45 81 27 B', 'medium'],
    ['my SIN is 392 815 742', '392 815 742', 'high'],
    ['SIN: 527-859-953', '527-859-953', 'high'],
    ['NHS number 943 476 5919', '943 476 5919', 'high'],
    ['NHS no. 4857773457', '4857773457', 'high'],
    ['DNI 48291736Q', '48291736Q', 'high'],
    ['invoice to 48291736-Q please', '48291736-Q', 'medium'],
    ['NIE X4821937X', 'X4821937X', 'high'],
    ['residency card Y-2468013-N', 'Y-2468013-N', 'medium'],
    ['hetu 150385-274V', '150385-274V', 'high'],
    ['code 020712A491V on the form', '020712A491V', 'medium'],
    ['codice fiscale BNCGNN72E41H501F', 'BNCGNN72E41H501F', 'high'],
    ['VRDLCU90A01F205L', 'VRDLCU90A01F205L', 'medium'],
    ['PESEL 85071212347', '85071212347', 'high'],
    ['personnummer 850712-2896', '850712-2896', 'high'],
    ['pnr 198507122896', '198507122896', 'high'],
    ['Aadhaar 5283 7164 9207', '5283 7164 9207', 'high'],
    ['ITIN 912-73-4410', '912-73-4410', 'high'],
    ['filed with 912-73-4410 last year', '912-73-4410', 'high'],
    ['Medicare ID 4EK9-TE2-MK71', '4EK9-TE2-MK71', 'high'],
    ['MBI 5AC3-HK7-RT22 on the claim', '5AC3-HK7-RT22', 'high'],
    ["driver's license D4821907", 'D4821907', 'high'],
    ['Driving licence no. 48219077', '48219077', 'high'],
  ];
  for (const [text, value, severity] of positives) {
    it(`finds ${value} (${severity})`, () => {
      const hits = expectFound(nationalIdDetector, text, [value], 'national-id');
      assert.equal(hits[0]!.severity, severity);
    });
  }

  const negatives: Array<[string, string]> = [
    ['pieces of a longer dashed token', "Driver's licence on file: K4417-30982-55120 (state format)."],
    ['a Luhn-valid 9-digit number without a SIN word', 'Booking 392815742'],
    ['a SIN starting with 0', 'SIN 046 440 269'],
    ['a SIN failing Luhn', 'SIN 392 815 743'],
    ['a SIN with mixed separators', 'SIN 392-815 742'],
    ['an NHS number failing mod 11', 'NHS 943 476 5918'],
    ['a bare 10-digit number', 'PO 9434765919'],
    ['a NIF with the wrong letter', 'DNI 48291736A'],
    ['a NIE with the wrong letter', 'NIE X4821937Q'],
    ['a HETU with the wrong check character', 'hetu 150385-274W'],
    ['a HETU with an impossible date', '310285-274V'],
    ['a HETU with a wrong separator', '150385/274V'],
    ['a codice fiscale with the wrong check letter', 'codice fiscale BNCGNN72E41H501G'],
    ['a NINO with a forbidden prefix', 'NI number: QQ 45 81 27 B'],
    ['a NINO with a bad suffix', 'NI number: PW 45 81 27 E'],
    ['an unspaced NINO-shaped code without context', 'part PW458127B in stock'],
    ['a PESEL failing its checksum', 'PESEL 85071212348'],
    ['an ITIN outside the group ranges', 'my tax id 912-89-4410'],
    ['an Aadhaar starting with 1', 'Aadhaar 1283 7164 9207'],
    ['an Aadhaar without context', '5283 7164 9207'],
    ['an MBI with a forbidden letter', 'Medicare 4SK9-TE2-MK71'],
    ['a software licence key', 'license key 48219077'],
    ['a short reference after "ID number"', 'Customer ID Number: 52907 Contract Number: 96012345'],
    ['a dated document revision shaped like a NIF', 'see spec 20240115-T for details'],
  ];
  for (const [name, text] of negatives) {
    it(`ignores ${name}`, () => expectFound(nationalIdDetector, text, []));
  }

  it('implements the published checksums', () => {
    assert.equal(validateSin('392815742'), true);
    assert.equal(validateSin('046440269'), false);
    assert.equal(validateNhs('9434765919'), true);
    assert.equal(validateNif('48291736', 'q'), true);
    assert.equal(validateNie('Y', '2468013', 'N'), true);
    assert.equal(validateHetu('020712', 'A', '491', 'V'), true);
    assert.equal(validateCodiceFiscale('VRDLCU90A01F205L'), true);
    assert.equal(validatePesel('03240519879'), true);
    assert.equal(validatePersonnummer('0311240782'), true);
    assert.equal(validateAadhaar('735192640830'), true);
    assert.equal(validateAadhaar('735192640831'), false);
  });
  it('finds every kind of id inside long mail full of years, times and amounts', () => {
    const filler = 'On 24 September 2025 at 8:17 we spent 1,250 on 147 seats in Q3 2024. ';
    const ids = ['PW 45 81 27 B', 'X4821937X', 'Y-2468013-N', '020712A491V', 'VRDLCU90A01F205L', '912-73-4410', '4EK9-TE2-MK71'];
    const text = ids.map((id) => `${filler}${filler}contractor ${id} noted. `).join('') + filler;
    expectFound(nationalIdDetector, text, ids);
  });
});
