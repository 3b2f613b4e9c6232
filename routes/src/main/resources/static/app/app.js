'use strict';
// SoHoa web page: sign-in, reception, review, reports. Plain JS; every datum from /api, shown with textContent.

const ROLE_NAMES = { TIEP_NHAN: 'Tiếp nhận', KIEM_TRA: 'Kiểm tra', LUU_TRU: 'Lưu trữ', QUAN_TRI: 'Quản trị', API: 'Hệ thống' };
const STATE_NAMES = { processing: 'Đang xử lý', done: 'Đã số hóa', duplicate: 'Đã có (trùng tệp)', failed: 'Không số hóa được' };
const REVIEW_NAMES = { auto: 'Tự động, không cần kiểm tra', needs_review: 'Chờ kiểm tra', reviewed: 'Đã xác nhận', corrected: 'Đã sửa' };
const $ = (id) => document.getElementById(id);
let me = null;
let source = null;

function csrf() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

async function api(path, options = {}) {
  const headers = Object.assign({ 'X-XSRF-TOKEN': csrf() }, options.headers || {});
  const response = await fetch(path, Object.assign({ credentials: 'same-origin' }, options, { headers }));
  if (response.status === 401) { showLogin(); throw new Error('Phiên đăng nhập đã hết, xin đăng nhập lại.'); }
  if (!response.ok) {
    let detail = '';
    try { detail = (await response.json()).detail || ''; } catch (e) { /* not JSON */ }
    throw new Error(response.status === 404 ? 'Không tìm thấy (hoặc không thuộc cơ quan của bạn).'
      : response.status === 403 ? 'Tài khoản không có quyền thực hiện việc này.' : 'Lỗi ' + response.status + ': ' + detail);
  }
  return response;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') node.textContent = v; else node.setAttribute(k, v);
  }
  children.forEach((c) => node.append(c));
  return node;
}

function show(page) {
  document.querySelectorAll('.page').forEach((p) => { p.hidden = p.id !== 'page-' + page; });
  document.querySelectorAll('header a').forEach((a) => a.classList.toggle('active', a.dataset.page === page));
  if (page === 'kiem-tra') loadQueue();
  if (page === 'luu-tru') loadImports();
  if (page === 'bao-cao' && !$('report-from').value) {
    const now = new Date();
    $('report-from').value = now.getFullYear() + '-01-01';
    $('report-to').value = now.toISOString().slice(0, 10);
  }
}

function showLogin() {
  me = null;
  $('top').hidden = true;
  show('login');
  $('username').focus();
}

function route() {
  if (!me) return;
  const page = (location.hash || '#').slice(1);
  show(['tiep-nhan', 'kiem-tra', 'luu-tru', 'bao-cao'].includes(page) ? page : (me.role === 'KIEM_TRA' ? 'kiem-tra' : 'tiep-nhan'));
}

async function start() {
  const response = await fetch('/api/me', { credentials: 'same-origin' });
  if (!response.ok) { showLogin(); return; }
  me = await response.json();
  $('who').textContent = me.username + ' — ' + (ROLE_NAMES[me.role] || me.role) + (me.allAgencies ? ' — toàn hệ thống' : me.agencyCode ? ' — ' + me.agencyCode : '');
  $('top').hidden = false;
  route();
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('login-error').textContent = '';
  // sign-out drops the CSRF token: any request through the filter chain sets a new XSRF-TOKEN cookie
  if (!csrf()) await fetch('/api/me', { credentials: 'same-origin' });
  const body = new URLSearchParams({ username: $('username').value, password: $('password').value });
  const response = await fetch('/login', { method: 'POST', credentials: 'same-origin', body,
    headers: { 'X-XSRF-TOKEN': csrf(), 'Content-Type': 'application/x-www-form-urlencoded' } });
  if (response.ok) { $('password').value = ''; await start(); return; }
  $('login-error').textContent = response.status === 401 ? 'Tên đăng nhập hoặc mật khẩu không đúng.'
    : 'Không đăng nhập được (lỗi ' + response.status + '). Tải lại trang và thử lại.';
});

$('logout').addEventListener('click', async () => {
  await fetch('/logout', { method: 'POST', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': csrf() } });
  if (source) source.close();
  // a fresh page: nothing of this account's dossiers stays in the page for the next one
  location.replace('/');
});

window.addEventListener('hashchange', route);

// ---- reception ----
let currentCode = null;

$('dossier-form').addEventListener('submit', (event) => {
  event.preventDefault();
  openDossier($('dossier-code').value.trim());
});

async function openDossier(code) {
  $('reception-error').textContent = '';
  currentCode = code;
  $('dossier').hidden = false;
  $('dossier-title').textContent = 'Hồ sơ ' + code;
  $('events').replaceChildren();
  if (source) { source.close(); source = null; }
  // the stream is open only for a dossier that exists: a new one is listened to once its first upload creates it
  if (await showDocuments(code)) await listen(code);
}

// resolves once the stream is open (its hello event), so that no event of an upload sent after it is missed
function listen(code) {
  if (source) source.close();
  source = new EventSource('/api/dossiers/' + encodeURIComponent(code) + '/events');
  const opened = new Promise((resolve) => {
    source.addEventListener('hello', resolve, { once: true });
    source.addEventListener('error', resolve, { once: true });
  });
  source.addEventListener('file', (message) => {
    const e = JSON.parse(message.data);
    const item = el('li', { class: e.state, text: e.file + ': ' + (STATE_NAMES[e.state] || e.state) + (e.detail ? ' — ' + e.detail : '') });
    $('events').append(item);
    if (e.state === 'done' || e.state === 'duplicate') showDocuments(code);
  });
  return opened;
}

async function showDocuments(code) {
  const target = $('documents');
  let dossier;
  try {
    const response = await fetch('/api/dossiers/' + encodeURIComponent(code), { credentials: 'same-origin' });
    if (response.status === 404) { target.replaceChildren(el('p', { class: 'muted', text: 'Hồ sơ mới: chưa có tài liệu. Tải tệp quét lên để tạo.' })); return false; }
    if (!response.ok) throw new Error('Lỗi ' + response.status);
    dossier = await response.json();
  } catch (e) { $('reception-error').textContent = e.message; return false; }
  $('dossier-title').textContent = 'Hồ sơ ' + dossier.code + (dossier.agency ? ' — ' + dossier.agency.name : '')
    + (dossier.procedure ? ' — ' + dossier.procedure.name : '');
  target.replaceChildren(...dossier.documents.map(documentView));
  return true;
}

function documentView(doc) {
  const pdf = doc.files.find((f) => f.kind === 'pdf');
  const table = el('table', { class: 'grid fields' }, el('thead', {}, el('tr', {}, el('th', { text: 'Trường' }),
    el('th', { text: 'Giá trị' }), el('th', { text: 'Độ tin cậy' }))));
  const body = el('tbody');
  for (const [name, field] of Object.entries(doc.fields || {})) {
    body.append(el('tr', { 'data-field': name }, el('td', { text: name }), el('td', { class: 'value', text: field.value }),
      el('td', { text: Math.round((field.confidence || 0) * 100) + '%' })));
  }
  table.append(body);
  const side = el('div', {},
    el('h3', { text: 'Loại: ' + doc.type + ' (' + Math.round(doc.typeConfidence * 100) + '%) — ' + doc.pageCount + ' trang' }),
    el('p', { text: 'Trạng thái kiểm tra: ' + (REVIEW_NAMES[doc.reviewState] || doc.reviewState) }),
    Object.keys(doc.fields || {}).length ? table : el('p', { class: 'muted', text: 'Chưa đọc được trường nào.' }));
  if (pdf) side.append(el('p', {}, el('a', { href: pdf.href, class: 'pdf-link', text: 'Tải PDF tìm kiếm được (' + pdf.name + ')' })));
  return el('div', { class: 'doc', 'data-document': doc.id },
    el('img', { src: '/api/documents/' + doc.id + '/pages/1.png', alt: 'Ảnh trang 1 của tài liệu' }), side);
}

$('upload-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('reception-error').textContent = '';
  const form = new FormData();
  for (const file of $('file-input').files) form.append('file', file);
  $('upload-submit').disabled = true;
  try {
    const path = '/api/dossiers/' + encodeURIComponent(currentCode);
    if (!source) {
      // a new dossier: create it (in the officer's agency) so that its stream opens before the files go
      await api(path, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      await listen(currentCode);
    }
    await api(path + '/files', { method: 'POST', body: form });
    $('file-input').value = '';
    await showDocuments(currentCode);
  } catch (e) {
    $('reception-error').textContent = e.message;
  } finally {
    $('upload-submit').disabled = false;
  }
});

// ---- review ----
let queue = [];
let selected = 0;
let reviewing = null;

async function loadQueue() {
  const body = $('queue').tBodies[0];
  try {
    queue = await (await api('/api/review/queue')).json();
  } catch (e) { body.replaceChildren(el('tr', {}, el('td', { colspan: 4, class: 'error', text: e.message }))); return; }
  $('queue-empty').hidden = queue.length > 0;
  body.replaceChildren(...queue.map((item, i) => {
    const row = el('tr', { tabindex: 0, 'data-document': item.documentId }, el('td', { text: item.dossierCode }),
      el('td', { text: item.type }), el('td', { text: Math.round(item.typeConfidence * 100) + '%' }), el('td', { text: item.pageCount }));
    row.addEventListener('click', () => { select(i); openReview(i); });
    return row;
  }));
  select(Math.min(selected, Math.max(queue.length - 1, 0)));
}

function select(i) {
  selected = i;
  [...$('queue').tBodies[0].rows].forEach((r, j) => r.classList.toggle('selected', j === i));
  const row = $('queue').tBodies[0].rows[i];
  if (row && !$('page-kiem-tra').hidden && !reviewing) row.focus();
}

async function openReview(i) {
  const item = queue[i];
  if (!item) return;
  const dossier = await (await api('/api/dossiers/' + encodeURIComponent(item.dossierCode))).json();
  const doc = dossier.documents.find((d) => d.id === item.documentId);
  reviewing = doc;
  $('review-form').hidden = false;
  $('review-title').textContent = 'Hồ sơ ' + item.dossierCode + ' — tài liệu ' + doc.id.slice(0, 8);
  $('review-image').src = '/api/documents/' + doc.id + '/pages/1.png';
  $('review-type').value = doc.type;
  $('review-result').textContent = '';
  const fields = Object.entries(doc.fields || {}).flatMap(([name, field]) => {
    const input = el('input', { id: 'field-' + name, 'data-field': name });
    input.value = field.value;
    return [el('label', { for: 'field-' + name, text: name + ' (' + Math.round((field.confidence || 0) * 100) + '%)' }), input];
  });
  $('review-fields').replaceChildren(...fields);
  (document.querySelector('#review-fields input') || $('review-type')).focus();
}

$('review-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const fields = {};
  document.querySelectorAll('#review-fields input').forEach((input) => { fields[input.dataset.field] = input.value; });
  if ($('review-new-name').value.trim()) fields[$('review-new-name').value.trim()] = $('review-new-value').value;
  try {
    const response = await api('/api/review/documents/' + reviewing.id, { method: 'POST',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ type: $('review-type').value, fields }) });
    const state = (await response.json()).reviewState;
    $('review-result').textContent = state === 'corrected' ? 'Đã lưu bản sửa.' : 'Đã xác nhận.';
    $('review-new-name').value = ''; $('review-new-value').value = '';
    reviewing = null;
    await loadQueue();
  } catch (e) { $('review-result').textContent = e.message; }
});

document.addEventListener('keydown', (event) => {
  if ($('page-kiem-tra').hidden) return;
  if (event.key === 'Enter' && event.ctrlKey && reviewing) { event.preventDefault(); $('review-form').requestSubmit(); return; }
  if (event.key === 'Escape') { reviewing = null; $('review-form').hidden = true; select(selected); return; }
  if (reviewing || event.target.tagName === 'INPUT') return;
  if (event.key === 'ArrowDown') { event.preventDefault(); select(Math.min(selected + 1, queue.length - 1)); }
  if (event.key === 'ArrowUp') { event.preventDefault(); select(Math.max(selected - 1, 0)); }
  if (event.key === 'Enter') { event.preventDefault(); openReview(selected); }
});

// ---- backlog imports ----
const IMPORT_STATES = { queued: 'Đang chờ', running: 'Đang chạy', finished: 'Hoàn tất', 'finished-with-errors': 'Xong, có lỗi', stopped: 'Đã dừng' };

async function loadImports() {
  const body = $('imports').tBodies[0];
  let runs;
  try { runs = await (await api('/api/imports')).json(); } catch (e) { $('import-error').textContent = e.message; return; }
  body.replaceChildren(...runs.map((run) => {
    const rate = run.planned ? run.done / run.planned : 0;
    const fill = el('div', { class: 'fill' });
    fill.style.width = (rate * 100).toFixed(1) + '%';
    return el('tr', {}, el('td', { text: run.id }), el('td', { text: run.input }),
      el('td', { text: IMPORT_STATES[run.state] || run.state }),
      el('td', {}, el('div', { class: 'bar' }, el('div', { class: 'track' }, fill), el('span', { text: run.done + '/' + run.planned + ' tài liệu, ' + run.pagesDone + '/' + run.pagesPlanned + ' trang' }))),
      el('td', { text: run.failed }));
  }));
  if (runs.some((r) => r.state === 'running' || r.state === 'queued') && !$('page-luu-tru').hidden) setTimeout(loadImports, 3000);
}

$('import-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('import-error').textContent = '';
  try {
    await api('/api/imports', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: $('import-input').value.trim() }) });
    $('import-input').value = '';
    await loadImports();
  } catch (e) { $('import-error').textContent = e.message; }
});

// ---- reports ----
$('report-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const query = new URLSearchParams({ from: $('report-from').value, to: $('report-to').value });
  if ($('report-agency').value.trim()) query.set('agency', $('report-agency').value.trim());
  try {
    const view = await (await api('/api/reports/digitization?' + query)).json();
    $('report-text').textContent = view.text;
    $('report-charts').replaceChildren(chart('Theo cấp', view.report.byLevel), chart('Theo thủ tục', view.report.byProcedure));
    $('report-downloads').replaceChildren(el('a', { href: '/api/reports/digitization.csv?' + query, text: 'Tải CSV' }),
      document.createTextNode(' · '), el('a', { href: '/api/reports/digitization.xlsx?' + query, text: 'Tải Excel (XLSX)' }));
  } catch (e) { $('report-text').textContent = e.message; }
});

function chart(title, rows) {
  const box = el('div', { class: 'bars' }, el('h2', { text: title }));
  (rows || []).forEach((row) => {
    const rate = row.received ? row.digitized / row.received : 0;
    const fill = el('div', { class: 'fill' });
    fill.style.width = (rate * 100).toFixed(1) + '%';
    box.append(el('div', { class: 'bar' }, el('span', { text: row.name }), el('div', { class: 'track' }, fill),
      el('span', { text: row.digitized + '/' + row.received + ' (' + (rate * 100).toFixed(2).replace('.', ',') + '%)' })));
  });
  if (!rows || !rows.length) box.append(el('p', { class: 'muted', text: 'Không có hồ sơ trong kỳ.' }));
  return box;
}

start();
