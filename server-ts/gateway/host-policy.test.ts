import { classifyHost } from './host-policy';

describe('classifyHost', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.8.9.10', 'loopback'], ['localhost', 'loopback'], ['[::1]', 'loopback'],
    ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['192.168.1.9', 'private'],
    ['[fd12:3456::1]', 'private'], ['[fc00::1]', 'private'],
    ['100.64.0.1', 'tailnet'], ['100.127.255.254', 'tailnet'], ['gw.tail1234.ts.net', 'tailnet'],
    ['172.32.0.1', 'public'], ['100.128.0.1', 'public'], ['8.8.8.8', 'public'], ['example.com', 'public'],
    ['[2001:db8::1]', 'public'], ['[::ffff:7f00:1]', 'loopback'], ['[::ffff:808:808]', 'public'],
    ['ts.net.evil.com', 'public'],
  ])('%s is %s', (host, expected) => {
    expect(classifyHost(host)).toBe(expected);
  });
});
