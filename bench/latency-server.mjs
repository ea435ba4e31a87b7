/**
 * The loopback server of the latency benchmark, run as its own process so its timers and writes
 * never share an event loop with the client being measured. Listens on 127.0.0.1 (random port,
 * printed on stdout), and answers each POST to /c<count>/i<interval>/... with an OpenAI-style stream: `count` events,
 * one every `interval` ms, each carrying in its content the server's monotonic clock (process.hrtime, the
 * same CLOCK_MONOTONIC in every process) taken just before the write. Exits when stdin closes.
 */
import http from 'node:http';

const server = http.createServer((req, res) => {
  // The stream's shape rides in the path (/c<count>/i<interval>/...), which any client keeps.
  const [, count = 200, interval = 5] = (/\/c(\d+)\/i(\d+)\//.exec(req.url ?? '') ?? []).map(
    Number,
  );
  req.resume();
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
  res.socket?.setNoDelay(true);
  const head =
    '{"id":"chatcmpl-latency","object":"chat.completion.chunk","created":1700000000,"model":"latency","choices":[{"index":0,"delta":';
  res.write(`data: ${head}{"role":"assistant","content":""},"finish_reason":null}]}\n\n`);
  let sent = 0;
  const tick = () => {
    if (sent === count) {
      res.write(`data: ${head}{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n`);
      res.end();
      return;
    }
    sent++;
    res.write(`data: ${head}{"content":"${process.hrtime.bigint()}"},"finish_reason":null}]}\n\n`);
    setTimeout(tick, interval);
  };
  setTimeout(tick, interval);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
