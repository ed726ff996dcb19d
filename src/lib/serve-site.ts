/**
 * What `npm start`, `npm run serve` and the intranet package's `node serve.mjs` share: reading the
 * folder and port from the command line, checking the port before any work is done, and saying in
 * Chinese what went wrong and how to choose another port, instead of Node's English stack trace.
 */
import { existsSync } from 'node:fs';
import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import type { Server } from 'node:http';
import { serveStatic } from './static-server.ts';

/** A problem the person starting the server can fix; printed as it is, without a stack trace. */
export class ServeError extends Error {}

export interface ServeArgs {
  dir?: string;
  port?: number;
}

/**
 * `[folder] [port]` as positional arguments (the packaged server takes only a port), or `--port N`
 * / `--port=N` anywhere. `retry` is the command line that chooses another port, shown in messages.
 */
export function parseServeArgs(argv: readonly string[], positionals: readonly ('dir' | 'port')[], retry: string): ServeArgs {
  const args: ServeArgs = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const inline = /^--port=(.*)$/.exec(arg);
    if (inline) args.port = parsePort(inline[1] ?? '', retry);
    else if (arg === '--port') {
      if (i + 1 >= argv.length) throw new ServeError(`--port 后面缺少端口号。例如：${retry}`);
      args.port = parsePort(argv[++i] ?? '', retry);
    } else if (arg.startsWith('-')) throw new ServeError(`不认识的参数“${arg}”。可以用 --port 指定端口，例如：${retry}`);
    else rest.push(arg);
  }
  if (rest.length > positionals.length) throw new ServeError(`多余的参数“${rest.slice(positionals.length).join(' ')}”。用法：${retry}`);
  rest.forEach((value, i) => {
    if (positionals[i] === 'dir') args.dir = value;
    else args.port = parsePort(value, retry);
  });
  return args;
}

export function parsePort(value: string, retry: string): number {
  const port = /^\d{1,5}$/.test(value.trim()) ? Number(value) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new ServeError(`端口“${value}”无效：应为 1–65535 之间的整数。例如：${retry}`);
  return port;
}

/** The port from the command line, else the PORT variable, else the command's default. */
export function choosePort(args: ServeArgs, fallback: number, retry: string, env: Record<string, string | undefined> = process.env): number {
  const fromEnv = env['PORT'];
  return args.port ?? (fromEnv ? parsePort(fromEnv, retry) : fallback);
}

function listenError(err: NodeJS.ErrnoException, port: number, host: string, retry: string): ServeError {
  if (err.code === 'EADDRINUSE') return new ServeError(`端口 ${port} 已被占用（可能已有一个廉鉴服务或别的程序在用）。请先关掉它，或换一个端口，例如：${retry}`);
  if (err.code === 'EACCES') return new ServeError(`没有权限使用端口 ${port}（1024 以下的端口通常需要管理员权限）。请换一个端口，例如：${retry}`);
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') return new ServeError(`本机没有地址“${host}”，请检查 HOST 的设置（默认 127.0.0.1，允许内网访问用 0.0.0.0）。`);
  return new ServeError(`无法在 ${host}:${port} 提供服务：${err.message}`);
}

function listen(server: NetServer | Server, port: number, host: string, retry: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(listenError(err, port, host, retry)));
    server.listen(port, host, () => resolve());
  });
}

/** Takes the port and lets it go again: `npm start` learns it is busy before a build of minutes. */
export async function checkPort(port: number, host: string, retry: string): Promise<void> {
  const probe = createNetServer();
  await listen(probe, port, host, retry);
  await new Promise((resolve) => probe.close(resolve));
}

/** A loopback port free right now: for servers whose address must be known before they start (issue 20's member sites). */
export async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface SiteOptions {
  dir: string;
  port: number;
  host: string;
  retry: string;
  /** Computed from the folder's pages when not given (the packaged server has it built in). */
  csp?: string;
}

export async function serveSite({ dir, port, host, retry, csp }: SiteOptions): Promise<Server> {
  if (!existsSync(dir)) throw new ServeError(`找不到站点目录“${dir}”，请先运行 npm run build。`);
  let server: Server;
  try {
    server = serveStatic(dir, csp ? { csp } : {});
  } catch (err) {
    // A page without the CSP <meta>: not a folder this project built.
    throw new ServeError(`无法为“${dir}”确定内容安全策略：${(err as Error).message}`);
  }
  await listen(server, port, host, retry);
  console.log(`廉鉴已在 http://${host}:${port}/ 提供服务（目录：${dir}），按 Ctrl+C 停止。`);
  return server;
}

/** Runs a command-line entry, printing a ServeError as a plain Chinese message. */
export function runCli(main: () => Promise<unknown>): void {
  main().catch((err: unknown) => {
    if (!(err instanceof ServeError)) throw err;
    console.error(err.message);
    process.exit(1);
  });
}
