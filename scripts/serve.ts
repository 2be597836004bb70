// Serves the built site (dist/) on 127.0.0.1, as a reader's static host would: Framework's
// links have no extension, so `/x` is answered with `x.html`; and a file is sent as its
// precompressed copy (compress.ts) where the browser accepts its encoding.
import {createReadStream} from "node:fs";
import {stat} from "node:fs/promises";
import {createServer, type Server} from "node:http";
import {extname, join, normalize, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {encodedCopy} from "./compress.ts";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".parquet": "application/vnd.apache.parquet",
  ".csv": "text/csv; charset=utf-8",
  ".sql": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png"
};

/** The file under `root` that answers `pathname`, as a static host resolves it. */
export async function servedFile(root: string, pathname: string): Promise<string | undefined> {
  const path = join(root, normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, ""));
  for (const candidate of [path, `${path}.html`, join(path, "index.html")]) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
}

export function serve(root: string, port = 0): Promise<{server: Server; url: string}> {
  const server = createServer(async (request, response) => {
    const path = await servedFile(root, new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    if (!path) {
      response.writeHead(404, {"content-type": "text/plain"}).end("not found");
      return;
    }
    const type = types[extname(path)] ?? "application/octet-stream";
    const encoded = encodedCopy(path, request.headers["accept-encoding"]);
    response.writeHead(200, {"content-type": type, vary: "accept-encoding", ...(encoded ? {"content-encoding": encoded.encoding} : {})});
    createReadStream(encoded?.path ?? path).pipe(response);
  });
  return new Promise((done) =>
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      done({server, url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}`});
    })
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? "dist");
  const {url} = await serve(root, Number(process.env.PORT ?? 3000));
  console.log(`Serving ${root} at ${url}/ (Ctrl-C to stop)`);
}
