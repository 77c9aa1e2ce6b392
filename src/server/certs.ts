/**
 * A development certificate for https://localhost. First choice: office-addin-dev-certs, which
 * creates a "Developer CA for Microsoft Office Add-ins" and installs it as trusted (Windows, macOS;
 * on Linux it needs sudo). Where it cannot install, the same kind of CA + localhost certificate is
 * generated into .certs/ (git-ignored) and the caller prints how to trust it by hand.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DevCert {
  key: Buffer;
  cert: Buffer;
  /** CA to trust, when it is not yet trusted. */
  caPath?: string;
  source: 'office-addin-dev-certs' | 'generated';
  /** Why office-addin-dev-certs' own install was not used. */
  note?: string;
}

function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function validFor(certPath: string, days: number): boolean {
  try {
    execFileSync('openssl', ['x509', '-checkend', String(days * 86400), '-noout', '-in', certPath], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function devCertificate(projectRoot: string): Promise<DevCert> {
  type DevCerts = {
    getHttpsServerOptions(days?: number): Promise<{ key: Buffer; cert: Buffer }>;
    generateCertificates(ca?: string, cert?: string, key?: string, days?: number, domains?: string[]): Promise<void>;
  };
  const mod = (await import('office-addin-dev-certs')) as unknown as DevCerts & { default?: DevCerts };
  const devCerts: DevCerts = typeof mod.getHttpsServerOptions === 'function' ? mod : (mod.default as DevCerts);
  let note: string | undefined;
  // office-addin-dev-certs installs its CA with sudo on Linux; without sudo it cannot.
  if (process.platform !== 'linux' || hasCommand('sudo')) {
    try {
      const opts = await devCerts.getHttpsServerOptions(30);
      return { key: opts.key, cert: opts.cert, source: 'office-addin-dev-certs' };
    } catch (err) {
      note = `office-addin-dev-certs could not install its CA (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
    }
  } else {
    note = 'office-addin-dev-certs installs its CA with sudo, which this machine does not have';
  }

  const dir = join(projectRoot, '.certs');
  const caPath = join(dir, 'ca.crt');
  const certPath = join(dir, 'localhost.crt');
  const keyPath = join(dir, 'localhost.key');
  mkdirSync(dir, { recursive: true });
  const fresh = existsSync(certPath) && existsSync(keyPath) && existsSync(caPath) && (!hasCommand('openssl') || validFor(certPath, 1));
  if (!fresh) {
    try {
      await devCerts.generateCertificates(caPath, certPath, keyPath, 30, ['localhost', '127.0.0.1']);
    } catch {
      // Last resort: a self-signed localhost certificate (it is its own CA).
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '30', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', keyPath, '-out', certPath],
        { stdio: 'ignore' },
      );
      execFileSync('cp', [certPath, caPath]);
    }
  }
  return { key: readFileSync(keyPath), cert: readFileSync(certPath), caPath, source: 'generated', note };
}

/** How to trust the generated CA, per platform. */
export function trustInstructions(caPath: string): string[] {
  return [
    `Trust ${caPath} once, then restart the browser / Outlook:`,
    `  Linux (system):   sudo cp ${caPath} /usr/local/share/ca-certificates/second-thought-dev.crt && sudo update-ca-certificates`,
    `  Linux (Chrome/Chromium, Firefox): certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Second Thought dev CA" -i ${caPath}`,
    `  Windows:          certutil -addstore -user Root ${caPath}`,
    `  macOS:            sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ${caPath}`,
  ];
}
