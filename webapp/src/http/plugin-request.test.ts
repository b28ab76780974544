import { requestOptions } from './plugin-request';

test("requests carry Client4's headers: X-Requested-With always, the MMCSRF cookie as X-CSRF-Token except on GET", () => {
  const g = globalThis as { document?: { cookie: string } };
  g.document = { cookie: 'MMUSERID=u1; MMCSRF=tok=en; other=1' };
  try {
    expect(requestOptions('POST', '{}')).toEqual({
      method: 'POST', body: '{}', credentials: 'include',
      headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json', 'X-CSRF-Token': 'tok=en', 'Content-Type': 'application/json' },
    });
    expect(requestOptions('GET').headers).toEqual({ 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' });
  } finally {
    delete g.document;
  }
});
