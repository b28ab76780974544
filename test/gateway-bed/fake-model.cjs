// A tiny OpenAI-compatible model server for the gateway test bed (plain node:http, loopback
// only). Replies are scripted so tests are deterministic:
//   default              → "Hello from the fake model", streamed in 5 chunks
//   "echo: <text>"       → "<text>" (first line after the marker)
//   "please run exec"    → an `exec` tool call (echo hello-from-exec)
//   "ask me"             → an `ask_user` question through the deferred `tool_call` tool
//   "quick question"     → the same question with the shortest wait the gateway allows (30 s)
//   "ask twice"          → two questions in one `ask_user` (deploy_target, region)
//   after a tool result  → "Tool said: <tool output>"
//   "slow stream"        → "w0 w1 … w39", one word every 250 ms (10 s: time to stop it)
//   "long reply <n>"     → about n characters of Markdown: numbered paragraphs and fenced
//                          code blocks (each line "code <block>.<line>"), in ~40 big chunks
//   "long reply <n> in <k>" → the same text in k chunks (a long reply at a model's pace)
//   "slow reply <n> <ms>" → slowReply(n): n words, one chunk every <ms> (a reply that streams for a while)
//   "fail after <n>"     → slowReply(n) at the normal pace, then a provider error inside the stream
//   "reason then answer" → REASONING word by word as `delta.reasoning_content` (what reasoning
//                          models send), then REASONED_ANSWER word by word as `delta.content`; the
//                          gateway shows the reasoning only for a model marked `reasoning: true`
// The gateway appends a hidden context *user* message after the real one, so triggers are
// looked for in every message after the last assistant turn, not just the last one.
'use strict';
const http = require('node:http');

const DEFAULT_WORDS = ['Hello', ' from', ' the', ' fake', ' model'];

function textOf(content) {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (p && typeof p.text === 'string' ? p.text : '')).join('');
  return '';
}

function trailingBlock(messages) {
  let i = messages.length;
  while (i > 0 && messages[i - 1].role !== 'assistant') i -= 1;
  return messages.slice(i);
}

/** Decides the scripted reply for one request: { text } or { toolCall: { name, args } }. */
function script(messages) {
  const block = trailingBlock(messages || []);
  const tool = block.find((m) => m.role === 'tool');
  if (tool) return { text: `Tool said: ${textOf(tool.content).trim()}` };
  const userText = block.filter((m) => m.role === 'user').map((m) => textOf(m.content)).join('\n');
  const lower = userText.toLowerCase();
  if (lower.includes('please run exec')) return { toolCall: { name: 'exec', args: { command: 'echo hello-from-exec' } } };
  if (lower.includes('quick question')) return { toolCall: askUser([DEPLOY_QUESTION], 30) };
  if (lower.includes('ask twice')) {
    return { toolCall: askUser([DEPLOY_QUESTION, { id: 'region', header: 'Region', question: 'Which region?',
      options: [{ label: 'eu-west' }, { label: 'us-east' }] }], 600) };
  }
  if (lower.includes('ask me')) {
    return { toolCall: { name: 'tool_call', args: { id: 'ask_user', args: {
      questions: [{ id: 'deploy_target', header: 'Target', question: 'Where should I deploy?',
        options: [{ label: 'Staging (Recommended)' }, { label: 'Production' }] }],
      timeoutSeconds: 600 } } } };
  }
  if (lower.includes('slow stream')) return { text: Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '), delayMs: 250 };
  const slow = /slow reply (\d+) (\d+)/i.exec(userText);
  if (slow) return { text: slowReply(Number(slow[1])), delayMs: Number(slow[2]) };
  const fail = /fail after (\d+)/i.exec(userText);
  if (fail) return { text: slowReply(Number(fail[1])), failAtEnd: true };
  const long = /long reply (\d+)(?: in (\d+))?/i.exec(userText);
  if (long) return { text: longReply(Number(long[1])), bigChunks: true, chunkCount: long[2] ? Number(long[2]) : undefined };
  if (lower.includes('reason then answer')) return { reasoning: REASONING, text: REASONED_ANSWER };
  const echo = /echo: ([^\n]+)/i.exec(userText);
  if (echo) return { text: echo[1].trim() };
  return { text: DEFAULT_WORDS.join('') };
}

const REASONING = 'First I weigh the question. Then I count the options one by one. Finally I settle on forty-two.';
const REASONED_ANSWER = 'The answer is 42.';

const DEPLOY_QUESTION = { id: 'deploy_target', header: 'Target', question: 'Where should I deploy?',
  options: [{ label: 'Staging (Recommended)' }, { label: 'Production' }] };

function askUser(questions, timeoutSeconds) {
  return { name: 'tool_call', args: { id: 'ask_user', args: { questions, timeoutSeconds } } };
}

/** "Word 1 word 2 … word n." with a paragraph break every 10 words (block mode has boundaries to find). */
function slowReply(n) {
  return Array.from({ length: n }, (_, i) => `${i === 0 ? 'Word' : 'word'} ${i + 1}${(i + 1) % 10 === 0 && i + 1 < n ? '.\n\n' : ' '}`).join('').trim() + '.';
}

/** Deterministic Markdown of about `size` characters with code fences in it. */
function longReply(size) {
  const parts = [];
  let length = 0;
  for (let b = 0; length < size; b += 1) {
    const para = `Paragraph ${b}: ${'lorem ipsum dolor sit amet '.repeat(12).trim()}.`;
    const code = ['```js', ...Array.from({ length: 30 }, (_, l) => `code ${b}.${l} // ${'x'.repeat(40)}`), '```'].join('\n');
    parts.push(para, code);
    length += para.length + code.length + 4;
  }
  return parts.join('\n\n');
}

function chunksFor(text, big = false, count = 40) {
  if (big) {
    const size = Math.ceil(text.length / count);
    return Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
  }
  if (text === DEFAULT_WORDS.join('')) return DEFAULT_WORDS;
  return text.match(/\s*\S+/g) || [text];
}

function startFakeModel({ port = 0, delayMs = Number(process.env.FAKE_DELAY_MS || 60) } = {}) {
  const requests = [];
  let seq = 0;
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  async function completions(body, res) {
    const id = `chatcmpl-fake-${++seq}`;
    const created = Math.floor(Date.now() / 1000);
    const model = body.model || 'fake-1';
    const plan = script(body.messages);
    const callId = `call_fake_${seq}`;
    if (!body.stream) {
      const message = plan.toolCall
        ? { role: 'assistant', content: null, tool_calls: [{ id: callId, type: 'function', function: { name: plan.toolCall.name, arguments: JSON.stringify(plan.toolCall.args) } }] }
        : { role: 'assistant', content: plan.text };
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ id, object: 'chat.completion', created, model,
        choices: [{ index: 0, message, finish_reason: plan.toolCall ? 'tool_calls' : 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } }));
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (delta, finish = null) => res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model,
      choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
    send({ role: 'assistant', content: '' });
    if (plan.toolCall) {
      await sleep(delayMs);
      send({ tool_calls: [{ index: 0, id: callId, type: 'function', function: { name: plan.toolCall.name, arguments: '' } }] });
      send({ tool_calls: [{ index: 0, function: { arguments: JSON.stringify(plan.toolCall.args) } }] });
      send({}, 'tool_calls');
    } else {
      for (const piece of plan.reasoning ? chunksFor(plan.reasoning) : []) {
        await sleep(delayMs);
        if (res.destroyed) return;
        send({ reasoning_content: piece });
      }
      for (const piece of chunksFor(plan.text, plan.bigChunks, plan.chunkCount)) {
        await sleep(plan.delayMs ?? delayMs);
        if (res.destroyed) return;
        send({ content: piece });
      }
      if (plan.failAtEnd) {
        // What OpenAI-compatible servers send when the provider fails mid-stream. A request error, not
        // "overloaded": the gateway retries transient errors for up to 90 s (jittered backoff), which
        // made the run's end time a matter of luck.
        res.write(`data: ${JSON.stringify({ error: { message: 'fake provider refused the request', type: 'invalid_request_error', code: 'invalid_request_error' } })}\n\n`);
        return res.end();
      }
      send({}, 'stop');
    }
    if (body.stream_options && body.stream_options.include_usage) {
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [],
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } })}\n\n`);
    }
    res.end('data: [DONE]\n\n');
  }

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = (req.url || '').split('?')[0];
      if (req.method === 'GET' && url === '/v1/models') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ object: 'list', data: [{ id: 'fake-1', object: 'model', created: 0, owned_by: 'fake' }] }));
      }
      if (req.method === 'POST' && url === '/v1/chat/completions') {
        let body;
        try { body = JSON.parse(raw || '{}'); } catch { res.writeHead(400); return res.end('bad json'); }
        requests.push({ at: Date.now(), body });
        return void completions(body, res).catch(() => res.destroy());
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'not found' } }));
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      resolve({
        port: actual,
        baseUrl: `http://127.0.0.1:${actual}/v1`,
        requests,
        close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}

module.exports = { startFakeModel, script, longReply, slowReply, chunksFor, REASONING, REASONED_ANSWER };
