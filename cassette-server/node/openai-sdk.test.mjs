// The official OpenAI Node SDK through `./cassette serve`: a streamed chat is recorded against a
// loopback stand-in for the API, then replayed with the stand-in gone. Run by .ci/run:
//   (cd cassette-server/node && npm ci && npm test)
// It needs cassette-cli/target/cassette.jar, which `./cassette` builds when it is missing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import OpenAI from "openai";

const CASSETTE = fileURLToPath(new URL("../../cassette", import.meta.url));
const API_KEY = "sk-test-never-in-the-file";
const WORDS = ["Hel", "lo ", "from ", "the ", "stand-in"];

/** Starts `cassette serve ARGS`; resolves once it has printed its base URL (the first line). */
async function serve(args) {
  const child = spawn(CASSETTE, ["serve", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (data) => (stderr += data));
  const baseURL = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`cassette serve exited with ${code}: ${stderr}`)));
  });
  return {
    baseURL,
    /** Sends SIGTERM; resolves with the exit status and what it logged. */
    async stop() {
      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      return { code, stderr };
    },
  };
}

function chunk(delta, finish = null) {
  return `data: ${JSON.stringify({
    id: "chatcmpl-standin",
    object: "chat.completion.chunk",
    created: 1764547200,
    model: "gpt-4o-mini",
    choices: [{ index: 0, delta, finish_reason: finish }],
  })}\n\n`;
}

/**
 * A stand-in for api.openai.com/v1 that streams one word per event, and sends the second only after
 * the client has the first: a proxy that buffered the stream would hang here instead of streaming.
 */
async function standIn(firstEventArrived) {
  const server = createServer(async (req, res) => {
    for await (const _ of req);
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(chunk({ role: "assistant", content: WORDS[0] }));
    await firstEventArrived;
    for (const word of WORDS.slice(1)) res.write(chunk({ content: word }));
    res.write(chunk({}, "stop"));
    res.end("data: [DONE]\n\n");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return server;
}

/** A streamed chat completion; calls onFirstText when the first words arrive. */
async function chat(baseURL, content = "Say hello", onFirstText = () => {}) {
  const client = new OpenAI({ baseURL, apiKey: API_KEY });
  const stream = await client.chat.completions.create({
    model: "gpt-4o-mini",
    stream: true,
    messages: [{ role: "user", content }],
  });
  let text = "";
  for await (const part of stream) {
    text += part.choices[0]?.delta?.content ?? "";
    if (text) onFirstText();
  }
  return text;
}

test("a streamed chat recorded through cassette serve replays with the upstream gone", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "cassette-node-")), "chat.yaml");
  let clientHasFirstEvent;
  const firstEventArrived = new Promise((resolve) => (clientHasFirstEvent = resolve));
  const upstream = await standIn(firstEventArrived);
  const upstreamURL = `http://127.0.0.1:${upstream.address().port}/v1`;

  const recording = await serve(["--upstream", upstreamURL, "--mode", "record", file]);
  assert.match(recording.baseURL, /^http:\/\/127\.0\.0\.1:\d+$/);
  const live = await chat(recording.baseURL, "Say hello", clientHasFirstEvent);
  assert.equal(live, WORDS.join(""));
  const recorded = await recording.stop();
  assert.equal(recorded.code, 0, recorded.stderr);
  upstream.close();

  const yaml = readFileSync(file, "utf8");
  assert.ok(yaml.includes(`url: ${upstreamURL}/chat/completions`), yaml);
  assert.ok(yaml.includes("data: [DONE]"), yaml);
  assert.ok(!yaml.includes(API_KEY), "the API key never reaches the cassette");

  const replaying = await serve(["--upstream", upstreamURL, "--mode", "replay", file]);
  assert.equal(await chat(replaying.baseURL), live);
  await assert.rejects(chat(replaying.baseURL, "Something never recorded"), (error) => {
    assert.equal(error.status, 404);
    assert.ok(error.message.includes(file), error.message);
    return true;
  });
  const replayed = await replaying.stop();
  assert.equal(replayed.code, 0, replayed.stderr);
  assert.equal(readFileSync(file, "utf8"), yaml, "a replay leaves the cassette as it was");
});
