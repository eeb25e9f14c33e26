// Issue 10's setup for the HTTP tests: two flis-server processes on one database behind nginx as the
// load balancer (round robin), and what their Prometheus texts say about the requests each answered.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startServer } from './server.mjs';

// nginx in front of `servers`, round robin, in `dir`; stop() ends it.
export async function startBalancer(dir, servers) {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const upstream = servers.map((s) => `server 127.0.0.1:${s.port};`).join(' ');
  writeFileSync(join(dir, 'nginx.conf'), `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream flis { ${upstream} }
  server {
    listen 127.0.0.1:${port};
    location / { proxy_pass http://flis; proxy_set_header Host $host; }
  }
}
`);
  const child = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, stop: async () => { child.kill('SIGTERM'); await new Promise((r) => child.on('exit', r)); } };
}

// Two servers started at `at` on the database `db` (prepareDatabase()), with extra flis-server options
// `args`, and nginx in front of them: { a, b, lb }. stop() ends all three; `db` stays the caller's.
export async function startTwoServers({ at, db, args = [] }) {
  const a = await startServer({ at, db, args });
  const b = await startServer({ at, db, args }).catch(async (e) => { await a.stop(); throw e; });
  const lb = await startBalancer(join(db.dir, 'nginx'), [a, b])
    .catch(async (e) => { await b.stop(); await a.stop(); throw e; });
  return {
    a, b, lb,
    async stop() {
      await lb.stop();
      await b.stop();
      await a.stop();
    },
  };
}

// Requests a server answered on `route` with `method` and `status`, from its Prometheus text.
export function served(text, route, { method = 'GET', status = 200 } = {}) {
  const m = text.match(new RegExp(`^flis_http_requests_total\\{route="${route.replace(/[{}]/g, '\\$&')}",method="${method}",status="${status}"\\} (\\d+)`, 'm'));
  return m ? Number(m[1]) : 0;
}
