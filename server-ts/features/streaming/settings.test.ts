import { readStreamingSettings } from './settings';

test('defaults: partial, checkpoint every 5 s', () => {
  expect(readStreamingSettings({})).toEqual({ settings: { mode: 'partial', checkpointSeconds: 5 }, problems: [] });
});

test('keys match case-insensitively; numbers may come as text', () => {
  expect(readStreamingSettings({ streamingmode: ' Progress ', StreamingCheckpointSeconds: '0' }).settings).toEqual({ mode: 'progress', checkpointSeconds: 0 });
});

test('a bad value falls back alone and is reported', () => {
  const { settings, problems } = readStreamingSettings({ StreamingMode: 'firehose', StreamingCheckpointSeconds: 2 });
  expect(settings).toEqual({ mode: 'partial', checkpointSeconds: 2 });
  expect(problems).toEqual(['Streaming mode: "firehose" is not valid; using partial']);
});
