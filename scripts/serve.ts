/**
 * `npm start` (after `npm run build:web`): serves dist/ at https://localhost:3000 with a development
 * certificate and prints the playground address and how to sideload manifest.xml. Contacts no
 * remote service. Options: PORT (default 3000; the manifest names 3000), --http (plain HTTP, for
 * the playground only: Outlook needs HTTPS).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devCertificate, trustInstructions } from '../src/server/certs.js';
import { startStaticServer } from '../src/server/static-server.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const port = Number(process.env.PORT ?? 3000);
const plain = process.argv.includes('--http');

if (!existsSync(join(dist, 'launchevent.js'))) {
  console.error('dist/ is missing: run `npm run build:web` first (npm start does).');
  process.exit(2);
}

const cert = plain ? null : await devCertificate(root);
const server = await startStaticServer({ root: dist, port, host: 'localhost', tls: cert ? { key: cert.key, cert: cert.cert } : undefined }).catch((err: NodeJS.ErrnoException) => {
  console.error(err.code === 'EADDRINUSE' ? `Port ${port} is in use: stop the other server or set PORT (the manifest expects 3000).` : String(err));
  process.exit(2);
});

const lines = [
  '',
  `Second Thought is served from ${server.url}/`,
  '',
  `  Playground (no Outlook account needed): ${server.url}/playground/`,
  `  Manifest:                               ${join(root, 'manifest.xml')}  (also ${server.url}/manifest.xml)`,
  '',
];
if (cert && cert.source === 'generated' && cert.caPath) {
  lines.push(`Certificate: generated in .certs/ (${cert.note ?? 'office-addin-dev-certs was not used'}).`, ...trustInstructions(cert.caPath), '');
} else if (cert) {
  lines.push('Certificate: office-addin-dev-certs (its CA is installed as trusted).', '');
}
if (port !== 3000) lines.push(`Note: the manifest points at port 3000; sideloading needs PORT=3000.`, '');
lines.push(
  'Sideload into Outlook (the certificate must be trusted first):',
  '  Outlook on the web / new Outlook for Windows / Outlook for Mac:',
  '    open https://aka.ms/olksideload > My add-ins > Custom Addins > Add a custom add-in > Add from File > manifest.xml',
  '  Classic Outlook for Windows: Home > Get Add-ins (or File > Manage Add-ins) > My add-ins >',
  '    Custom Addins > Add from File > manifest.xml; restart Outlook if the button does not show.',
  '  Then write a new message: the "Check draft" button opens the pane; Send runs the check.',
  '',
  'Press Ctrl+C to stop.',
);
console.log(lines.join('\n'));

const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
