// The built site's precompressed copies (scripts/compress.ts) and how `npm run serve`
// sends them (scripts/serve.ts): each copy is its file's bytes, kept only where smaller,
// and a browser gets the encoding it accepts, or none.
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {request} from "node:http";
import {join} from "node:path";
import {brotliDecompressSync, gunzipSync} from "node:zlib";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {compressSite, encodedCopy} from "../../scripts/compress.ts";
import {serve} from "../../scripts/serve.ts";
import {tmp} from "../helpers/tmp.ts";

const page = `<!doctype html><title>x</title>${"<p>the agent stops to ask</p>\n".repeat(200)}`;
// WebAssembly's magic number and version, then a body that compresses.
const wasm = Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(50_000, 7)]);
// A Parquet file is compressed already: left alone.
const parquet = Buffer.concat([Buffer.from("PAR1"), Buffer.alloc(5_000, 3), Buffer.from("PAR1")]);

function site(): string {
  const dist = tmp("dist-");
  mkdirSync(join(dist, "_npm"), {recursive: true});
  writeFileSync(join(dist, "index.html"), page);
  writeFileSync(join(dist, "_npm", "engine.wasm"), wasm);
  writeFileSync(join(dist, "tiny.json"), "{}");
  writeFileSync(join(dist, "f1.parquet"), parquet);
  return dist;
}

describe("compressSite", () => {
  test("writes a brotli and a gzip copy of each text and WebAssembly file that they make smaller, each its file's bytes", async () => {
    const dist = site();
    const done = await compressSite(dist, tmp("cache-"));
    expect(done).toMatchObject({files: 3, cached: 0});
    for (const file of ["index.html", "_npm/engine.wasm"]) {
      const original = readFileSync(join(dist, file));
      expect(brotliDecompressSync(readFileSync(join(dist, `${file}.br`)))).toEqual(original);
      expect(gunzipSync(readFileSync(join(dist, `${file}.gz`)))).toEqual(original);
    }
    // Two bytes do not get smaller; Parquet is not compressed again.
    expect(existsSync(join(dist, "tiny.json.br"))).toBe(false);
    expect(readdirSync(dist).filter((f) => f.startsWith("f1.parquet"))).toEqual(["f1.parquet"]);
  });

  test("a rebuild takes the copies of unchanged bytes from the cache, and the same copies result", async () => {
    const cache = tmp("cache-");
    const [first, second] = [site(), site()];
    await compressSite(first, cache);
    expect(await compressSite(second, cache)).toMatchObject({files: 3, cached: 3});
    expect(readFileSync(join(second, "index.html.br"))).toEqual(readFileSync(join(first, "index.html.br")));
  });
});

describe("encodedCopy", () => {
  test("picks brotli over gzip, honours a refusal (q=0), and sends nothing encoded when nothing is accepted", async () => {
    const dist = site();
    await compressSite(dist, tmp("cache-"));
    const path = join(dist, "index.html");
    expect(encodedCopy(path, "gzip, deflate, br, zstd")).toEqual({path: `${path}.br`, encoding: "br"});
    expect(encodedCopy(path, "gzip;q=1.0, br;q=0")).toEqual({path: `${path}.gz`, encoding: "gzip"});
    expect(encodedCopy(path, "GZIP")).toEqual({path: `${path}.gz`, encoding: "gzip"});
    expect(encodedCopy(path, "identity")).toBeUndefined();
    expect(encodedCopy(path, undefined)).toBeUndefined();
    expect(encodedCopy(join(dist, "tiny.json"), "br, gzip")).toBeUndefined();
  });
});

describe("npm run serve", () => {
  let url = "";
  let close = () => {};
  beforeAll(async () => {
    const dist = site();
    await compressSite(dist, tmp("cache-"));
    const s = await serve(dist);
    url = s.url;
    close = () => s.server.close();
  });
  afterAll(() => close());

  const get = (path: string, accept?: string) =>
    new Promise<{headers: Record<string, string | string[] | undefined>; body: Buffer}>((done, fail) => {
      request(`${url}${path}`, {headers: accept ? {"accept-encoding": accept} : {}}, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => done({headers: res.headers, body: Buffer.concat(chunks)}));
      })
        .on("error", fail)
        .end();
    });

  test("sends the encoding the browser accepts, with the file's own type, and says that it varies", async () => {
    const br = await get("/", "gzip, deflate, br");
    expect(br.headers).toMatchObject({"content-encoding": "br", "content-type": "text/html; charset=utf-8", vary: "accept-encoding"});
    expect(brotliDecompressSync(br.body).toString()).toBe(page);
    const gz = await get("/_npm/engine.wasm", "gzip");
    expect(gz.headers).toMatchObject({"content-encoding": "gzip", "content-type": "application/wasm"});
    expect(gunzipSync(gz.body)).toEqual(wasm);
    const plain = await get("/_npm/engine.wasm");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toEqual(wasm);
  });
});
