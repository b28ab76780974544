// Loopback TCP proxy that makes a client look remote to the gateway. It adds
// `X-Forwarded-For: <remote ip>` to the first HTTP request on each connection (the
// WebSocket upgrade); the gateway, configured with trustedProxies ["127.0.0.1"], then
// treats the client as coming from that address and does not silently auto-approve it
// as a local device. Without trustedProxies the gateway answers 403.
'use strict';
const net = require('node:net');

function startXffProxy({ targetPort, targetHost = '127.0.0.1', port = 0, forwardedFor = '203.0.113.50' }) {
  const sockets = new Set();
  let down = false;
  const server = net.createServer((client) => {
    if (down) return void client.destroy();
    sockets.add(client);
    const upstream = net.connect(targetPort, targetHost);
    sockets.add(upstream);
    let head = Buffer.alloc(0);
    const onData = (chunk) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n');
      if (end < 0 && head.length < 16384) return;
      client.off('data', onData);
      const line = end < 0 ? head.length : end + 2;
      upstream.write(Buffer.concat([head.subarray(0, line), Buffer.from(`X-Forwarded-For: ${forwardedFor}\r\n`), head.subarray(line)]));
      client.pipe(upstream);
    };
    client.on('data', onData);
    upstream.pipe(client);
    const closeBoth = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
    client.on('error', closeBoth).on('close', closeBoth);
    upstream.on('error', closeBoth).on('close', closeBoth);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({
      port: server.address().port,
      close: () => new Promise((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
      /** Cuts every connection and refuses new ones (true) or lets them through again (false): the gateway seems away while it keeps running. */
      setDown: (value) => {
        down = value;
        if (down) for (const s of sockets) s.destroy();
      },
    }));
  });
}

module.exports = { startXffProxy };
