'use strict';
// The analysts' dashboard: reads only the reporting API, through api() below, and follows the live feed.

const params = new URLSearchParams(location.search);
const state = {
  lang: localStorage.getItem('dashboard.lang') || 'zh',
  district: params.get('district') || 'all',
  from: params.get('from') || '',
  to: params.get('to') || '',
  districts: [],
  charts: {},
  live: null
};
const t = key => I18N[state.lang][key] ?? key;
const dict = (group, key) => (I18N[state.lang][group] || {})[key] || key;

// --- Identity: the one place that knows how the caller is named on the wire. -----------------------------------
(function keepToken() {
  const token = params.get('token');
  if (token) {
    sessionStorage.setItem('dashboard.token', token);
  }
})();

function identityHeaders() {
  const token = sessionStorage.getItem('dashboard.token');
  return token ? { Authorization: 'Bearer ' + token } : {};
}

/** A 401 means the page has no (valid) token: say how to get one, once. */
function tokenNeeded() {
  if (document.getElementById('token-needed')) {
    return;
  }
  const banner = document.createElement('div');
  banner.id = 'token-needed';
  banner.className = 'token-needed';
  banner.textContent = t('tokenNeeded');
  document.body.prepend(banner);
}

/** Every call of the reporting API goes through here. Answers the parsed JSON, or null when it failed. */
async function api(path, init = {}) {
  const headers = Object.assign({ Accept: 'application/json' }, identityHeaders(), init.headers || {});
  try {
    const response = await fetch(path, Object.assign({}, init, { headers }));
    if (response.status === 401) {
      tokenNeeded();
    }
    if (init.raw) {
      return response;
    }
    if (!response.ok) {
      return null;
    }
    return await response.json();
  } catch (e) {
    if (init.raw) {
      throw e;
    }
    return null;
  }
}

// --- Formatting -----------------------------------------------------------------------------------------------
const number = n => (n === null || n === undefined) ? '—' : Number(n).toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en-US');
const percent = r => (r === null || r === undefined) ? '—' : (r * 100).toFixed(1) + '%';
const escape = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const districtName = code => {
  const row = state.districts.find(d => d.districtCode === code);
  return row && row.districtName ? row.districtName : code;
};
function query(extra) {
  const q = new URLSearchParams();
  if (state.from) q.set('from', state.from);
  if (state.to) q.set('to', state.to);
  Object.entries(extra || {}).forEach(([k, v]) => { if (v !== null && v !== undefined && v !== '') q.set(k, v); });
  const s = q.toString();
  return s ? '?' + s : '';
}
const selectedDistrict = () => state.district === 'all' ? null : state.district;

// --- Labels ---------------------------------------------------------------------------------------------------
function applyLabels() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
}

// --- District table and KPIs ----------------------------------------------------------------------------------
async function loadDistricts() {
  const table = await api('/api/stats/districts' + query());
  state.districts = table ? table.districts || [] : [];
  fillDistrictSelect();
  renderDistrictTable(table);
  const row = selectedDistrict() ? state.districts.find(d => d.districtCode === state.district) : table && table.total;
  renderKpis(row || null);
  document.getElementById('updated').textContent = t('updatedAt') + ' ' + new Date().toLocaleTimeString(state.lang === 'zh' ? 'zh-CN' : 'en-GB');
}

function fillDistrictSelect() {
  const select = document.getElementById('district');
  const options = [`<option value="all">${escape(t('allDistricts'))}</option>`].concat(state.districts.map(d =>
    `<option value="${escape(d.districtCode)}">${escape(d.districtName ? d.districtName + ' ' + d.districtCode : d.districtCode)}</option>`));
  if (state.district !== 'all' && !state.districts.some(d => d.districtCode === state.district)) {
    options.push(`<option value="${escape(state.district)}">${escape(state.district)}</option>`);
  }
  select.innerHTML = options.join('');
  select.value = state.district;
}

function rateCell(rate) {
  const width = rate === null || rate === undefined ? 0 : Math.max(0, Math.min(100, rate * 100));
  const level = rate === null || rate === undefined ? '' : rate >= 0.9 ? '' : rate >= 0.7 ? 'mid' : 'low';
  return `<div class="rate"><div class="bar"><i class="${level}" style="width:${width.toFixed(1)}%"></i></div>`
    + `<span class="pct">${percent(rate)}</span></div>`;
}

function renderDistrictTable(table) {
  const body = document.querySelector('#district-table tbody');
  const foot = document.querySelector('#district-table tfoot');
  if (!table || !table.districts || table.districts.length === 0) {
    body.innerHTML = `<tr><td colspan="7" class="empty">${escape(table ? t('empty') : t('unavailable'))}</td></tr>`;
    foot.innerHTML = '';
    return;
  }
  const rows = [...table.districts].sort((a, b) => (b.found || 0) - (a.found || 0));
  body.innerHTML = rows.map(d => `
    <tr data-district="${escape(d.districtCode)}" data-closure-rate="${d.closureRate ?? ''}"
        class="${d.districtCode === state.district ? 'selected' : ''}">
      <td>${escape(d.districtName || d.districtCode)}${d.districtName ? `<span class="code">${escape(d.districtCode)}</span>` : ''}</td>
      <td class="num">${number(d.found)}</td>
      <td class="num">${number(d.closed)}</td>
      <td class="num">${number(d.open)}</td>
      <td class="num">${number(d.overdue)}</td>
      <td class="num">${number(d.majorFound)}</td>
      <td class="closure-rate">${rateCell(d.closureRate)}</td>
    </tr>`).join('');
  const total = table.total || {};
  foot.innerHTML = `<tr data-district="total" data-closure-rate="${total.closureRate ?? ''}">
      <td>${escape(t('total'))}</td>
      <td class="num">${number(total.found)}</td><td class="num">${number(total.closed)}</td>
      <td class="num">${number(total.open)}</td><td class="num">${number(total.overdue)}</td>
      <td class="num">${number(total.majorFound)}</td><td class="closure-rate">${rateCell(total.closureRate)}</td></tr>`;
}

function renderKpis(row) {
  const r = row || {};
  const cards = [
    ['kpiFound', number(r.found), ''],
    ['kpiClosed', number(r.closed), 'good'],
    ['kpiClosureRate', percent(r.closureRate), 'good'],
    ['kpiOnTime', percent(r.onTimeRate), ''],
    ['kpiOverdue', number(r.overdue), 'bad'],
    ['kpiMajorOpen', number(r.majorOpen), 'warn'],
    ['kpiSupervision', number(r.underSupervision), 'warn']
  ];
  document.getElementById('kpis').innerHTML = cards.map(([key, value, tone]) =>
    `<div class="kpi ${tone}" data-kpi="${key}"><div class="label">${escape(t(key))}</div><div class="value">${escape(value)}</div></div>`).join('');
}

// --- Charts ---------------------------------------------------------------------------------------------------
const PALETTE = ['#1d4ed8', '#16a34a', '#f59e0b', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#ea580c', '#64748b'];

function chart(id) {
  const el = document.getElementById(id);
  if (!state.charts[id]) {
    state.charts[id] = echarts.init(el, null, { renderer: 'canvas' });
  }
  return state.charts[id];
}

function emptyChart(id, message) {
  chart(id).clear();
  chart(id).setOption({
    title: { text: message, left: 'center', top: 'middle', textStyle: { color: '#9ca3af', fontSize: 13, fontWeight: 'normal' } }
  });
}

async function loadTrend() {
  const trend = await api('/api/stats/trend' + query({ district: selectedDistrict() }));
  const months = trend && trend.months ? trend.months : [];
  if (months.length === 0) {
    emptyChart('trend-chart', trend ? t('empty') : t('unavailable'));
    return;
  }
  chart('trend-chart').clear();
  chart('trend-chart').setOption({
    color: ['#1d4ed8', '#16a34a', '#f59e0b'],
    tooltip: { trigger: 'axis', valueFormatter: v => v },
    legend: { top: 0, data: [t('trendFound'), t('trendClosed'), t('trendRate')] },
    grid: { left: 44, right: 48, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months.map(m => m.month), axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef2f7' } } },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } }
    ],
    series: [
      { name: t('trendFound'), type: 'bar', barMaxWidth: 18, data: months.map(m => m.found) },
      { name: t('trendClosed'), type: 'bar', barMaxWidth: 18, data: months.map(m => m.closed) },
      { name: t('trendRate'), type: 'line', yAxisIndex: 1, smooth: true, symbolSize: 6,
        data: months.map(m => m.closureRate === null || m.closureRate === undefined ? null : +(m.closureRate * 100).toFixed(1)),
        tooltip: { valueFormatter: v => v === null || v === undefined ? '—' : v + '%' } }
    ]
  });
}

async function loadBreakdowns() {
  const code = selectedDistrict() || 'all';
  const [severity, category] = await Promise.all([
    api(`/api/stats/districts/${encodeURIComponent(code)}` + query({ by: 'severity' })),
    api(`/api/stats/districts/${encodeURIComponent(code)}` + query({ by: 'category' }))
  ]);
  const severityRows = severity && severity.rows ? severity.rows.filter(r => r.found > 0) : [];
  if (severityRows.length === 0) {
    emptyChart('severity-chart', severity ? t('empty') : t('unavailable'));
  } else {
    chart('severity-chart').clear();
    chart('severity-chart').setOption({
      color: ['#3b82f6', '#dc2626', '#f59e0b'],
      tooltip: { trigger: 'item', formatter: p => `${p.name}<br>${number(p.value)} (${p.percent}%)` },
      legend: { bottom: 0 },
      series: [{
        type: 'pie', radius: ['46%', '72%'], center: ['50%', '45%'], avoidLabelOverlap: true,
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: { formatter: '{d}%' },
        data: severityRows.map(r => ({ name: dict('severities', r.key), value: r.found }))
      }]
    });
  }
  const categoryRows = category && category.rows ? category.rows.filter(r => r.found > 0).sort((a, b) => a.found - b.found) : [];
  if (categoryRows.length === 0) {
    emptyChart('category-chart', category ? t('empty') : t('unavailable'));
  } else {
    chart('category-chart').clear();
    chart('category-chart').setOption({
      color: PALETTE,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: [t('colFound'), t('colClosed')] },
      grid: { left: 92, right: 20, top: 30, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef2f7' } } },
      yAxis: { type: 'category', data: categoryRows.map(r => dict('categories', r.key)) },
      series: [
        { name: t('colFound'), type: 'bar', barMaxWidth: 12, data: categoryRows.map(r => r.found) },
        { name: t('colClosed'), type: 'bar', barMaxWidth: 12, data: categoryRows.map(r => r.closed) }
      ]
    });
  }
}

// --- Watchlist ------------------------------------------------------------------------------------------------
async function loadWatchlist() {
  const list = await api('/api/stats/watchlist' + query({ district: selectedDistrict(), limit: 50 }));
  const body = document.querySelector('#watchlist tbody');
  const items = list && list.items ? list.items : [];
  if (items.length === 0) {
    body.innerHTML = `<tr><td colspan="7" class="empty">${escape(list ? t('empty') : t('unavailable'))}</td></tr>`;
    return;
  }
  body.innerHTML = items.map(h => `
    <tr data-hazard="${escape(h.hazardId)}">
      <td>${escape(h.enterpriseName || '—')}</td>
      <td>${escape(h.title || '')}<span class="code">${escape(dict('categories', h.category))}</span></td>
      <td>${escape(districtName(h.districtCode))}</td>
      <td><span class="tag ${h.severity === 'MAJOR' ? 'major' : ''}">${escape(dict('severities', h.severity))}</span></td>
      <td>${escape((h.foundAt || '').slice(0, 10))}</td>
      <td>${escape(h.deadline || '—')}</td>
      <td>${h.overdue ? `<span class="tag overdue">${escape(t('overdue'))}</span>` : ''}${h.underSupervision
        ? `<span class="tag supervised">${escape(h.supervisionLevel ? dict('supervisionLevels', h.supervisionLevel) : t('supervised'))}</span>` : ''}</td>
    </tr>`).join('');
}

// --- Live feed: fetch + a streaming SSE parser (EventSource cannot send the caller's headers) -------------------
class LiveFeed {
  constructor(district, onEvent, onStatus) {
    this.district = district;
    this.onEvent = onEvent;
    this.onStatus = onStatus;
    this.lastEventId = null;
    this.retry = 1000;
    this.stopped = false;
    this.controller = null;
    this.connectedAt = Date.now();
  }

  start() {
    this.connect();
    return this;
  }

  stop() {
    this.stopped = true;
    if (this.controller) this.controller.abort();
  }

  async connect() {
    if (this.stopped) return;
    this.onStatus(this.lastEventId === null ? 'connecting' : 'reconnecting');
    this.controller = new AbortController();
    const q = new URLSearchParams();
    if (this.district) q.set('district', this.district);
    const headers = { Accept: 'text/event-stream' };
    if (this.lastEventId !== null) {
      headers['Last-Event-ID'] = this.lastEventId;
    } else {
      q.set('recent', '30');
    }
    try {
      const response = await api('/api/stream?' + q, { raw: true, headers, signal: this.controller.signal, cache: 'no-store' });
      if (!response.ok || !response.body) throw new Error('stream answered ' + response.status);
      this.onStatus('connected');
      this.connectedAt = Date.now();
      this.retry = 1000;
      await this.read(response.body.getReader());
    } catch (e) {
      // fall through to reconnect
    }
    if (!this.stopped) {
      this.onStatus('reconnecting');
      setTimeout(() => this.connect(), this.retry);
      this.retry = Math.min(this.retry * 2, 30000);
    }
  }

  async read(reader) {
    const decoder = new TextDecoder('utf-8');
    let buffer = '';
    let event = { id: null, name: 'message', data: [] };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (event.data.length > 0) this.dispatch(event);
          event = { id: null, name: 'message', data: [] };
          continue;
        }
        if (line.startsWith(':')) continue; // heartbeat or greeting
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const content = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') event.id = content;
        else if (field === 'event') event.name = content;
        else if (field === 'data') event.data.push(content);
        else if (field === 'retry' && /^\d+$/.test(content)) this.retry = +content;
      }
    }
  }

  dispatch(event) {
    if (event.id !== null) this.lastEventId = event.id;
    let data;
    try {
      data = JSON.parse(event.data.join('\n'));
    } catch (e) {
      return;
    }
    this.onEvent(event.name, event.id, data);
  }
}

const MAX_FEED_ITEMS = 100;
let statsRefresh = null;

function eventSummary(type, envelope) {
  const p = envelope.payload || {};
  const plan = p.plan || {};
  const kind = !p.kind ? null : dict(type === 'EnforcementActionTaken' ? 'enforcementKinds' : 'inspectionKinds', p.kind);
  const parts = [
    p.title, p.name, p.description, p.summary, p.comment, p.reason, p.campaign, plan.measures, kind,
    p.level ? dict('supervisionLevels', p.level) : null,
    typeof p.to === 'string' ? dict('severities', p.to) : null,
    type === 'HazardClosed' ? t(p.onTime ? 'closedOnTime' : 'closedLate') : null,
    p.newDeadline || plan.deadline || p.deadline || null,
    p.amountYuan ? '¥' + number(p.amountYuan) : null
  ].filter(Boolean);
  const id = (envelope.aggregateId || '').slice(0, 8);
  return parts.length > 0 ? parts.slice(0, 2).join(' · ') : '#' + id;
}

function showLiveEvent(type, id, envelope) {
  const feed = document.getElementById('live-feed');
  feed.querySelector('.placeholder')?.remove();
  if (type === 'gap') {
    feed.insertAdjacentHTML('afterbegin', `<li class="gap"><span class="notice">${escape(t('liveGap'))}</span></li>`);
    return;
  }
  const item = document.createElement('li');
  // Highlight what happens while the page is open, not the recent events it starts with.
  item.className = state.live && Date.now() - state.live.connectedAt > 1500 ? 'fresh' : '';
  item.dataset.eventId = envelope.eventId || '';
  item.dataset.type = type;
  item.dataset.aggregateId = envelope.aggregateId || '';
  item.liveEvent = { type, envelope };
  item.innerHTML = feedItemHtml(type, envelope);
  feed.prepend(item);
  while (feed.children.length > MAX_FEED_ITEMS) feed.lastElementChild.remove();
  // Statistics follow hazard events: refresh shortly after a burst settles.
  if (type.startsWith('Hazard') || type.startsWith('Rectification') || type.startsWith('Verification') || type.startsWith('Supervision')) {
    clearTimeout(statsRefresh);
    statsRefresh = setTimeout(loadStatistics, 2500);
  }
}

function feedItemHtml(type, envelope) {
  const time = new Date(envelope.occurredAt || Date.now());
  const summary = eventSummary(type, envelope);
  return `
    <span class="time">${escape(time.toLocaleTimeString(state.lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false }))}</span>
    <span class="what">${escape(dict('eventTypes', type))}
      ${envelope.districtCode ? `<span class="tag">${escape(districtName(envelope.districtCode))}</span>` : ''}</span>
    <span class="detail" title="${escape(summary)}">${escape(summary)}</span>`;
}

/** After a change of language: the feed's items and notices in the new one. */
function relabelFeed() {
  document.querySelectorAll('#live-feed li').forEach(li => {
    if (li.liveEvent) li.innerHTML = feedItemHtml(li.liveEvent.type, li.liveEvent.envelope);
    else if (li.classList.contains('gap')) li.querySelector('.notice').textContent = t('liveGap');
    else if (li.classList.contains('placeholder')) li.querySelector('.notice').textContent = t('liveEmpty');
  });
}

function showLiveStatus(status) {
  const el = document.getElementById('live-status');
  el.className = 'status ' + (status === 'connected' ? 'on' : 'off');
  el.querySelector('span').textContent = t(status === 'connected' ? 'liveConnected' : status === 'connecting' ? 'liveConnecting' : 'liveReconnecting');
  el.dataset.status = status;
}

function startLiveFeed() {
  if (state.live) state.live.stop();
  const feed = document.getElementById('live-feed');
  feed.innerHTML = `<li class="placeholder"><span class="notice" style="color:var(--muted)">${escape(t('liveEmpty'))}</span></li>`;
  state.live = new LiveFeed(selectedDistrict(), showLiveEvent, showLiveStatus).start();
}

// --- Wiring ---------------------------------------------------------------------------------------------------
function loadStatistics() {
  return Promise.all([loadDistricts(), loadTrend(), loadBreakdowns(), loadWatchlist()]);
}

function render() {
  applyLabels();
  loadStatistics();
}

document.getElementById('controls').addEventListener('submit', e => {
  e.preventDefault();
  const districtChanged = document.getElementById('district').value !== state.district;
  state.district = document.getElementById('district').value;
  state.from = document.getElementById('from').value;
  state.to = document.getElementById('to').value;
  loadStatistics();
  if (districtChanged) startLiveFeed();
});
document.getElementById('district').addEventListener('change', () => {
  document.getElementById('controls').requestSubmit();
});
document.getElementById('language').addEventListener('click', () => {
  state.lang = state.lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('dashboard.lang', state.lang);
  render();
  relabelFeed();
  showLiveStatus(document.getElementById('live-status').dataset.status || 'connecting');
});
document.querySelector('#district-table tbody').addEventListener('click', e => {
  const row = e.target.closest('tr[data-district]');
  if (!row) return;
  const select = document.getElementById('district');
  select.value = row.dataset.district === state.district ? 'all' : row.dataset.district;
  document.getElementById('controls').requestSubmit();
});
window.addEventListener('resize', () => Object.values(state.charts).forEach(c => c.resize()));
document.getElementById('from').value = state.from;
document.getElementById('to').value = state.to;
setInterval(loadStatistics, 60000);
render();
startLiveFeed();
