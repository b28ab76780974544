import { postActions } from './post-actions';

test('reads actions stored as JSON (lower-case keys) and as structs (Go names)', () => {
  const json = { attachments: [{ actions: [{ id: 'a1', name: 'Go', integration: { url: '/plugins/x', context: { k: 'v' } } }] }] };
  const structs = { attachments: [{ Actions: [{ Id: 'a1', Name: 'Go', Integration: { URL: '/plugins/x', Context: { k: 'v' } } }] }] };
  const expected = [{ id: 'a1', name: 'Go', url: '/plugins/x', context: { k: 'v' } }];
  expect(postActions({ Props: json })).toEqual(expected);
  expect(postActions({ Props: structs })).toEqual(expected);
});

test('props that are not attachments give no actions', () => {
  expect(postActions({ Props: { attachments: 'nope' } })).toEqual([]);
  expect(postActions({ Props: {} })).toEqual([]);
  expect(postActions({ Props: { attachments: [{ actions: [{ name: 'no id' }] }] } })).toEqual([]);
});
