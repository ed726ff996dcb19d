/** What people type after `npm start --`, `npm run serve --` and `node serve.mjs`. */
import { describe, expect, it } from 'vitest';
import { choosePort, parseServeArgs, ServeError } from '../../src/lib/serve-site.ts';

const retry = 'npm run serve -- dist --port 4400';

describe('serve arguments', () => {
  it('reads a folder and a port, positionally or with --port', () => {
    expect(parseServeArgs(['dist', '4400'], ['dir', 'port'], retry)).toEqual({ dir: 'dist', port: 4400 });
    expect(parseServeArgs(['dist', '--port', '4400'], ['dir', 'port'], retry)).toEqual({ dir: 'dist', port: 4400 });
    expect(parseServeArgs(['--port=4400', 'dist-internal'], ['dir', 'port'], retry)).toEqual({ dir: 'dist-internal', port: 4400 });
    expect(parseServeArgs(['9000'], ['port'], retry)).toEqual({ port: 9000 });
  });

  it.each([
    [['--port', 'abc'], '端口“abc”无效'],
    [['--port', '65536'], '端口“65536”无效'],
    [['--port', '-1'], '端口“-1”无效'],
    [['--port'], '--port 后面缺少端口号'],
    [['dist', '4400', 'extra'], '多余的参数“extra”'],
    [['-p', '4400'], '不认识的参数“-p”'],
  ])('refuses %j in Chinese, with the command that works', (argv, message) => {
    const attempt = () => parseServeArgs(argv, ['dir', 'port'], retry);
    expect(attempt).toThrow(ServeError);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(retry);
  });

  it('falls back to PORT, then the default; a bad PORT is named too', () => {
    expect(choosePort({}, 4321, retry, { PORT: '8081' })).toBe(8081);
    expect(choosePort({ port: 4400 }, 4321, retry, { PORT: '8081' })).toBe(4400);
    expect(choosePort({}, 4321, retry, {})).toBe(4321);
    expect(() => choosePort({}, 4321, retry, { PORT: 'http' })).toThrow('端口“http”无效');
  });
});
