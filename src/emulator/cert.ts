import { generate } from 'selfsigned';

/** A PEM key pair for the emulator's TLS listener. */
export interface EmulatorCert {
  key: string;
  cert: string;
}

/** Generates a one-day self-signed EC P-256 certificate for 127.0.0.1 and localhost (pure JS: no openssl binary needed). */
export async function generateCert(): Promise<EmulatorCert> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + 2 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
