import assert from 'node:assert/strict';
import { connectionStringDetector as d } from '../../../../src/classifier/detectors/secret/connection-string.js';
import { checkSpanProperty, expectNothing, expectSecret, fakeGen, ALNUM } from './helpers.js';

const g = fakeGen(31);
const pw = g(10) + '-' + g(4, '0123456789');

describe('secret/connection-string', () => {
  const urls: [string, string][] = [
    ['postgres', `postgres://billing_app:${pw}@db-prod-2.internal.example:5432/billing?sslmode=require`],
    ['postgresql', `postgresql://app:${pw}@10.0.0.5/db`],
    ['mysql', `mysql://root:${pw}@localhost:3306/shop`],
    ['mongodb+srv', `mongodb+srv://svc:${pw}@cluster0.abcde.mongodb.example/test?retryWrites=true`],
    ['redis with empty user', `redis://:${pw}@cache.example:6379/0`],
    ['amqp', `amqp://guest2:${pw}@mq.example:5672/vhost`],
    ['smtp', `smtp://mailer:${pw}@smtp.example:587`],
    ['ftp', `ftp://upload:${pw}@files.example/in`],
    ['https', `https://deploy:${pw}@git.example/org/repo.git`],
    ['jdbc', `jdbc:postgresql://reporting:${pw}@db.example:5432/r`],
  ];
  for (const [name, url] of urls) {
    it(`finds the user:password of a ${name} URL`, () => {
      const at = url.indexOf('@');
      const userinfo = url.slice(url.indexOf('://') + 3, at);
      expectSecret(d, `Connection string it should use:\n${url}\nCan you check?`, userinfo, 'connection-string', 'high');
    });
  }

  it('reads a # typed unencoded in the password, but not a fragment', () => {
    const url = `postgres://app:${g(5)}#${g(5)}@db.example:5432/x`;
    expectSecret(d, url, url.slice(11, url.lastIndexOf('@')), 'connection-string');
    expectNothing(d, 'see https://docs.example/setup#user:step-2 for the steps');
  });

  it('decodes percent-encoded passwords before judging them', () => {
    const url = `postgres://app:${g(8)}%40${g(4)}@db.example/x`;
    expectSecret(d, url, url.slice(11, url.lastIndexOf('@')), 'connection-string');
  });

  it('finds an ADO.NET password', () => {
    const text = `Server=tcp:sql.example,1433;Initial Catalog=orders;User ID=app;Password=${pw};Encrypt=True;`;
    expectSecret(d, text, pw, 'connection-string', 'high');
  });

  it('finds an Azure storage AccountKey', () => {
    const key = g(86, ALNUM + '+/') + '==';
    const text = `DefaultEndpointsProtocol=https;AccountName=archive;AccountKey=${key};EndpointSuffix=core.windows.net`;
    expectSecret(d, text, key, 'connection-string', 'high');
  });

  it('finds a Service Bus SharedAccessKey', () => {
    const key = g(43, ALNUM + '+/') + '=';
    expectSecret(d, `Endpoint=sb://bus.example/;SharedAccessKeyName=send;SharedAccessKey=${key}`, key, 'connection-string');
  });

  const negatives: [string, string][] = [
    ['a URL without credentials', 'https://example.com/path?q=1'],
    ['a URL with a user but no password', 'ssh://git@github.example/org/repo.git'],
    ['a placeholder password', 'postgres://user:<password>@localhost/db'],
    ['a templated password', 'postgres://app:${DB_PASS}@db/app'],
    ['a masked password', 'mysql://root:****@localhost/shop'],
    ['the word password as the password', 'redis://default:password@localhost:6379'],
    ['a mailto-like address', 'write to ops@example.com or ops:team'],
    ['an ADO string with a templated password', 'Server=db;User Id=app;Password=$(DB_PASSWORD);'],
    ['a lone Password= without connection-string context', 'Password=hunter22x in the wiki'],
    ['an e-mail address after a scheme', 'see http://example.com/contact about me@example.com'],
  ];
  for (const [name, text] of negatives) it(`ignores ${name}`, () => expectNothing(d, text));

  it('reports each URL once and spans never cover the host', () => {
    const text = `a mysql://u1:${pw}@h1/x b redis://u2:${pw}@h2`;
    const hits = d.detect(text);
    assert.deepEqual(hits.map((h) => text.slice(h.start, h.end)), [`u1:${pw}`, `u2:${pw}`]);
  });

  it('never throws and keeps every span inside the text', () => checkSpanProperty(d));
});
