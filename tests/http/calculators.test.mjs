// The public calculators' contract (issue "Portal and API": these endpoints are also used from outside).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';

let server;
// The calculators take their dates as input; the server's own date is pinned all the same.
before(async () => { server = await startServer({ at: '2026-06-01T10:00' }); });
after(async () => { await server.stop(); });

const get = async (path, headers = {}) => {
  const r = await fetch(`${server.url}${path}`, { headers });
  return { status: r.status, type: r.headers.get('content-type'), body: await r.json() };
};
const post = async (path, body) => {
  const r = await fetch(`${server.url}${path}`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
  return { status: r.status, type: r.headers.get('content-type'), body: await r.json() };
};

test('I-3 I-4: filing after 18:30 on the eve of Nauryz registers after the holidays', async () => {
  // Friday 20 March 2026, 22:00 Almaty: 21–25 March are days off → registered Thursday 26 March.
  const r = await get('/api/v1/calendar/deadline?from=2026-03-20T17:00:00Z&working_days=5');
  assert.equal(r.status, 200);
  assert.deepEqual([r.body.registered_on, r.body.due], ['2026-03-26', '2026-04-02T18:30:00+05:00']);
});

test('I-3: before 09:00 on a working day counts that day; 0 working days ends at 18:30 of it', async () => {
  const r = await get('/api/v1/calendar/deadline?from=2026-11-23T02:00:00Z&working_days=0');
  assert.deepEqual([r.body.registered_on, r.body.due], ['2026-11-23', '2026-11-23T18:30:00+05:00']);
});

test('I-4: a working Sunday by decree counts (5 January 2025)', async () => {
  const r = await get('/api/v1/calendar/deadline?from=2025-01-03T05:00:00Z&working_days=1');
  assert.deepEqual([r.body.registered_on, r.body.due], ['2025-01-05', '2025-01-06T18:30:00+05:00']);
});

test('calendar of 2026 lists every day off, weekends included, and no working weekend days', async () => {
  const r = await get('/api/v1/calendar/2026');
  assert.equal(r.status, 200);
  assert.equal(r.body.year, 2026);
  for (const d of ['2026-01-01', '2026-01-04', '2026-03-09', '2026-03-24', '2026-03-25', '2026-05-11', '2026-05-27',
    '2026-08-31', '2026-10-26', '2026-12-16']) assert.ok(r.body.days_off.includes(d), d);
  assert.ok(!r.body.days_off.includes('2026-05-08'));
  assert.deepEqual([...r.body.days_off].sort(), r.body.days_off);
  assert.deepEqual(r.body.working_weekend_days, []);
  const y2025 = await get('/api/v1/calendar/2025');
  assert.deepEqual(y2025.body.working_weekend_days, ['2025-01-05']);
});

test('SE-10 I-12: self-assessment adds every criterion met', async () => {
  const r = await post('/api/v1/self-employment/assessment', JSON.stringify({
    higher_education: true, academic_degree: true, english_teaching_certificate: false, experience_years: 11,
  }));
  assert.equal(r.status, 200);
  assert.equal(r.body.points, 13);
  assert.equal(r.body.threshold, 6);
  assert.equal(r.body.meets_threshold, true);
  assert.deepEqual(r.body.breakdown.map((l) => [l.criterion, l.points, l.rule]),
    [['higher_education', 3, 'SE-10'], ['academic_degree', 4, 'SE-10'], ['experience', 6, 'SE-10']]);
  const low = await post('/api/v1/self-employment/assessment', JSON.stringify({
    higher_education: false, academic_degree: false, english_teaching_certificate: true, experience_years: 0.9,
  }));
  assert.deepEqual([low.body.points, low.body.meets_threshold], [3, false]);
});

test('identifiers: a valid IIN, a valid BIN and an invalid number', async () => {
  // 900101300012 is not assigned; compute valid ones with the check digit rule of reference-data.md.
  const check = (eleven) => {
    const d = [...eleven].map(Number);
    let s = d.reduce((a, x, i) => a + x * (i + 1), 0) % 11;
    if (s === 10) s = d.reduce((a, x, i) => a + x * (((i + 2) % 11) + 1), 0) % 11;
    return s === 10 ? null : eleven + s;
  };
  const iin = check('90010130001') ?? check('90010130002');
  const r = await get(`/api/v1/identifiers/${iin}`);
  assert.equal(r.status, 200);
  assert.deepEqual([r.body.valid, r.body.kind, r.body.birth_date, r.body.sex], [true, 'iin', '1990-01-01', 'male']);
  const bin = check('18034001234') ?? check('18034001235');
  const b = await get(`/api/v1/identifiers/${bin}`);
  assert.deepEqual([b.body.valid, b.body.kind, b.body.entity_type], [true, 'bin', 'resident_legal_entity']);
  const bad = await get(`/api/v1/identifiers/${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`);
  assert.deepEqual([bad.status, bad.body.valid, bad.body.reason], [200, false, 'check_digit']);
  const short = await get('/api/v1/identifiers/12345');
  assert.deepEqual([short.body.valid, short.body.reason], [false, 'not_12_digits']);
});

test('malformed input is a 400 problem+json naming the field, in the asked language', async () => {
  const cases = [
    ['/api/v1/calendar/deadline?from=2026-13-01T00:00:00Z&working_days=1', 'from'],
    ['/api/v1/calendar/deadline?from=2026-03-01T00:00:00Z&working_days=367', 'working_days'],
    ['/api/v1/calendar/deadline?from=2026-03-01T00:00:00Z&working_days=-1', 'working_days'],
    ['/api/v1/calendar/deadline?from=2026-03-01T00:00:00Z&working_days=abc', 'working_days'],
    ['/api/v1/calendar/deadline?working_days=3', 'from'],
    ['/api/v1/calendar/20x6', 'year'],
  ];
  for (const [path, field] of cases) {
    const r = await get(path, { 'Accept-Language': 'en' });
    assert.equal(r.status, 400, path);
    assert.match(r.type, /application\/problem\+json/);
    assert.equal(r.body.field, field, path);
    assert.ok(r.body.detail.length > 0);
  }
  for (const [body, field] of [['', 'body'], ['{', 'body'], ['[]', 'body'],
    ['{"higher_education":"yes","academic_degree":false,"english_teaching_certificate":false,"experience_years":1}', 'higher_education'],
    ['{"higher_education":true,"academic_degree":false,"english_teaching_certificate":false}', 'experience_years'],
    ['{"higher_education":true,"academic_degree":false,"english_teaching_certificate":false,"experience_years":-2}', 'experience_years']]) {
    const r = await post('/api/v1/self-employment/assessment', body);
    assert.equal(r.status, 400, body);
    assert.equal(r.body.field, field, body);
  }
  const kk = await get('/api/v1/calendar/deadline?from=x&working_days=1', { 'Accept-Language': 'kk' });
  const ru = await get('/api/v1/calendar/deadline?from=x&working_days=1', { 'Accept-Language': 'ru' });
  assert.notEqual(kk.body.detail, ru.body.detail);
});

test('OpenAPI 3.1 document describes the calculators', async () => {
  const r = await get('/api/v1/openapi.json');
  assert.equal(r.body.openapi, '3.1.0');
  for (const p of ['/api/v1/calendar/deadline', '/api/v1/calendar/{year}', '/api/v1/self-employment/assessment',
    '/api/v1/identifiers/{number}']) assert.ok(r.body.paths[p], p);
});
