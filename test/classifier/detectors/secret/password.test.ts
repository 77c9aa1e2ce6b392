import assert from 'node:assert/strict';
import { passwordDetector as d, passwordStrength } from '../../../../src/classifier/detectors/secret/password.js';
import { checkSpanProperty, expectNothing, expectSecret } from './helpers.js';

// Made-up passwords with a realistic mix of characters.
const P1 = 'Tz7!quarry-Oak';
const P2 = 'Mv93#lantern';
const P3 = 'plumB4rrel$';

describe('secret/password', () => {
  const positives: [string, string, string][] = [
    ['prose: the password is', `I logged in as root (the password is ${P1} - yes, I know).`, P1],
    ['prose: password was, sentence end', `The old password was ${P2}.`, P2],
    ['label line: Password:', `Username: jdoe\nTemporary password: ${P1}\nChange it at first login.`, P1],
    ['short label: pw:', `user: shared_admin\npw: ${P2}\n`, P2],
    ['pwd =', `pwd = ${P3}`, P3],
    ['passcode is', `The door passcode is ${P3} until Friday`, P3],
    ['typo in the keyword with words in between', `pasword for the sftp drop is ${P1} , user is uploads`, P1],
    ['words in between and a colon', `Password for the vendor portal: ${P2}`, P2],
    ['ini', `[db]\nuser = app\npassword = ${P3}\n`, P3],
    ['yaml', `database:\n  password: "${P1}"\n`, P1],
    ['json', `{"user": "svc", "password": "${P2}"}`, P2],
    ['env', `DB_PASSWORD=${P3}\nDB_HOST=db`, P3],
    ['code with a single-class quoted value', `password = "${'quietharbor'}"`, 'quietharbor'],
    ['camelCase key in JS', `const dbPassword = '${P1}';`, P1],
    ['XML element', `<password>${P2}</password>`, P2],
    ['nuget-style add key/value', `<add key="ClearTextPassword" value="${P3}" />`, P3],
    ['Go typed declaration', `var adminPassword string = "${P1}"`, P1],
    ['call argument', `setProperty("SMTP_PASSWORD", "${P2}")`, P2],
    ['slash between user and pw', `Login: ap-shared@example.test / pw: ${P1}`, P1],
    ['no operator, a value no word could be', `login is admin and password ${P2} for now`, P2],
    ['prose: the password got changed to', `FYI the kiosk password got changed to ${P1} this morning.`, P1],
    ['prose: password reset to', `Admin password reset to ${P2} until IT rotates it.`, P2],
    ['prose: has been reset to', `The password for the parts portal has been reset to ${P3} for now.`, P3],
    ['a login word, then user / password', `the scanner login is yardops / ${P1} until Monday`, P1],
    ['creds with words in between', `creds for the test tablet are kiosk7 / ${P2}`, P2],
    ['login without an operator', `Use login gate3 / ${P3} at the barrier.`, P3],
    ['a login pair whose password has its own name', `login j.ortiz / password ${P1} for the portal`, P1],
    ['a stop word further on describes the system, not the password', `Temp admin pass for the till reset is ${P2}`, P2],
    ['a wifi network and its password', `new wifi for the site hut is YardStaff / ${P2}, on the whiteboard`, P2],
    ['chat shorthand "r"', `creds r nightshift / ${P1}, keep them to yourself`, P1],
    ['the new one after a reset', `Alarm panel password got changed overnight, new one is ${P2}`, P2],
    ['the new one after a colon', `Shared inbox pw was reset, the new one: ${P3}`, P3],
  ];
  for (const [name, text, value] of positives) {
    it(`finds ${name}`, () => {
      expectSecret(d, text, value, 'password');
    });
  }

  it('finds curl -u user:password and covers the whole credential', () => {
    const text = `curl -s -u deploy:${P1} https://ci.example.test/api`;
    expectSecret(d, text, `deploy:${P1}`, 'password', 'high');
    const quoted = `curl --user "deploy:${P2}" https://x.example.test`;
    expectSecret(d, quoted, `"deploy:${P2}"`, 'password');
  });

  it('finds Bundler gem-source credentials', () => {
    expectSecret(d, `export BUNDLE_GEMS__EXAMPLE__COM=deploy:${P2}`, `deploy:${P2}`, 'password', 'high');
    expectNothing(d, 'export BUNDLE_GEMS__EXAMPLE__COM=deploy:${GEM_PASS}');
  });

  const negatives: [string, string][] = [
    ['the bare word', 'Please do not share your password with anyone.'],
    ['a reset notice', 'I reset your password - check your inbox for the one-time link.'],
    ['a reset that was done', 'Password has been reset and the old one no longer works.'],
    ['a policy', 'Your password must be 12 characters and include a number.'],
    ['a policy with a colon', 'Password policy: at least 12 characters, rotated every 90 days.'],
    ['a UI request', "Can you add a 'Forgot password?' link under the login button?"],
    ['code reading the environment', 'db_password = os.environ["DB_PASSWORD"]'],
    ['code passing a variable', 'conn = connect(host=HOST, user=USER, password=db_password)'],
    ['a shell variable', 'export PGPASSWORD=$DB_PASS'],
    ['a template', 'password: ${PAYMENTS_DB_PASSWORD}'],
    ['a helm template', 'password: {{ .Values.password }}'],
    ['an empty value', 'password: ""'],
    ['an angle-bracket placeholder', 'password: <your-password>'],
    ['a shouted placeholder', 'password = "YOUR_PASSWORD_HERE"'],
    ['x mask', 'password: xxxxxxxx'],
    ['star mask', 'Password: ********'],
    ['changeme', 'password=changeme'],
    ['example', 'password: example123'],
    ['redacted', 'password: [REDACTED]'],
    ['dummy', 'password = "dummy-value"'],
    ['the word password as value', '"password": "password"'],
    ['a plain word in prose', 'The password is required for every login.'],
    ['a plain word after a colon', 'Password: Changed last week'],
    ['words joined by a slash', 'EBB password was changed/canceled (if applicable)'],
    ['a comparison', 'if password == "hunter2abc": deny()'],
    ['a dial-in passcode', 'Dial 800-555-0100 (passcode: 7012645#)'],
    ['a short value', 'pw: abc1'],
    ['a curl variable', 'curl -u "$USER:$PASSWORD" https://x.example.test'],
    ['a curl placeholder', 'curl -u <user:password> https://x.example.test'],
    ['a password field in HTML', '<input type="password" name="password" placeholder="Password">'],
    ['a terraform variable', 'administrator_login_password = var.db_password'],
    ['a password manager named', 'Password manager: 1Password, please install it'],
    ['an expiry date', 'Password expires: 11/30/2024'],
    ['a hint', 'Password hint: first pet'],
    ['a reset link', 'password reset link: https://example.test/reset?x=1'],
    ['no operator and a compound word', 'password 2FA-enabled accounts only'],
    ['a reset notice', 'Your password has been reset to the default; check your email for the link.'],
    ['a change for a policy', 'The password was changed to meet the new rules.'],
    ['a policy further on', 'Password for the policy update is attached.'],
    ['a wifi network open to all', 'the wifi is GuestNet / open to everyone'],
    ['a compound with an ordinary word after changed to', 'Password changed to v2-format last week.'],
    ['a login with only a user name', 'login: jsmith (the password is in the vault as usual)'],
    ['a login word before a slash of words', 'Login is via SSO / Okta now, no separate passwords.'],
    ['a login page path', 'The login page/dashboard moved; creds are in the vault under Finance/Payroll.'],
    ['a login flag', 'oc login --token=$OC_TOKEN --server=https://api.example.test'],
    ['the new one described', 'My password expired and the new one is much longer than the old one.'],
    ['the new one elsewhere', 'Password changed, new one is on the noticeboard by the kettle.'],
    ['a new one in another sentence', 'Reset your password today. A new one is required every 90 days: Kt7!mnop99 is an example.'],
  ];
  for (const [name, text] of negatives) it(`ignores ${name}`, () => expectNothing(d, text));

  it('leaves ADO connection strings to the connection-string detector', () => {
    expectNothing(d, 'Server=db.example;User Id=app;Password=Tz7quarryOak9;');
  });

  it('grades strength: strong config values high, words-in-between medium, plain words none', () => {
    assert.equal(passwordStrength(P1, false, 'config'), 'high');
    assert.equal(passwordStrength(P1, false, 'gap'), 'medium');
    assert.equal(passwordStrength('required', false, 'prose'), null);
    assert.equal(passwordStrength('quietharbor', true, 'config'), 'medium');
    assert.equal(passwordStrength('quietharbor', false, 'config'), null);
  });

  it('never throws and keeps every span inside the text', () => checkSpanProperty(d));
});
