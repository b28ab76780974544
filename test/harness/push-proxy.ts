// A stand-in for Mattermost's push proxy (EmailSettings.PushNotificationServer): records every
// notification the server sends to POST /api/v1/send_push and answers as the real proxy does.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PushRecord {
  post_id?: string;
  message?: string;
  type?: string;
  device_id?: string;
  platform?: string;
  sender_name?: string;
  channel_id?: string;
}

export interface PushProxy {
  url: string;
  received: PushRecord[];
  stop(): Promise<void>;
}

export async function startPushProxy(): Promise<PushProxy> {
  const received: PushRecord[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && req.url?.startsWith('/api/v1/send_push')) {
        try {
          received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as PushRecord);
        } catch {
          received.push({ message: '(unreadable body)' });
        }
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: 'OK' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
